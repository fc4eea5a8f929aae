package org.gonghui.care.mutualaid.internal;

import java.util.Optional;

import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.OrgPath;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who is asking, for mutual aid: staff (with their data scope), the federation staff who run plans, or a worker
 * whose member record decides which covers and claims are theirs. Also the district above a union, whose office
 * reviews its claims.
 */
@Component
class AidAccess {

	private final CurrentUser current;
	private final Organizations organizations;
	private final Members members;

	AidAccess(CurrentUser current, Organizations organizations, Members members) {
		this.current = current;
		this.organizations = organizations;
		this.members = members;
	}

	/** Staff, union chairs and administrators; 403 for workers and counsellors. */
	AccountRef staff() {
		return current.account().filter(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR)
			.orElseThrow(() -> new AccessDeniedException("Mutual aid is run by union staff"));
	}

	/** Federation staff and administrators (plans, district and federation review, payouts). */
	AccountRef federationStaff() {
		return current.account().filter(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF)
			.orElseThrow(() -> new AccessDeniedException("Only federation staff do this"));
	}

	boolean isStaff() {
		return current.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR).orElse(false);
	}

	boolean isFederationStaff() {
		return current.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF).orElse(false);
	}

	boolean sees(String path) {
		return current.scope().includes(new OrgPath(path));
	}

	/** A path pattern for {@code like}: the caller's subtree ({@code ''} matches nothing). */
	String scopePattern() {
		return current.scope().pathPattern();
	}

	/** The caller's own organisation path, for plans offered to it from above; empty for administrators and workers. */
	String ownPath() {
		return current.scope().rootPath().map(OrgPath::value).orElse("");
	}

	String username() {
		return current.username();
	}

	/** The member behind the signed-in worker account, active or not (a member who left keeps cover to the term's end). */
	Optional<MemberSummary> member() {
		return current.account().filter(a -> a.role() == Role.WORKER).flatMap(a -> members.findByAccount(a.username()));
	}

	MemberSummary requireMember() {
		return member().orElseThrow(() -> new AccessDeniedException("Only members see their own cover and claims"));
	}

	Optional<MemberSummary> findMember(long id) {
		return members.find(id);
	}

	Optional<OrganizationSummary> organization(long id) {
		return organizations.find(id);
	}

	/** The district federation above a union (its office reviews claims), else the union's parent, else the union. */
	String districtPath(long unionId) {
		return organizations.ancestor(unionId, OrganizationLevel.DISTRICT, OrganizationType.REGIONAL_FEDERATION)
			.or(() -> organizations.find(unionId).map(OrganizationSummary::parentId).flatMap(organizations::find))
			.or(() -> organizations.find(unionId))
			.map(OrganizationSummary::path)
			.orElseThrow();
	}

	/** The path just above {@code path} (its parent), or the path itself for a root. */
	static String parentPath(String path) {
		String trimmed = path.substring(0, path.length() - 1);
		int cut = trimmed.lastIndexOf('/');
		return cut <= 0 ? path : trimmed.substring(0, cut + 1);
	}
}
