package org.gonghui.member.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.member.MemberJoined;
import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationType;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 入会大礼包: each district configures the items its new members receive (accident cover, service
 * vouchers …). When a member joins a union in the district's subtree, every active item is granted
 * with a fulfilment status that staff tick off when handed over.
 */
@Service
public class WelcomePackageService {

	private final JdbcClient jdbc;
	private final MemberService members;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	WelcomePackageService(JdbcClient jdbc, MemberService members, Organizations organizations, CurrentUser currentUser, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Grants the package after the member's transaction committed, in a transaction of its own; the
	 * event publication registry retries it if the application stops first.
	 */
	@ApplicationModuleListener
	void on(MemberJoined joined) {
		grant(joined.memberId(), joined.unionId());
	}

	/** Idempotent: an item already granted to the member is not granted twice. */
	@Transactional
	public int grant(long memberId, long unionId) {
		var district = organizations.ancestor(unionId, OrganizationLevel.DISTRICT, OrganizationType.REGIONAL_FEDERATION);
		if (district.isEmpty()) {
			return 0;
		}
		int granted = 0;
		for (Item item : items(district.get().id(), true)) {
			// One statement, so a second delivery of the same event inserts nothing instead of failing.
			granted += jdbc.sql("insert into member_benefit (member_id, item_id, status, granted_at) select :m, :i, 'PENDING', :now"
					+ " where not exists (select 1 from member_benefit where member_id = :m and item_id = :i)")
				.param("m", memberId)
				.param("i", item.id())
				.param("now", Timestamp.from(clock.instant()))
				.update();
		}
		return granted;
	}

	@Transactional(readOnly = true)
	public List<Item> itemsOfDistrict(long districtId) {
		visibleDistrict(districtId);
		return items(districtId, false);
	}

	@Transactional
	public long addItem(long districtId, String name, String description) {
		requireStaff();
		visibleDistrict(districtId);
		List<FieldProblem> problems = new ArrayList<>();
		String cleanName = Text.clean(name);
		if (cleanName == null) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		else if (cleanName.length() > 60 || Text.hasControlCharacters(cleanName)) {
			problems.add(new FieldProblem("name", "validation.tooLong", 60));
		}
		String cleanDescription = MemberService.checkText(description, "description", 300, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into welcome_package_item (district_id, name, description, active, created_at) values (:d, :n, :desc, true, :now)")
			.param("d", districtId)
			.param("n", cleanName)
			.param("desc", cleanDescription)
			.param("now", Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("welcomePackage.add", "welcome_package_item", id, cleanName);
		return id;
	}

	@Transactional
	public void setActive(long itemId, boolean active) {
		requireStaff();
		long district = jdbc.sql("select district_id from welcome_package_item where id = :id").param("id", itemId).query(Long.class).optional()
			.orElseThrow(() -> new RecordNotFoundException("welcome_package_item", itemId));
		visibleDistrict(district);
		jdbc.sql("update welcome_package_item set active = :a where id = :id").param("a", active).param("id", itemId).update();
		audit.record(active ? "welcomePackage.activate" : "welcomePackage.deactivate", "welcome_package_item", itemId, null);
	}

	/** The benefits of a member in the caller's scope. */
	@Transactional(readOnly = true)
	public List<Benefit> benefitsOf(long memberId) {
		members.visible(memberId);
		return benefitsWithoutScope(memberId);
	}

	/**
	 * For the member's own card page; the caller has resolved the member from the private join token
	 * ({@link JoinService#card(String)}), which is the authority there.
	 */
	@Transactional(readOnly = true)
	public List<Benefit> benefitsForCard(long memberId) {
		return benefitsWithoutScope(memberId);
	}

	private List<Benefit> benefitsWithoutScope(long memberId) {
		return jdbc.sql("select b.id, i.name, i.description, b.status, b.granted_at, b.fulfilled_at, b.fulfilled_by from member_benefit b"
				+ " join welcome_package_item i on i.id = b.item_id where b.member_id = :m order by i.id")
			.param("m", memberId)
			.query((rs, n) -> new Benefit(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getString("status"),
					rs.getTimestamp("granted_at").toInstant(), rs.getTimestamp("fulfilled_at") == null ? null : rs.getTimestamp("fulfilled_at").toInstant(),
					rs.getString("fulfilled_by")))
			.list();
	}

	/** Marks a benefit handed over to a member in the caller's scope. */
	@Transactional
	public void fulfil(long memberId, long benefitId) {
		requireStaffOrChair();
		members.visible(memberId);
		int updated = jdbc.sql("update member_benefit set status = 'FULFILLED', fulfilled_at = :now, fulfilled_by = :by"
				+ " where id = :id and member_id = :m and status = 'PENDING'")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", currentUser.username())
			.param("id", benefitId)
			.param("m", memberId)
			.update();
		if (updated != 1) {
			throw new RecordNotFoundException("member_benefit", benefitId);
		}
		audit.record("member.benefit.fulfil", "member", memberId, "benefit " + benefitId);
	}

	private List<Item> items(long districtId, boolean activeOnly) {
		return jdbc.sql("select id, district_id, name, description, active from welcome_package_item where district_id = :d"
				+ " and (:all = true or active = true) order by id")
			.param("d", districtId)
			.param("all", !activeOnly)
			.query((rs, n) -> new Item(rs.getLong("id"), rs.getLong("district_id"), rs.getString("name"), rs.getString("description"),
					rs.getBoolean("active")))
			.list();
	}

	private OrganizationSummary visibleDistrict(long districtId) {
		return organizations.findVisible(districtId)
			.filter(o -> o.level() == OrganizationLevel.DISTRICT && o.type() == OrganizationType.REGIONAL_FEDERATION)
			.orElseThrow(() -> new RecordNotFoundException("organization", districtId));
	}

	private void requireStaff() {
		if (!currentUser.hasRole(Role.ADMIN) && !currentUser.hasRole(Role.STAFF)) {
			throw new AccessDeniedException("Only federation staff configure welcome packages");
		}
	}

	private void requireStaffOrChair() {
		if (!currentUser.hasRole(Role.ADMIN) && !currentUser.hasRole(Role.STAFF) && !currentUser.hasRole(Role.UNION_CHAIR)) {
			throw new AccessDeniedException("Not allowed");
		}
	}

	public record Item(long id, long districtId, String name, String description, boolean active) {
	}

	public record Benefit(long id, String name, String description, String status, java.time.Instant grantedAt,
			java.time.Instant fulfilledAt, String fulfilledBy) {
	}
}
