package org.gonghui.care.mutualaid.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gonghui.care.mutualaid.EnrolmentStatus;
import org.gonghui.care.mutualaid.JoinerRule;
import org.gonghui.care.mutualaid.PlanType;
import org.gonghui.care.mutualaid.internal.EnrolmentRepository.Candidate;
import org.gonghui.care.mutualaid.internal.EnrolmentRepository.Cover;
import org.gonghui.care.mutualaid.internal.EnrolmentRepository.Enrolment;
import org.gonghui.care.mutualaid.internal.AidPlanRepository.Plan;
import org.gonghui.member.MemberSummary;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment of a union's members in a plan for a term. The union (its chair, or staff in scope) enrols all eligible
 * members or a selection that meets the plan's minimum participation; the statement is members × shares × price and
 * is marked paid with a payment reference. A member who joins later is added pro rata for the days left, or waits
 * for the next term, as the plan says; a member who leaves keeps the cover to the end of the term (covers are never
 * removed). A cover that follows one of the same plan ending within the grace window is a renewal: no waiting or
 * reduced-liability period again.
 * <p>
 * The age rule reads the birth date from the sealed ID number; the number itself is never shown or stored here.
 */
@Service
public class EnrolmentService {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EnrolmentService.class);

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final EnrolmentRepository enrolments;
	private final AidPlanService plans;
	private final AidAccess access;
	private final PersonalDataCipher cipher;
	private final AuditLog audit;
	private final Clock clock;

	EnrolmentService(EnrolmentRepository enrolments, AidPlanService plans, AidAccess access, PersonalDataCipher cipher, AuditLog audit, Clock clock) {
		this.enrolments = enrolments;
		this.plans = plans;
		this.access = access;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** {@code memberIds} empty or null: all eligible members of the union. */
	public record EnrolInput(Long unionId, Integer shares, LocalDate termStartsOn, List<Long> memberIds) {
	}

	public record EnrolmentView(long id, long planId, String planName, long unionId, String unionName, int shares, LocalDate termStartsOn,
			LocalDate termEndsOn, int members, long priceFen, long contributionFen, EnrolmentStatus status, String paymentReference, boolean payable,
			JoinerRule joiners) {
	}

	public record CoverView(long id, long memberId, String memberName, int shares, LocalDate coveredFrom, LocalDate coveredUntil, boolean renewal,
			boolean joinedLater, long contributionFen) {
	}

	/** A member's own cover on 我的: the plan, shares, term and the end of the waiting period. */
	public record MyCover(long coverId, long planId, String planName, PlanType planType, int shares, LocalDate coveredFrom, LocalDate coveredUntil,
			LocalDate waitingEndsOn, boolean renewal, boolean current, List<AidPlanService.BenefitView> benefits) {
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), BEIJING);
	}

	/** A member the union may choose for the term, for the selection page. */
	public record Eligible(long id, String name) {
	}

	/**
	 * The members the union could enrol for the term, checked as {@link #enrol} checks the union, shares and start;
	 * for the page where staff untick the members who decline.
	 */
	@Transactional(readOnly = true)
	public List<Eligible> eligibleFor(long planId, EnrolInput in) {
		Target t = target(planId, in);
		return eligible(t.plan(), t.union().id(), t.start()).stream().map(c -> new Eligible(c.id(), c.name())).toList();
	}

	private record Target(Plan plan, OrganizationSummary union, LocalDate start) {
	}

	private Target target(long planId, EnrolInput in) {
		access.staff();
		Plan plan = plans.visible(planId);
		if (!plan.open()) {
			throw new StateConflictException("aid.plan.notOpen");
		}
		List<FieldProblem> problems = new ArrayList<>();
		var union = in.unionId() == null ? null : access.organization(in.unionId()).filter(o -> access.sees(o.path())).orElse(null);
		if (union == null) {
			problems.add(new FieldProblem("unionId", in.unionId() == null ? "aid.field.required" : "aid.enrolment.union.unknown"));
		}
		else if (!union.path().startsWith(plan.organizationPath())) {
			problems.add(new FieldProblem("unionId", "aid.enrolment.union.outside"));
		}
		if (in.shares() == null || in.shares() < 1 || in.shares() > plan.maxShares()) {
			problems.add(new FieldProblem("shares", "aid.field.range", 1, plan.maxShares()));
		}
		LocalDate start = in.termStartsOn();
		if (start == null) {
			problems.add(new FieldProblem("termStartsOn", "aid.field.required"));
		}
		else if (start.isBefore(today().minusYears(1)) || start.isAfter(today().plusYears(1))) {
			problems.add(new FieldProblem("termStartsOn", "aid.enrolment.start.range"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Target(plan, union, start);
	}

	@Transactional
	public EnrolmentView enrol(long planId, EnrolInput in) {
		var me = access.staff();
		Target t = target(planId, in);
		Plan plan = t.plan();
		var union = t.union();
		LocalDate start = t.start();
		List<Candidate> eligible = eligible(plan, union.id(), start);
		List<Candidate> chosen = eligible;
		if (in.memberIds() != null && !in.memberIds().isEmpty()) {
			Map<Long, Candidate> byId = eligible.stream().collect(Collectors.toMap(Candidate::id, Function.identity()));
			Set<Long> seen = new HashSet<>();
			chosen = new ArrayList<>();
			for (Long id : in.memberIds()) {
				if (id == null || !byId.containsKey(id)) {
					throw InvalidInputException.of("memberIds", "aid.enrolment.member.ineligible", id);
				}
				if (seen.add(id)) {
					chosen.add(byId.get(id));
				}
			}
		}
		if (chosen.isEmpty()) {
			throw InvalidInputException.of("unionId", "aid.enrolment.none");
		}
		if ((long) chosen.size() * 100 < (long) plan.minParticipationPercent() * eligible.size()) {
			throw InvalidInputException.of("memberIds", "aid.enrolment.participation", plan.minParticipationPercent(), chosen.size(), eligible.size());
		}
		if (enrolments.exists(planId, union.id(), start)) {
			throw new StateConflictException("aid.enrolment.exists");
		}
		LocalDate end = start.plus(Period.ofYears(plan.termYears()));
		int shares = in.shares();
		long perMember = Math.multiplyExact(plan.priceFen(), (long) shares);
		long total = Math.multiplyExact(perMember, (long) chosen.size());
		var now = clock.instant();
		long id = enrolments.insert(planId, union.id(), union.path(), shares, start, end, chosen.size(), total, me.username(), now);
		for (Candidate c : chosen) {
			boolean renewal = enrolments.coverEndedBetween(c.id(), planId, start.minusDays(plan.renewalGraceDays()), start);
			enrolments.insertCover(id, planId, c.id(), union.path(), shares, start, end, renewal, false, perMember, now);
		}
		audit.record("aid.enrolment.create", "aid_enrolment", id,
				plan.name() + ", union " + union.id() + ", " + chosen.size() + " of " + eligible.size() + " eligible, " + shares + " shares");
		return view(enrolments.findById(id).orElseThrow(), plan);
	}

	/** Active members of the union who meet the plan's gender and age rule at the start of the term. */
	List<Candidate> eligible(Plan plan, long unionId, LocalDate on) {
		return enrolments.activeMembersOf(unionId).stream().filter(c -> !plan.womenOnly() || "FEMALE".equals(c.gender())).filter(c -> {
			if (plan.minAge() == null && plan.maxAge() == null) {
				return true;
			}
			int age;
			try {
				age = Period.between(new IdNumber(cipher.decrypt(c.idNumberCipher())).birthDate(), on).getYears();
			}
			catch (IllegalArgumentException | IllegalStateException unreadable) {
				// A record whose number cannot be read (a damaged row) has no known age: not eligible for an age-limited
				// plan, and the union's other members are still enrolled. Logged without the value.
				log.warn("Member {} has an unreadable ID number; left out of plan {}", c.id(), plan.id());
				return false;
			}
			return (plan.minAge() == null || age >= plan.minAge()) && (plan.maxAge() == null || age <= plan.maxAge());
		}).toList();
	}

	@Transactional
	public EnrolmentView markPaid(long enrolmentId, String reference) {
		var me = access.staff();
		Enrolment e = visible(enrolmentId);
		String ref = Text.clean(reference);
		if (ref == null || ref.length() > 64) {
			throw InvalidInputException.of("paymentReference", "aid.enrolment.reference");
		}
		if (!enrolments.markPaid(enrolmentId, ref, me.username(), clock.instant())) {
			throw new StateConflictException("aid.enrolment.paid");
		}
		audit.record("aid.enrolment.paid", "aid_enrolment", enrolmentId, e.contributionFen() + " fen, reference " + ref);
		return get(enrolmentId);
	}

	/** A member who joined the union after the enrolment: pro rata for the days left, or 409 when the plan waits for the next term. */
	@Transactional
	public CoverView addJoiner(long enrolmentId, Long memberId) {
		access.staff();
		Enrolment e = visible(enrolmentId);
		Plan plan = plans.visible(e.planId());
		if (memberId == null) {
			throw InvalidInputException.of("memberId", "aid.field.required");
		}
		if (plan.joiners() == JoinerRule.NEXT_TERM) {
			throw new StateConflictException("aid.joiner.nextTerm", e.termEndsOn());
		}
		LocalDate from = today().isAfter(e.termStartsOn()) ? today() : e.termStartsOn();
		if (!from.isBefore(e.termEndsOn())) {
			throw new StateConflictException("aid.joiner.termOver");
		}
		if (enrolments.covered(enrolmentId, memberId)) {
			throw new StateConflictException("aid.joiner.covered");
		}
		Candidate c = eligible(plan, e.unionId(), from).stream().filter(x -> x.id() == memberId).findFirst()
			.orElseThrow(() -> InvalidInputException.of("memberId", "aid.enrolment.member.ineligible", memberId));
		long full = Math.multiplyExact(plan.priceFen(), (long) e.shares());
		long fen = PayoutRules.proRata(full, from, e.termStartsOn(), e.termEndsOn());
		var now = clock.instant();
		boolean renewal = enrolments.coverEndedBetween(c.id(), plan.id(), from.minusDays(plan.renewalGraceDays()), from);
		enrolments.insertCover(enrolmentId, plan.id(), c.id(), e.unionPath(), e.shares(), from, e.termEndsOn(), renewal, true, fen, now);
		enrolments.addToStatement(enrolmentId, fen, now);
		audit.record("aid.enrolment.joiner", "aid_enrolment", enrolmentId, "member " + c.id() + " from " + from + ", " + fen + " fen");
		return enrolments.covers(enrolmentId).stream().filter(x -> x.memberId() == c.id()).map(EnrolmentService::coverView).findFirst().orElseThrow();
	}

	Enrolment visible(long id) {
		Enrolment e = enrolments.findById(id).orElseThrow(() -> new RecordNotFoundException("aid_enrolment", id));
		if (!access.isStaff() || !access.sees(e.unionPath())) {
			throw new RecordNotFoundException("aid_enrolment", id);
		}
		return e;
	}

	@Transactional(readOnly = true)
	public EnrolmentView get(long id) {
		Enrolment e = visible(id);
		return view(e, plans.visible(e.planId()));
	}

	@Transactional(readOnly = true)
	public List<EnrolmentView> ofPlan(long planId) {
		access.staff();
		Plan plan = plans.visible(planId);
		return enrolments.ofPlan(planId, access.scopePattern()).stream().map(e -> view(e, plan)).toList();
	}

	@Transactional(readOnly = true)
	public List<CoverView> covers(long enrolmentId) {
		visible(enrolmentId);
		return enrolments.covers(enrolmentId).stream().map(EnrolmentService::coverView).toList();
	}

	/** The signed-in member's covers, latest first; empty for anyone who is not a member. */
	@Transactional(readOnly = true)
	public List<MyCover> mine() {
		MemberSummary m = access.member().orElse(null);
		if (m == null) {
			return List.of();
		}
		LocalDate today = today();
		return enrolments.coversOf(m.id()).stream().map(c -> {
			Plan p = plans.visibleUnchecked(c.planId());
			return new MyCover(c.id(), p.id(), p.name(), p.type(), c.shares(), c.coveredFrom(), c.coveredUntil(),
					PayoutRules.waitingEnds(c.coveredFrom(), c.renewal(), p.waitingDays()), c.renewal(),
					!today.isBefore(c.coveredFrom()) && today.isBefore(c.coveredUntil()), plans.view(p).benefits());
		}).toList();
	}

	private EnrolmentView view(Enrolment e, Plan plan) {
		String unionName = access.organization(e.unionId()).map(o -> o.name()).orElse("—");
		return new EnrolmentView(e.id(), plan.id(), plan.name(), e.unionId(), unionName, e.shares(), e.termStartsOn(), e.termEndsOn(), e.members(),
				plan.priceFen(), e.contributionFen(), e.status(), e.paymentReference(), e.status() == EnrolmentStatus.DUE && access.isStaff(),
				plan.joiners());
	}

	private static CoverView coverView(Cover c) {
		return new CoverView(c.id(), c.memberId(), c.memberName(), c.shares(), c.coveredFrom(), c.coveredUntil(), c.renewal(), c.joinedLater(),
				c.contributionFen());
	}
}
