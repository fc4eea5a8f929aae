package org.gonghui.care.mutualaid.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gonghui.care.mutualaid.BenefitKind;
import org.gonghui.care.mutualaid.DocumentKind;
import org.gonghui.care.mutualaid.JoinerRule;
import org.gonghui.care.mutualaid.PlanType;
import org.gonghui.care.mutualaid.internal.AidPlanRepository.Benefit;
import org.gonghui.care.mutualaid.internal.AidPlanRepository.Plan;
import org.gonghui.organization.OrganizationType;
import org.gonghui.platform.AuditLog;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mutual-aid plans. Federation staff create a plan for a federation in their scope (its benefits, payout rules,
 * eligibility and enrolment settings); the plan is visible to staff whose scope holds it and to the organisations
 * below it, which enrol in it, and to members covered by it. Everything is checked before anything is stored.
 */
@Service
public class AidPlanService {

	static final int MAX_BENEFITS = 10;
	static final long MAX_FEN = 100_000_000_000L;
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

	private final AidPlanRepository plans;
	private final AidAccess access;
	private final AuditLog audit;
	private final Clock clock;

	AidPlanService(AidPlanRepository plans, AidAccess access, AuditLog audit, Clock clock) {
		this.plans = plans;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A new plan. Optional settings: {@code womenOnly} (default: true for the women's plan), ages, reduced-liability
	 * days and percentage (default none), renewal grace days (0), minimum participation percentage (0), joiners
	 * (PRO_RATA), offset of other plans' payouts for the same event (false), open for enrolment (true).
	 */
	public record PlanInput(Long organizationId, String name, PlanType type, Integer termYears, Long priceFen, Integer maxShares, Boolean womenOnly,
			Integer minAge, Integer maxAge, Integer waitingDays, Integer reducedDays, Integer reducedPercent, Integer renewalGraceDays,
			Integer minParticipationPercent, JoinerRule joiners, Boolean offsetOtherPlans, Boolean open, List<BenefitInput> benefits) {
	}

	/** A benefit: {@code fixedFen} per share, or {@code shareBp} of expenses (basis points) above {@code deductibleFen}, capped. */
	public record BenefitInput(String code, String name, Long fixedFen, Integer shareBp, Long deductibleFen, Long capFen, Long termCapFen,
			List<DocumentKind> documents) {
	}

	public record BenefitView(long id, String code, String name, BenefitKind kind, Long fixedFen, Integer shareBp, long deductibleFen, Long capFen,
			Long termCapFen, List<DocumentKind> documents) {
	}

	public record PlanView(long id, long organizationId, String organizationName, String name, PlanType type, int termYears, long priceFen,
			int maxShares, boolean womenOnly, Integer minAge, Integer maxAge, int waitingDays, int reducedDays, int reducedPercent,
			int renewalGraceDays, int minParticipationPercent, JoinerRule joiners, boolean offsetOtherPlans, boolean open, boolean manageable,
			List<BenefitView> benefits) {
	}

	@Transactional
	public long create(PlanInput in) {
		var me = access.federationStaff();
		List<FieldProblem> problems = new ArrayList<>();
		String name = Text.clean(in.name());
		if (in.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "aid.plan.organization.required"));
		}
		var org = in.organizationId() == null ? null : access.organization(in.organizationId()).filter(o -> access.sees(o.path())).orElse(null);
		if (in.organizationId() != null && org == null) {
			problems.add(new FieldProblem("organizationId", "aid.plan.organization.unknown"));
		}
		else if (org != null && org.type() != OrganizationType.REGIONAL_FEDERATION) {
			problems.add(new FieldProblem("organizationId", "aid.plan.organization.federation"));
		}
		if (name == null || name.length() > 100) {
			problems.add(new FieldProblem("name", "aid.plan.name.required"));
		}
		if (in.type() == null) {
			problems.add(new FieldProblem("type", "aid.plan.type.required"));
		}
		range(problems, "termYears", in.termYears(), 1, 3, true);
		rangeFen(problems, "priceFen", in.priceFen(), 1, true);
		range(problems, "maxShares", in.maxShares(), 1, 3, true);
		range(problems, "waitingDays", in.waitingDays(), 0, 365, true);
		range(problems, "reducedDays", in.reducedDays(), 0, 365, false);
		range(problems, "reducedPercent", in.reducedPercent(), 1, 100, false);
		range(problems, "renewalGraceDays", in.renewalGraceDays(), 0, 365, false);
		range(problems, "minParticipationPercent", in.minParticipationPercent(), 0, 100, false);
		range(problems, "minAge", in.minAge(), 16, 100, false);
		range(problems, "maxAge", in.maxAge(), 16, 100, false);
		if (in.minAge() != null && in.maxAge() != null && in.minAge() > in.maxAge()) {
			problems.add(new FieldProblem("maxAge", "aid.plan.age.order"));
		}
		List<Benefit> benefits = benefits(in.benefits(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean women = in.womenOnly() != null ? in.womenOnly() : in.type() == PlanType.WOMEN_SPECIAL_DISEASE;
		Plan plan = new Plan(0, org.id(), org.path(), name, in.type(), in.termYears(), in.priceFen(), in.maxShares(), women, in.minAge(), in.maxAge(),
				in.waitingDays(), orDefault(in.reducedDays(), 0), orDefault(in.reducedPercent(), 100), orDefault(in.renewalGraceDays(), 0),
				orDefault(in.minParticipationPercent(), 0), in.joiners() == null ? JoinerRule.PRO_RATA : in.joiners(),
				Boolean.TRUE.equals(in.offsetOtherPlans()), in.open() == null || in.open());
		long id = plans.insert(plan, me.username(), clock.instant());
		for (int i = 0; i < benefits.size(); i++) {
			plans.insertBenefit(id, i, benefits.get(i));
		}
		audit.record("aid.plan.create", "aid_plan", id, name + " (" + in.type() + "), " + benefits.size() + " benefits, organisation " + org.id());
		return id;
	}

	private static List<Benefit> benefits(List<BenefitInput> inputs, List<FieldProblem> problems) {
		List<Benefit> out = new ArrayList<>();
		if (inputs == null || inputs.isEmpty() || inputs.size() > MAX_BENEFITS) {
			problems.add(new FieldProblem("benefits", "aid.plan.benefits.count", MAX_BENEFITS));
			return out;
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			BenefitInput b = inputs.get(i);
			String f = "benefits[" + i + "].";
			if (b == null) {
				problems.add(new FieldProblem("benefits[" + i + "]", "aid.benefit.required"));
				continue;
			}
			String code = b.code() == null ? null : b.code().trim().toUpperCase(java.util.Locale.ROOT);
			if (code == null || !CODE.matcher(code).matches()) {
				problems.add(new FieldProblem(f + "code", "aid.benefit.code"));
			}
			else if (!codes.add(code)) {
				problems.add(new FieldProblem(f + "code", "aid.benefit.code.duplicate"));
			}
			String name = Text.clean(b.name());
			if (name != null && name.length() > 100) {
				problems.add(new FieldProblem(f + "name", "aid.benefit.name"));
			}
			boolean fixed = b.fixedFen() != null;
			boolean share = b.shareBp() != null;
			if (fixed == share) {
				problems.add(new FieldProblem(f + "fixedFen", "aid.benefit.kind"));
				continue;
			}
			int before = problems.size();
			if (fixed) {
				rangeFen(problems, f + "fixedFen", b.fixedFen(), 1, true);
			}
			else {
				range(problems, f + "shareOfExpenses", b.shareBp(), 1, 10_000, true);
				rangeFen(problems, f + "deductibleFen", b.deductibleFen(), 0, false);
				rangeFen(problems, f + "capFen", b.capFen(), 1, false);
			}
			rangeFen(problems, f + "termCapFen", b.termCapFen(), 1, false);
			if (problems.size() == before && code != null) {
				out.add(new Benefit(0, 0, code, name == null ? code : name, fixed ? BenefitKind.FIXED : BenefitKind.EXPENSES, b.fixedFen(),
						fixed ? null : b.shareBp(), fixed || b.deductibleFen() == null ? 0 : b.deductibleFen(), fixed ? null : b.capFen(),
						b.termCapFen(), b.documents() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(b.documents()))));
			}
		}
		return out;
	}

	private static void range(List<FieldProblem> problems, String field, Integer value, int min, int max, boolean required) {
		if (value == null) {
			if (required) {
				problems.add(new FieldProblem(field, "aid.field.required"));
			}
		}
		else if (value < min || value > max) {
			problems.add(new FieldProblem(field, "aid.field.range", min, max));
		}
	}

	static void rangeFen(List<FieldProblem> problems, String field, Long value, long min, boolean required) {
		if (value == null) {
			if (required) {
				problems.add(new FieldProblem(field, "aid.field.required"));
			}
		}
		else if (value < min || value > MAX_FEN) {
			problems.add(new FieldProblem(field, "aid.field.fen", min));
		}
	}

	private static int orDefault(Integer value, int fallback) {
		return value == null ? fallback : value;
	}

	/** A plan the caller may see; not found otherwise. */
	@Transactional(readOnly = true)
	public PlanView get(long id) {
		return view(visible(id));
	}

	Plan visible(long id) {
		Plan p = plans.findById(id).orElseThrow(() -> new RecordNotFoundException("aid_plan", id));
		if (!mayRead(p)) {
			throw new RecordNotFoundException("aid_plan", id);
		}
		return p;
	}

	/** The plan without a scope check, for a member's own cover and for claims already checked. */
	Plan visibleUnchecked(long id) {
		return plans.findById(id).orElseThrow(() -> new RecordNotFoundException("aid_plan", id));
	}

	Optional<AidPlanRepository.Benefit> benefit(long planId, String codeOrId) {
		if (codeOrId == null) {
			return Optional.empty();
		}
		String code = codeOrId.trim().toUpperCase(java.util.Locale.ROOT);
		return plans.benefits(planId).stream().filter(b -> b.code().equals(code) || String.valueOf(b.id()).equals(code)).findFirst();
	}

	AidPlanRepository.Benefit benefitById(long id) {
		return plans.benefit(id).orElseThrow();
	}

	private boolean mayRead(Plan p) {
		if (access.isStaff()) {
			String own = access.ownPath();
			return access.sees(p.organizationPath()) || (!own.isEmpty() && own.startsWith(p.organizationPath()));
		}
		return access.member().map(m -> m.unionPath().startsWith(p.organizationPath())).orElse(false);
	}

	/** Plans the caller runs or may enrol in, newest first. */
	@Transactional(readOnly = true)
	public List<PlanView> list() {
		access.staff();
		return plans.visible(access.scopePattern(), access.ownPath(), 200).stream().map(this::view).toList();
	}

	/** Opens or closes a plan for enrolment (federation staff whose scope holds the plan). */
	@Transactional
	public void setOpen(long id, boolean open) {
		access.federationStaff();
		Plan p = visible(id);
		if (!access.sees(p.organizationPath())) {
			throw new RecordNotFoundException("aid_plan", id);
		}
		plans.setOpen(id, open, clock.instant());
		audit.record(open ? "aid.plan.open" : "aid.plan.close", "aid_plan", id, p.name());
	}

	PlanView view(Plan p) {
		String orgName = access.organization(p.organizationId()).map(o -> o.name()).orElse("—");
		var benefits = plans.benefits(p.id()).stream()
			.map(b -> new BenefitView(b.id(), b.code(), b.name(), b.kind(), b.fixedFen(), b.shareBp(), b.deductibleFen(), b.capFen(), b.termCapFen(),
					b.documents()))
			.toList();
		boolean manageable = access.isFederationStaff() && access.sees(p.organizationPath());
		return new PlanView(p.id(), p.organizationId(), orgName, p.name(), p.type(), p.termYears(), p.priceFen(), p.maxShares(), p.womenOnly(), p.minAge(),
				p.maxAge(), p.waitingDays(), p.reducedDays(), p.reducedPercent(), p.renewalGraceDays(), p.minParticipationPercent(), p.joiners(),
				p.offsetOtherPlans(), p.open(), manageable, benefits);
	}
}
