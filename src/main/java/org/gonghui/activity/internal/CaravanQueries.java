package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gonghui.activity.CaravanStatus;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of caravan requests, and who may do what with one (see {@link CaravanService} for the
 * rules in words): the list, one request with its history and the caller's possible moves, and the
 * defaults of the request form.
 */
@Service
public class CaravanQueries {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final Set<Role> PARTICIPANTS = EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);
	private static final Set<Role> DECIDERS = EnumSet.of(Role.ADMIN, Role.STAFF);

	private final CaravanRepository caravans;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final Clock clock;

	CaravanQueries(CaravanRepository caravans, Organizations organizations, CurrentUser currentUser, Clock clock) {
		this.caravans = caravans;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** Requests of unions in the caller's scope, newest first, optionally of one status. */
	@Transactional(readOnly = true)
	public PageResult<CaravanLine> list(CaravanStatus status, PageResult.Request page) {
		requireParticipant();
		String scope = currentUser.scope().pathPattern();
		long total = caravans.count(scope, status);
		var lines = caravans.search(scope, status, page.offset(), page.size()).stream()
			.map(r -> new CaravanLine(r.id(), r.unionId(), r.unionName(), r.districtName(), r.employerName(), r.windowFrom(), r.windowTo(),
					r.expectedParticipants(), r.status(), r.activityId(), r.createdAt()))
			.toList();
		return new PageResult<>(lines, page.page(), page.size(), total);
	}

	/** One request with its history and what the caller may do with it. */
	@Transactional(readOnly = true)
	public CaravanView get(long id) {
		requireParticipant();
		return view(visible(id));
	}

	/** Whether the caller may ask for a caravan at all (the list shows the button). */
	public boolean mayRequest() {
		return currentUser.account().map(a -> PARTICIPANTS.contains(a.role())).orElse(false);
	}

	/** The union a new request names first: the only union in the caller's scope (a union chair's own), else none. */
	@Transactional(readOnly = true)
	public Long defaultUnion() {
		requireParticipant();
		List<OrganizationSummary> unions = organizations.visibleJoinableUnions(null, 2);
		return unions.size() == 1 ? unions.get(0).id() : null;
	}

	/** Today in Beijing, where the visits happen. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), BEIJING);
	}

	CaravanRepository.Request visible(long id) {
		return caravans.findById(id).filter(r -> currentUser.scope().includes(r.unionPath()))
			.orElseThrow(() -> new RecordNotFoundException("caravan_request", id));
	}

	void requireParticipant() {
		if (!mayRequest()) {
			throw new AccessDeniedException("Not allowed to handle caravans");
		}
	}

	/** District staff (or higher) decide: a chair sees their union's request but never the district above it. */
	boolean mayDecide(CaravanRepository.Request r) {
		return currentUser.account().map(a -> DECIDERS.contains(a.role())).orElse(false) && currentUser.scope().includes(r.districtPath());
	}

	void requireDecider(CaravanRepository.Request r) {
		if (!mayDecide(r)) {
			throw new AccessDeniedException("Only the district federation decides on a caravan request");
		}
	}

	/** The account that asked, or the union's chair (accounts change hands; the union's wish does not). */
	boolean mayWithdraw(CaravanRepository.Request r) {
		return currentUser.account().map(AccountRef::username).filter(r.requestedBy()::equals).isPresent() || currentUser.hasRole(Role.UNION_CHAIR);
	}

	private CaravanView view(CaravanRepository.Request r) {
		var history = caravans.events(r.id()).stream().map(e -> new CaravanEvent(e.from(), e.to(), e.actor(), e.note(), e.at())).toList();
		boolean decider = mayDecide(r);
		var actions = new Actions(decider && r.status().mayMoveTo(CaravanStatus.ACCEPTED), decider && r.status().mayMoveTo(CaravanStatus.DECLINED),
				mayWithdraw(r) && r.status().mayMoveTo(CaravanStatus.WITHDRAWN), decider && r.status().mayMoveTo(CaravanStatus.SCHEDULED));
		return new CaravanView(r.id(), r.unionId(), r.unionName(), r.districtId(), r.districtName(), r.employerId(), r.employerName(), r.windowFrom(),
				r.windowTo(), r.expectedParticipants(), r.needs(), r.contactName(), r.contactPhone(), r.status(), r.decisionNote(), r.activityId(),
				r.requestedBy(), r.createdAt(), r.updatedAt(), r.version(), history, actions);
	}

	static LocalDateTime local(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, BEIJING);
	}

	/** What the caller may do with the request now. */
	public record Actions(boolean accept, boolean decline, boolean withdraw, boolean schedule) {

		public boolean any() {
			return accept || decline || withdraw || schedule;
		}
	}

	public record CaravanEvent(CaravanStatus from, CaravanStatus to, String actor, String note, Instant at) {

		public LocalDateTime atLocal() {
			return local(at);
		}
	}

	public record CaravanLine(long id, long unionId, String unionName, String districtName, String employerName, LocalDate windowFrom,
			LocalDate windowTo, int expectedParticipants, CaravanStatus status, Long activityId, Instant createdAt) {

		public LocalDateTime createdAtLocal() {
			return local(createdAt);
		}
	}

	public record CaravanView(long id, long unionId, String unionName, long districtId, String districtName, Long employerId, String employerName,
			LocalDate windowFrom, LocalDate windowTo, int expectedParticipants, String needs, String contactName, String contactPhone,
			CaravanStatus status, String decisionNote, Long activityId, String requestedBy, Instant createdAt, Instant updatedAt, int version,
			List<CaravanEvent> history, Actions actions) {

		public LocalDateTime createdAtLocal() {
			return local(createdAt);
		}
	}
}
