package org.gonghui.care.mutualaid.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.care.mutualaid.DocumentKind;
import org.gonghui.care.mutualaid.JoinerRule;
import org.gonghui.care.mutualaid.PlanType;
import org.gonghui.care.mutualaid.internal.AidPlanService;
import org.gonghui.care.mutualaid.internal.AidPlanService.BenefitInput;
import org.gonghui.care.mutualaid.internal.AidPlanService.PlanInput;
import org.gonghui.care.mutualaid.internal.AidPlanService.PlanView;
import org.gonghui.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for mutual-aid plans: federation staff create them; staff in scope and the unions below read them. */
@RestController
@Tag(name = "Mutual aid plans", description = "职工互助保障：保障计划、给付项目与规则")
class AidPlanApiController {

	private final AidPlanService plans;

	AidPlanApiController(AidPlanService plans) {
		this.plans = plans;
	}

	/**
	 * A benefit as the API takes it: {@code fixedFen} per share, or {@code shareOfExpenses} (a fraction such as 0.5,
	 * a percentage such as 50, or an object with {@code share}, {@code deductibleFen} and {@code capFen}) with
	 * {@code deductibleFen} and {@code capFen} per claim; optional {@code termCapFen} and {@code documents}.
	 */
	record BenefitRequest(String code, String name, Long fixedFen, Object shareOfExpenses, Long deductibleFen, Long capFen, Long termCapFen,
			List<DocumentKind> documents) {
	}

	record PlanRequest(Long organizationId, String name, PlanType type, Integer termYears, Long priceFen, Integer maxShares, Boolean womenOnly,
			Integer minAge, Integer maxAge, Integer waitingDays, Integer reducedDays, Integer reducedPercent, Integer renewalGraceDays,
			Integer minParticipationPercent, JoinerRule joiners, Boolean offsetOtherPlans, Boolean open, List<BenefitRequest> benefits) {
	}

	record Created(long id) {
	}

	@PostMapping("/api/aid/plans")
	@Operation(summary = "Create a plan (federation staff, for a federation in scope): 201 with its id")
	ResponseEntity<Created> create(@RequestBody PlanRequest r) {
		List<BenefitInput> benefits = null;
		if (r.benefits() != null) {
			benefits = new ArrayList<>();
			for (int i = 0; i < r.benefits().size(); i++) {
				benefits.add(benefit(r.benefits().get(i), "benefits[" + i + "].shareOfExpenses"));
			}
		}
		long id = plans.create(new PlanInput(r.organizationId(), r.name(), r.type(), r.termYears(), r.priceFen(), r.maxShares(), r.womenOnly(), r.minAge(),
				r.maxAge(), r.waitingDays(), r.reducedDays(), r.reducedPercent(), r.renewalGraceDays(), r.minParticipationPercent(), r.joiners(),
				r.offsetOtherPlans(), r.open(), benefits));
		return ResponseEntity.created(URI.create("/api/aid/plans/" + id)).body(new Created(id));
	}

	private static BenefitInput benefit(BenefitRequest b, String field) {
		if (b == null) {
			return null;
		}
		Long deductible = b.deductibleFen();
		Long cap = b.capFen();
		Object share = b.shareOfExpenses();
		if (share instanceof Map<?, ?> m) {
			share = m.containsKey("share") ? m.get("share") : m.containsKey("ratio") ? m.get("ratio") : m.get("percent");
			deductible = deductible != null ? deductible : fen(m.get("deductibleFen"), field);
			cap = cap != null ? cap : fen(m.get("capFen"), field);
		}
		return new BenefitInput(b.code(), b.name(), b.fixedFen(), basisPoints(share, field), deductible, cap, b.termCapFen(), b.documents());
	}

	/** A fraction up to 1 (0.5) or a percentage above it (50) as basis points; exact, never through a double. */
	static Integer basisPoints(Object share, String field) {
		if (share == null) {
			return null;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(share.toString().trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "aid.benefit.share");
		}
		if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw InvalidInputException.of(field, "aid.benefit.share");
		}
		BigDecimal bp = value.compareTo(BigDecimal.ONE) <= 0 ? value.movePointRight(4) : value.movePointRight(2);
		return bp.setScale(0, RoundingMode.HALF_UP).intValueExact();
	}

	private static Long fen(Object value, String field) {
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value.toString()).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException e) {
			throw InvalidInputException.of(field, "aid.field.fen", 0);
		}
	}

	@GetMapping("/api/aid/plans")
	@Operation(summary = "Plans the caller runs or may enrol in")
	List<PlanView> list() {
		return plans.list();
	}

	@GetMapping("/api/aid/plans/{id}")
	@Operation(summary = "One plan in scope (404 outside it)")
	PlanView get(@PathVariable long id) {
		return plans.get(id);
	}

	@PostMapping("/api/aid/plans/{id}/open")
	@Operation(summary = "Open the plan for enrolment")
	ResponseEntity<Void> open(@PathVariable long id) {
		plans.setOpen(id, true);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/aid/plans/{id}/close")
	@Operation(summary = "Close the plan for enrolment (covers and claims go on)")
	ResponseEntity<Void> close(@PathVariable long id) {
		plans.setOpen(id, false);
		return ResponseEntity.noContent().build();
	}
}
