package org.gonghui.care.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gonghui.activity.AttendedActivities;
import org.gonghui.activity.AttendedActivities.AttendedActivity;
import org.gonghui.care.CommentStatus;
import org.gonghui.care.ServiceForm;
import org.gonghui.care.ServiceType;
import org.gonghui.care.internal.RatingRepository.DoneAppointment;
import org.gonghui.care.internal.RatingRepository.NewRating;
import org.gonghui.care.internal.RatingRepository.Rating;
import org.gonghui.member.MemberSummary;
import org.gonghui.platform.AuditLog;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A worker rates a service they took part in, once, after it happened: an activity they were checked in at once it
 * finished (a caravan included; asked of the activity module's {@link AttendedActivities}), or an appointment with a
 * counsellor that the counsellor marked done. A service the worker did not take part in — another's, one they only
 * registered for, one not finished, an unknown id — is refused alike (400, nothing stored), so the answer tells
 * nothing about other people's services. A second rating of the same service is a conflict (409); the unique keys of
 * {@code care_rating} make it one even for two clicks racing each other.
 * <p>
 * What is stored for figures: the form of service, the organisation path the data scope filters on (the organiser's
 * for an activity, the worker's union's for an appointment: who the counsellor was does not reach union figures), the
 * day it was held. An activity's comment waits for moderation; an appointment's is PRIVATE to the counsellor.
 */
@Service
public class RatingService {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final int MAX_LISTED = 100;
	/** 我的 reminds of services from the last 30 days that are not rated yet; older ones stay rateable on the list. */
	static final Duration REMIND_FOR = Duration.ofDays(30);

	private final RatingRepository ratings;
	private final AttendedActivities attended;
	private final WorkerMembers workers;
	private final AuditLog audit;
	private final Clock clock;

	RatingService(RatingRepository ratings, AttendedActivities attended, WorkerMembers workers, AuditLog audit, Clock clock) {
		this.ratings = ratings;
		this.attended = attended;
		this.workers = workers;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a rating attempt stored. */
	public record Rated(long id, ServiceType serviceType, long serviceId, ServiceForm form, int score, CommentStatus commentStatus) {
	}

	/** The worker's own rating of a service, as they see it (their comment with its moderation status). */
	public record MyRating(long id, int score, String comment, CommentStatus commentStatus, Instant ratedAt) {
	}

	/**
	 * A service the worker took part in: for an activity its title and organiser; for an appointment the counsellor's
	 * name as {@code title} and no organiser. {@code rating} is null until they rated it.
	 */
	public record MyService(ServiceType serviceType, long serviceId, String title, ServiceForm form, String organizer, LocalDate heldOn,
			MyRating rating) {

		public boolean rated() {
			return rating != null;
		}
	}

	/** The services the signed-in worker took part in, latest first, with their ratings. */
	@Transactional(readOnly = true)
	public List<MyService> mine() {
		return servicesOf(workers.require());
	}

	/** One of them; not found for a service the worker did not take part in. */
	@Transactional(readOnly = true)
	public MyService mineOne(ServiceType type, long serviceId) {
		MemberSummary me = workers.require();
		return target(me, type, serviceId).map(t -> t.view(ratings.find(type, serviceId, me.id()).map(RatingService::mine).orElse(null)))
			.orElseThrow(() -> new RecordNotFoundException("service", type + " " + serviceId));
	}

	/** How many services of the last 30 days the signed-in worker has not rated: the reminder on 我的. Zero for anyone but a worker. */
	@Transactional(readOnly = true)
	public long toRateRecently() {
		if (!workers.isWorker()) {
			return 0;
		}
		MemberSummary me;
		try {
			me = workers.require();
		}
		catch (AccessDeniedException e) {
			return 0;
		}
		LocalDate since = LocalDate.ofInstant(clock.instant().minus(REMIND_FOR), BEIJING);
		return servicesOf(me).stream().filter(s -> !s.rated() && !s.heldOn().isBefore(since)).count();
	}

	@Transactional
	public Rated rate(ServiceType type, Long serviceId, Integer score, String comment) {
		MemberSummary me = workers.require();
		List<FieldProblem> problems = new ArrayList<>();
		if (type == null) {
			problems.add(new FieldProblem("serviceType", "validation.required"));
		}
		if (serviceId == null) {
			problems.add(new FieldProblem("serviceId", "validation.required"));
		}
		Integer checkedScore = RatingRules.score(score, problems);
		String text = RatingRules.comment(comment, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Target t = target(me, type, serviceId).orElseThrow(() -> InvalidInputException.of("serviceId", "care.rating.notTaken"));
		if (ratings.find(type, serviceId, me.id()).isPresent()) {
			throw new StateConflictException("care.rating.already");
		}
		CommentStatus status = text == null ? null : type == ServiceType.APPOINTMENT ? CommentStatus.PRIVATE : CommentStatus.PENDING;
		long id;
		try {
			id = ratings.insert(new NewRating(type == ServiceType.ACTIVITY ? serviceId : null, type == ServiceType.APPOINTMENT ? serviceId : null, me.id(),
					t.form(), t.storedTitle(), t.organizationId(), t.organizationPath(), t.heldOn(), checkedScore, text, status), clock.instant());
		}
		catch (DuplicateKeyException e) {
			// The worker's other click stored it first.
			throw new StateConflictException("care.rating.already");
		}
		// Neither the score nor the booking go into the audit log: which worker saw which counsellor is not for its readers.
		audit.record("care.rating.create", "care_rating", id, type == ServiceType.ACTIVITY ? "activity " + serviceId : "appointment");
		return new Rated(id, type, serviceId, t.form(), checkedScore, status);
	}

	/** A service the member took part in, as a rating needs it. */
	private record Target(ServiceType type, long serviceId, String title, String storedTitle, ServiceForm form, String organizer, long organizationId,
			String organizationPath, LocalDate heldOn) {

		MyService view(MyRating rating) {
			return new MyService(type, serviceId, title, form, organizer, heldOn, rating);
		}
	}

	private Optional<Target> target(MemberSummary me, ServiceType type, long serviceId) {
		return switch (type) {
			case ACTIVITY -> attended.finishedAttendedBy(me.id(), serviceId).map(RatingService::target);
			case APPOINTMENT -> ratings.doneAppointment(me.id(), serviceId).map(a -> target(me, a));
		};
	}

	private static Target target(AttendedActivity a) {
		return new Target(ServiceType.ACTIVITY, a.id(), a.title(), a.title(), ServiceForm.of(a.kind()), a.organizationName(), a.organizationId(),
				a.organizationPath(), a.heldOn());
	}

	/** An appointment counts for the worker's own union (where they are a member now), not for the counsellor's organisation. */
	private static Target target(MemberSummary me, DoneAppointment a) {
		return new Target(ServiceType.APPOINTMENT, a.bookingId(), a.counsellorName(), null, ServiceForm.of(a.mode()), null, me.unionId(), me.unionPath(),
				LocalDate.ofInstant(a.startsAt(), BEIJING));
	}

	private List<MyService> servicesOf(MemberSummary me) {
		List<Target> targets = new ArrayList<>();
		attended.finishedAttendedBy(me.id(), MAX_LISTED).forEach(a -> targets.add(target(a)));
		ratings.doneAppointments(me.id(), MAX_LISTED).forEach(a -> targets.add(target(me, a)));
		Map<String, Rating> mine = ratings.ofMember(me.id(), 2 * MAX_LISTED).stream()
			.collect(Collectors.toMap(r -> r.type() + " " + r.serviceId(), Function.identity(), (a, b) -> a));
		return targets.stream()
			.sorted(Comparator.comparing(Target::heldOn).reversed().thenComparing(Target::serviceId, Comparator.reverseOrder()))
			.map(t -> t.view(Optional.ofNullable(mine.get(t.type() + " " + t.serviceId())).map(RatingService::mine).orElse(null)))
			.toList();
	}

	private static MyRating mine(Rating r) {
		return new MyRating(r.id(), r.score(), r.comment(), r.commentStatus(), r.createdAt());
	}
}
