package org.gonghui.organization.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gonghui.organization.OrganizationLevel;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.shared.OrgPath;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation picker of every form: a live search over the tree instead of a {@code <select>} of
 * the whole scope (a city has thousands of unions). It only proposes; the service behind each form
 * still checks the choice against its own rule (scope, level, subtree).
 */
@Service("organizationPicker")
public class OrganizationPicker {

	static final int MAX_RESULTS = 30;
	/** Ancestors shown before a name, nearest last: enough to tell two 工会 of the same name apart. */
	static final int TRAIL_LENGTH = 2;

	/** What a picker offers. */
	public enum Kind {
		/** Any organisation in the caller's scope (organisers, owners, parents, accounts). */
		ANY,
		/** Unions that hold members (grassroots and joint unions) in the caller's scope. */
		UNION,
		/** District federations (regional federations at district level) in the caller's scope. */
		DISTRICT,
		/** Unions that hold members, anywhere: the public join form. */
		PUBLIC_UNION
	}

	/** One proposal: the name, with the ancestors that place it in the tree. */
	public record Option(long id, String name, String trail, OrganizationLevel level) {
	}

	private final OrganizationRepository organizations;
	private final CurrentUser currentUser;

	OrganizationPicker(OrganizationRepository organizations, CurrentUser currentUser) {
		this.organizations = organizations;
		this.currentUser = currentUser;
	}

	/**
	 * Proposals whose name contains {@code text} (all, highest levels first, when blank); {@code within}
	 * narrows them to one subtree, itself inside the scope (a round's host under the competition's organiser).
	 */
	@Transactional(readOnly = true)
	public List<Option> find(Kind kind, String text, Long within, Integer limit) {
		int max = limit == null ? 20 : Math.max(1, Math.min(MAX_RESULTS, limit));
		String pattern = pattern(kind, within);
		if (pattern.isEmpty()) {
			return List.of();
		}
		boolean unionsOnly = kind == Kind.UNION || kind == Kind.PUBLIC_UNION;
		// A district federation: the district level's regional federation, not its industry or joint unions.
		String level = kind == Kind.DISTRICT ? OrganizationLevel.DISTRICT.name() : null;
		String type = kind == Kind.DISTRICT ? org.gonghui.organization.OrganizationType.REGIONAL_FEDERATION.name() : null;
		return options(organizations.pick(pattern, OrganizationService.like(text), unionsOnly, level, type, max));
	}

	/** The name shown in a picker for its current value; null when there is none or the caller may not see it. */
	@Transactional(readOnly = true)
	public String label(Object id) {
		Long value = id instanceof Number n ? Long.valueOf(n.longValue()) : id instanceof String s && s.matches("\\d{1,18}") ? Long.valueOf(s) : null;
		if (value == null) {
			return null;
		}
		return organizations.findById(value).filter(o -> currentUser.scope().includes(o.path()) || OrganizationDirectoryAdapter.acceptsMembers(o))
			.map(Organization::name).orElse(null);
	}

	private String pattern(Kind kind, Long within) {
		DataScope scope = kind == Kind.PUBLIC_UNION ? DataScope.all() : currentUser.scope();
		if (within == null) {
			return scope.pathPattern();
		}
		return organizations.findById(within).map(Organization::path).filter(scope::includes).map(OrgPath::subtreePattern).orElse("");
	}

	private List<Option> options(List<Organization> found) {
		Set<Long> ancestorIds = new HashSet<>();
		for (Organization o : found) {
			ancestorIds.addAll(trailIds(o));
		}
		Map<Long, String> names = names(ancestorIds);
		List<Option> options = new ArrayList<>(found.size());
		for (Organization o : found) {
			String trail = trailIds(o).stream().map(names::get).filter(java.util.Objects::nonNull).collect(Collectors.joining(" › "));
			options.add(new Option(o.id(), o.name(), trail, o.level()));
		}
		return options;
	}

	private static List<Long> trailIds(Organization o) {
		List<Long> ids = o.path().ids();
		List<Long> above = ids.subList(0, ids.size() - 1);
		return above.subList(Math.max(0, above.size() - TRAIL_LENGTH), above.size());
	}

	private Map<Long, String> names(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return organizations.findAllById(ids).stream().collect(Collectors.toMap(Organization::id, Organization::name, (a, b) -> a));
	}
}
