package org.gonghui.activity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.Audience;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registration with capacity and waitlist. A seat is taken by one conditional update of the activity's
 * counter, so concurrent sign-ups never oversell; one registration per member and activity is a unique
 * key, so a double click, a retry or a second tab finds the first registration. A seat that frees goes to
 * the head of the waitlist as an offer with a deadline; expired offers pass on (see {@link OfferExpiry}).
 *
 * <p>Group counselling asks for consent first: nothing is stored until the member has accepted the consent text
 * (what group counselling is, confidentiality within the group, taking part is voluntary and one may leave at
 * any time, the union sees registration and attendance only, nothing said in the group). A worker accepts it
 * themself on the phone. Staff may register one member on their behalf only by confirming that the member signed
 * the consent on paper; that is recorded as an offline consent, with the staff account as the registration's
 * author. A list of card numbers cannot carry each person's consent, so list registration takes one member at a
 * time for group counselling (see {@link #registerList}).
 */
@Service
public class RegistrationService {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Version of the group counselling consent text (messages {@code activity.consent.*}); stored with each consent. */
	public static final String CONSENT_VERSION = "2026-12-v1";

	private final RegistrationRepository registrations;
	private final ActivityRepository activities;
	private final ActivityAccess access;
	private final Members members;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final Waitlist waitlist;

	RegistrationService(RegistrationRepository registrations, ActivityRepository activities, ActivityAccess access, Members members,
			CurrentUser currentUser, AuditLog audit, Clock clock,
			Waitlist waitlist) {
		this.waitlist = waitlist;
		this.registrations = registrations;
		this.activities = activities;
		this.access = access;
		this.members = members;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Registers a member (staff acting for them, or a worker themself). Idempotent: a second call for the
	 * same member returns the first registration, whatever state it is in.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public RegistrationView register(long activityId, Long memberId) {
		return attempt(activityId, memberId, false).registration();
	}

	/** {@link #register}, with the member's consent where the activity asks for it (group counselling). */
	@Transactional(propagation = Propagation.SUPPORTS)
	public RegistrationView register(long activityId, Long memberId, boolean consent) {
		return attempt(activityId, memberId, consent).registration();
	}

	/** Whether activities of this kind ask for the member's consent before a registration is created. */
	public static boolean needsConsent(ActivityKind kind) {
		return kind == ActivityKind.GROUP_COUNSELLING;
	}

	/** What a registration attempt answered: the registration, and whether this attempt created it. */
	public record Attempt(RegistrationView registration, boolean created) {
	}

	/**
	 * {@link #register}, telling a new registration from one that existed.
	 *
	 * <p>The sign-up rush runs this thousands of times a second, so it is built from as few round trips as the
	 * rules allow: the member (with their union's path) and the activity (with the member's registration, if
	 * any) are one read each, outside any transaction (each is consistent on its own, and nothing is decided
	 * on them that the write does not decide again); the write is {@link RegistrationRepository#create},
	 * where the conditional seat update decides. If the same member's other click inserts first, the unique
	 * key undoes this attempt's write, seat included, and the winner's registration is the answer. The
	 * registration's first event (who, when, which status) is its record; no separate audit row.
	 *
	 * <p>{@code SUPPORTS}: no transaction, but one connection for all of it (Spring binds the first one taken
	 * to the call) instead of one pool checkout per statement, which under the rush means threads queueing
	 * and spinning for connections. (On H2 the write's own transaction takes a second one.) Called inside a
	 * caller's transaction it joins it; a lost double-click race then fails the caller's transaction, which
	 * must be retried as a whole.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Attempt attempt(long activityId, Long memberId) {
		return attempt(activityId, memberId, false);
	}

	/**
	 * {@link #attempt(long, Long)} with {@code consent}: for group counselling it must be true (the worker accepted
	 * the consent text, or staff confirm the member signed it on paper), else the answer is a field problem on
	 * {@code consent} and nothing is stored; other kinds ignore it.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Attempt attempt(long activityId, Long memberId, boolean consent) {
		MemberSummary member;
		ActivityRepository.WithRegistration found;
		boolean staff = access.mayWrite();
		if (staff) {
			if (memberId == null) {
				access.visible(activityId);
				throw InvalidInputException.of("memberId", "validation.required");
			}
			found = activities.findWithRegistration(activityId, memberId).orElse(null);
			access.visible(Optional.ofNullable(found).map(ActivityRepository.WithRegistration::activity), activityId);
			member = members.find(memberId)
				.filter(m -> currentUser.scope().includes(new OrgPath(m.unionPath())))
				.orElseThrow(() -> InvalidInputException.of("memberId", "activity.member.notFound"));
		}
		else {
			// A worker registers themself, and only themself.
			member = self().orElseThrow(() -> new AccessDeniedException("No member record for this account"));
			if (memberId != null && memberId != member.id()) {
				throw new AccessDeniedException("Workers register only themselves");
			}
			found = activities.findWithRegistration(activityId, member.id()).orElse(null);
			access.visibleTo(member, Optional.ofNullable(found).map(ActivityRepository.WithRegistration::activity), activityId);
		}
		ActivityRepository.Activity activity = found.activity();
		// Consent comes first, even before a repeated call finds the registration it made: without it this kind answers nothing else.
		if (needsConsent(activity.kind()) && !consent) {
			throw InvalidInputException.of("consent", staff ? "activity.consent.requiredOffline" : "activity.consent.required");
		}
		if (found.registrationId() != null) {
			return new Attempt(new RegistrationView(found.registrationId(), activityId, member.id(), member.name(), found.status(),
					found.offeredUntil(), found.createdAt(), null, found.consentAt(), found.consentOffline()), false);
		}
		checkOpen(activity);
		if (!member.active()) {
			throw InvalidInputException.of("memberId", "activity.member.notActive");
		}
		// A worker's activity was found through the audience rule already (visibleTo).
		if (staff && !access.inAudience(activity, member)) {
			throw InvalidInputException.of("memberId", "activity.member.notInAudience");
		}
		// Microseconds, as the database keeps them, so the answer shows what was stored.
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		try {
			RegistrationRepository.Consent given = needsConsent(activity.kind()) ? new RegistrationRepository.Consent(now, CONSENT_VERSION, staff)
					: null;
			var created = registrations.create(activity.id(), member.id(), activity.approvalRequired(), activity.waitlistEnabled(), newCode(),
					currentUser.username(), now, given);
			if (created.isPresent()) {
				return new Attempt(new RegistrationView(created.get().id(), activity.id(), member.id(), member.name(), created.get().status(), null,
						now, null, given == null ? null : given.at(), given != null && given.offline()), true);
			}
			// Full without a waitlist, or closed meanwhile; but if the member's other click just took the last
			// seat, that is the answer.
			return new Attempt(registrations.find(activityId, member.id()).map(r -> view(r, false))
				.orElseThrow(() -> InvalidInputException.of(null, activities.open(activityId) ? "activity.registration.full"
						: "activity.registration.notOpen")), false);
		}
		catch (DuplicateKeyException e) {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				// Inside a caller's transaction the failed statement has spoilt it (PostgreSQL) or marked it
				// rollback-only (H2): the caller must retry as a whole.
				throw e;
			}
			// The same member's other click won the race: that registration is the answer.
			return new Attempt(view(registrations.find(activityId, member.id()).orElseThrow(), false), false);
		}
	}

	static final int MAX_LIST = 500;

	/**
	 * Registers a list of members on their behalf (a union chair enrolling a class of trainees): each entry
	 * is a member id or a card number (会员证号), each is registered on its own (see {@link #attempt}), and
	 * each gets its own result; one refusal does not stop the others. Staff only.
	 */
	public List<ListEntryResult> registerList(long activityId, List<String> entries) {
		return registerList(activityId, entries, false);
	}

	/**
	 * {@link #registerList(long, List)}; for group counselling exactly one member, with {@code consentSignedOffline}
	 * confirming that this member signed the consent on paper (a class enrolled by its chair is not each person's
	 * free choice, and one tick cannot stand for many signatures). Refused as a whole otherwise, nothing stored.
	 */
	public List<ListEntryResult> registerList(long activityId, List<String> entries, boolean consentSignedOffline) {
		access.requireWriter();
		ActivityRepository.Activity activity = access.visible(activityId);
		if (entries == null || entries.isEmpty()) {
			throw InvalidInputException.of("entries", "validation.required");
		}
		if (entries.size() > MAX_LIST) {
			throw InvalidInputException.of("entries", "activity.list.tooMany", MAX_LIST);
		}
		boolean consentKind = needsConsent(activity.kind());
		if (consentKind) {
			if (entries.stream().filter(e -> e != null && !e.isBlank()).count() > 1) {
				throw InvalidInputException.of("entries", "activity.consent.oneAtATime");
			}
			if (!consentSignedOffline) {
				throw InvalidInputException.of("consent", "activity.consent.requiredOffline");
			}
		}
		List<ListEntryResult> results = new java.util.ArrayList<>();
		java.util.Set<Long> seen = new java.util.HashSet<>();
		for (String raw : entries) {
			String entry = raw == null ? "" : raw.strip();
			if (entry.isEmpty()) {
				continue;
			}
			Optional<MemberSummary> member = entry.chars().allMatch(Character::isDigit) && entry.length() < 18
					? members.find(Long.parseLong(entry)).or(() -> members.findByCardNumber(entry))
					: members.findByCardNumber(entry);
			member = member.filter(m -> currentUser.scope().includes(new OrgPath(m.unionPath())));
			if (member.isEmpty()) {
				results.add(ListEntryResult.refused(entry, null, null, "activity.member.notFound"));
				continue;
			}
			MemberSummary m = member.get();
			if (!seen.add(m.id())) {
				results.add(ListEntryResult.refused(entry, m.id(), m.name(), "activity.list.duplicate"));
				continue;
			}
			try {
				Attempt attempt = attempt(activityId, m.id(), consentKind);
				RegistrationView view = attempt.registration();
				results.add(new ListEntryResult(entry, m.id(), m.name(), view.id(), view.status(), attempt.created(), null, null));
			}
			catch (InvalidInputException e) {
				var problem = e.problems().get(0);
				results.add(new ListEntryResult(entry, m.id(), m.name(), null, null, false, problem.code(), problem.args()));
			}
		}
		audit.record("registration.list", "activity", activityId, results.stream().filter(ListEntryResult::created).count() + " of "
				+ results.size() + " registered");
		return results;
	}

	/** One line of a list registration: a new or existing registration, or why the member was refused. */
	// Serializable: the page shows the results after a redirect, as a flash attribute kept in the (JDBC) session.
	public record ListEntryResult(String entry, Long memberId, String memberName, Long registrationId, RegistrationStatus status, boolean created,
			String problemCode, Object[] problemArgs) implements java.io.Serializable {

		static ListEntryResult refused(String entry, Long memberId, String memberName, String code) {
			return new ListEntryResult(entry, memberId, memberName, null, null, false, code, new Object[0]);
		}
	}

	/** Cancels a registration; a seat it held goes to the head of the waitlist as an offer. */
	@Transactional
	public RegistrationView cancel(long registrationId, String note) {
		RegistrationRepository.Registration r = visibleOrOwn(registrationId);
		move(r, RegistrationStatus.CANCELLED, null, note);
		if (r.status().holdsSeat()) {
			waitlist.passSeatOn(r.activityId());
		}
		return view(registrations.findById(registrationId).orElseThrow(), false);
	}

	/** The organiser approves a registration that waits for approval: a seat if one is free, else the waitlist. */
	@Transactional
	public RegistrationView approve(long registrationId) {
		access.requireWriter();
		RegistrationRepository.Registration r = visible(registrationId);
		ActivityRepository.Activity activity = access.visible(r.activityId());
		if (r.status() != RegistrationStatus.PENDING_APPROVAL) {
			throw InvalidInputException.of("status", "activity.registration.illegal", r.status().name(), RegistrationStatus.REGISTERED.name());
		}
		if (activities.takeSeat(activity.id())) {
			move(r, RegistrationStatus.REGISTERED, null, null);
		}
		else if (activity.waitlistEnabled()) {
			move(r, RegistrationStatus.WAITLISTED, null, null);
		}
		else {
			throw InvalidInputException.of(null, "activity.registration.full");
		}
		return view(registrations.findById(registrationId).orElseThrow(), false);
	}

	/** The member takes the seat offered to them, before the offer's deadline. */
	@Transactional
	public RegistrationView acceptOffer(long registrationId) {
		RegistrationRepository.Registration r = visibleOrOwn(registrationId);
		// Only an offer can be accepted; a pending registration is approved by the organiser (approve), who takes a seat for it.
		if (r.status() != RegistrationStatus.OFFERED) {
			throw InvalidInputException.of("status", "activity.registration.illegal", r.status().name(), RegistrationStatus.REGISTERED.name());
		}
		if (r.offeredUntil().isBefore(clock.instant())) {
			throw InvalidInputException.of(null, "activity.offer.expired");
		}
		move(r, RegistrationStatus.REGISTERED, null, null);
		return view(registrations.findById(registrationId).orElseThrow(), false);
	}

	/**
	 * Lets one expired offer lapse and passes its seat on. Returns false when another instance (or a late
	 * accept) got there first: the conditional update lets exactly one of them act.
	 */
	@Transactional
	public boolean expire(long registrationId) {
		RegistrationRepository.Registration r = registrations.findById(registrationId).orElse(null);
		Instant now = clock.instant();
		if (r == null || r.status() != RegistrationStatus.OFFERED || !r.offeredUntil().isBefore(now)) {
			return false;
		}
		if (!registrations.move(r.id(), RegistrationStatus.OFFERED, RegistrationStatus.CANCELLED, null, now)) {
			return false;
		}
		registrations.insertEvent(r.id(), RegistrationStatus.OFFERED, RegistrationStatus.CANCELLED, "system", "offer expired", now);
		waitlist.passSeatOn(r.activityId());
		return true;
	}

	/** Activities open for registration with a free seat while someone waits: see {@link OfferExpiry}. */
	public List<Long> freeSeatsWithWaiters(int limit) {
		return activities.freeSeatsWithWaiters(limit);
	}

	/** Offers an activity's free seats to its waitlist in arrival order; how many were offered. */
	@Transactional
	public int fillFreeSeats(long activityId) {
		return waitlist.offerFreeSeats(activityId);
	}

	List<Long> expiredOffers(int limit) {
		return registrations.expiredOffers(clock.instant(), limit).stream().map(RegistrationRepository.Registration::id).toList();
	}

	@Transactional(readOnly = true)
	public RegistrationView get(long registrationId) {
		return view(visibleOrOwn(registrationId), true);
	}

	/** The signed-in worker's own registrations, newest first, with their check-in codes. */
	@Transactional(readOnly = true)
	public List<MyRegistration> mine() {
		MemberSummary member = self().orElseThrow(() -> new AccessDeniedException("No member record for this account"));
		return registrations.ofMember(member.id(), 100).stream()
			.map(r -> new MyRegistration(view(r.registration(), true), r.activityTitle(), r.firstSessionStartsAt()))
			.toList();
	}

	/** The member record of the signed-in worker, if the account is linked to one. */
	public Optional<MemberSummary> self() {
		return currentUser.account().filter(a -> a.role() == Role.WORKER).flatMap(a -> members.findByAccount(a.username()));
	}

	@Transactional(readOnly = true)
	public PageResult<RegistrationView> list(long activityId, PageResult.Request page) {
		access.requireWriter();
		access.visible(activityId);
		long total = registrations.count(activityId);
		return new PageResult<>(registrations.page(activityId, page.offset(), page.size()).stream().map(r -> view(r, false)).toList(), page.page(),
				page.size(), total);
	}

	private void move(RegistrationRepository.Registration r, RegistrationStatus to, Instant offeredUntil, String note) {
		if (!r.status().mayMoveTo(to)) {
			throw InvalidInputException.of("status", "activity.registration.illegal", r.status().name(), to.name());
		}
		Instant now = clock.instant();
		if (!registrations.move(r.id(), r.status(), to, offeredUntil, now)) {
			throw new org.springframework.dao.OptimisticLockingFailureException("registration " + r.id() + " changed meanwhile");
		}
		registrations.insertEvent(r.id(), r.status(), to, currentUser.username(), note, now);
		audit.record("registration.status", "registration", r.id(), r.status() + " -> " + to);
	}

	private void checkOpen(ActivityRepository.Activity activity) {
		Instant now = clock.instant();
		if (activity.status() != ActivityStatus.PUBLISHED || activity.kind() == org.gonghui.activity.ActivityKind.COMPETITION) {
			throw InvalidInputException.of(null, "activity.registration.notOpen");
		}
		if (activity.registrationOpensAt() != null && now.isBefore(activity.registrationOpensAt())
				|| activity.registrationClosesAt() != null && !now.isBefore(activity.registrationClosesAt())) {
			throw InvalidInputException.of(null, "activity.registration.outsideWindow");
		}
	}

	/** Staff see registrations of activities in scope; a worker sees their own. Anything else is not found. */
	private RegistrationRepository.Registration visibleOrOwn(long id) {
		if (access.mayWrite()) {
			return visible(id);
		}
		MemberSummary member = self().orElseThrow(() -> new RecordNotFoundException("registration", id));
		return registrations.findById(id).filter(r -> r.memberId() == member.id())
			.orElseThrow(() -> new RecordNotFoundException("registration", id));
	}

	private RegistrationRepository.Registration visible(long id) {
		RegistrationRepository.Registration r = registrations.findById(id).orElseThrow(() -> new RecordNotFoundException("registration", id));
		try {
			access.visible(r.activityId());
		}
		catch (RecordNotFoundException e) {
			throw new RecordNotFoundException("registration", id);
		}
		return r;
	}

	/** 128 random bits: a check-in code nobody can guess from another. */
	private static String newCode() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static RegistrationView view(RegistrationRepository.Registration r, boolean withCode) {
		return new RegistrationView(r.id(), r.activityId(), r.memberId(), r.memberName(), r.status(), r.offeredUntil(), r.createdAt(),
				withCode ? r.checkInCode() : null, r.consentAt(), r.consentOffline());
	}

	/** One of a worker's registrations with what the phone page shows of its activity. */
	public record MyRegistration(RegistrationView registration, String activityTitle, Instant startsAt) {

		/** What the QR code carries: the check-in page accepts it as typed or scanned. */
		public String qrPayload() {
			return "GONGHUI-CHECKIN:" + registration.checkInCode();
		}

		public java.time.LocalDateTime startsAtLocal() {
			return ActivityQueries.local(startsAt);
		}
	}

	/**
	 * A registration; {@code checkInCode} only where one registration is read on its own. {@code consentAt}: when
	 * the member consented (group counselling; else null), {@code consentOffline}: staff recorded a paper consent.
	 */
	public record RegistrationView(long id, long activityId, long memberId, String memberName, RegistrationStatus status, Instant offeredUntil,
			Instant createdAt, String checkInCode, Instant consentAt, boolean consentOffline) {

		/** When the member consented, in Beijing time, for pages. */
		public java.time.LocalDateTime consentAtLocal() {
			return ActivityQueries.local(consentAt);
		}
	}
}
