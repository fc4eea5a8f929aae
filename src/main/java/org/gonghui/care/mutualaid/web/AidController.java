package org.gonghui.care.mutualaid.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.care.mutualaid.ClaimStatus;
import org.gonghui.care.mutualaid.DocumentKind;
import org.gonghui.care.mutualaid.JoinerRule;
import org.gonghui.care.mutualaid.PlanType;
import org.gonghui.care.mutualaid.ReviewDecision;
import org.gonghui.care.mutualaid.internal.AidFigures;
import org.gonghui.care.mutualaid.internal.ClaimService;
import org.gonghui.care.mutualaid.internal.EnrolmentService;
import org.gonghui.care.mutualaid.internal.EnrolmentService.EnrolInput;
import org.gonghui.care.mutualaid.internal.AidPlanService;
import org.gonghui.care.mutualaid.internal.AidPlanService.BenefitInput;
import org.gonghui.care.mutualaid.internal.AidPlanService.PlanInput;
import org.gonghui.platform.ChartPages;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for mutual aid (desktop first): plans and a new plan, a plan's enrolments and the enrol form, an
 * enrolment's statement with its members, the claims in scope (overdue ones first to hand), a claim's review, the
 * bank export and the figures. Bad input answers 400 on the same page with nothing stored.
 */
@Controller
class AidController {

	private final AidPlanService plans;
	private final EnrolmentService enrolments;
	private final ClaimService claims;
	private final AidFigures figures;
	private final MessageSource messages;

	AidController(AidPlanService plans, EnrolmentService enrolments, ClaimService claims, AidFigures figures, MessageSource messages) {
		this.plans = plans;
		this.enrolments = enrolments;
		this.claims = claims;
		this.figures = figures;
		this.messages = messages;
	}

	@GetMapping("/aid/plans")
	String plans(Model model) {
		model.addAttribute("plans", plans.list());
		model.addAttribute("activeNav", "/aid/plans");
		return "aid/plans";
	}

	@GetMapping("/aid/plans/new")
	String newPlan(Model model) {
		return planForm(model, BenefitRow.blank(), null);
	}

	private String planForm(Model model, List<BenefitRow> benefitRows, String errorText) {
		model.addAttribute("benefitRows", benefitRows);
		model.addAttribute("types", PlanType.values());
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("joinerRules", JoinerRule.values());
		model.addAttribute("errorText", errorText);
		model.addAttribute("activeNav", "/aid/plans");
		return "aid/plan-form";
	}

	/**
	 * A plan with up to {@link BenefitRow#ROWS} benefits: a row counts once its code or name is filled; the first row is
	 * required (a plan pays something). On a problem the form comes back with what was typed.
	 */
	@PostMapping("/aid/plans/new")
	String createPlan(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) String name,
			@RequestParam(required = false) PlanType type, @RequestParam(required = false) Integer termYears,
			@RequestParam(required = false) String priceYuan, @RequestParam(required = false) Integer maxShares,
			@RequestParam(required = false) Integer waitingDays, @RequestParam(required = false) Integer reducedDays,
			@RequestParam(required = false) Integer reducedPercent, @RequestParam(required = false) Integer renewalGraceDays,
			@RequestParam(required = false) Integer minParticipationPercent, @RequestParam(required = false) Integer minAge,
			@RequestParam(required = false) Integer maxAge, @RequestParam(required = false) JoinerRule joiners,
			@RequestParam(defaultValue = "false") boolean offsetOtherPlans, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		List<BenefitRow> rows = BenefitRow.from(form);
		try {
			List<BenefitInput> benefits = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				if (i == 0 || !rows.get(i).isBlank()) {
					benefits.add(rows.get(i).input(i));
				}
			}
			long id = plans.create(new PlanInput(organizationId, name, type, termYears, AidPages.fen(priceYuan, "priceYuan"), maxShares, null, minAge,
					maxAge, waitingDays, reducedDays, reducedPercent, renewalGraceDays, minParticipationPercent, joiners, offsetOtherPlans, true,
					benefits));
			return "redirect:/aid/plans/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return planForm(model, rows, org.gonghui.platform.FormErrors.text(e, messages));
		}
	}

	@GetMapping("/aid/plans/{id:\\d+}")
	String plan(@PathVariable long id, Model model) {
		return planPage(id, model, null);
	}

	private String planPage(long id, Model model, String errorText) {
		var plan = plans.get(id);
		model.addAttribute("plan", plan);
		model.addAttribute("enrolments", enrolments.ofPlan(id));
		model.addAttribute("errorText", errorText);
		model.addAttribute("activeNav", "/aid/plans");
		return "aid/plan";
	}

	/**
	 * Enrols the union's eligible members: all of them, or with {@code choose} first the list of eligible members to
	 * untick those who decline, then the ticked ones ({@code memberIds}); the plan's minimum participation is checked
	 * against the eligible count either way.
	 */
	@PostMapping("/aid/plans/{id:\\d+}/enrol")
	String enrol(@PathVariable long id, @RequestParam(required = false) Long unionId, @RequestParam(required = false) Integer shares,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termStartsOn,
			@RequestParam(required = false) String choose, @RequestParam(required = false) List<Long> memberIds,
			@RequestParam(defaultValue = "false") boolean chosen, Model model, HttpServletResponse response) {
		EnrolInput in = new EnrolInput(unionId, shares, termStartsOn, memberIds);
		try {
			if (choose != null) {
				return choosePage(id, in, enrolments.eligibleFor(id, in), model, null);
			}
			if (chosen && (memberIds == null || memberIds.isEmpty())) {
				throw InvalidInputException.of("memberIds", "aid.enrolment.none");
			}
			var e = enrolments.enrol(id, in);
			return "redirect:/aid/enrolments/" + e.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			String text = org.gonghui.platform.FormErrors.text(e, messages);
			if (chosen) {
				try {
					return choosePage(id, in, enrolments.eligibleFor(id, in), model, text);
				}
				catch (InvalidInputException changed) {
					// The hidden union, shares or start no longer pass: back to the plan's form with the first problem.
				}
			}
			return planPage(id, model, text);
		}
	}

	private String choosePage(long id, EnrolInput in, List<EnrolmentService.Eligible> eligible, Model model, String errorText) {
		var plan = plans.get(id);
		model.addAttribute("plan", plan);
		model.addAttribute("input", in);
		model.addAttribute("eligible", eligible);
		model.addAttribute("minimum", (eligible.size() * plan.minParticipationPercent() + 99) / 100);
		model.addAttribute("ticked", in.memberIds() == null || in.memberIds().isEmpty() ? eligible.stream().map(EnrolmentService.Eligible::id).toList()
				: in.memberIds());
		model.addAttribute("errorText", errorText);
		model.addAttribute("activeNav", "/aid/plans");
		return "aid/enrol-choose";
	}

	@PostMapping("/aid/plans/{id:\\d+}/open")
	String open(@PathVariable long id, @RequestParam boolean open) {
		plans.setOpen(id, open);
		return "redirect:/aid/plans/" + id;
	}

	@GetMapping("/aid/enrolments/{id:\\d+}")
	String enrolment(@PathVariable long id, Model model) {
		return enrolmentPage(id, model, null);
	}

	private String enrolmentPage(long id, Model model, String errorText) {
		model.addAttribute("enrolment", enrolments.get(id));
		model.addAttribute("covers", enrolments.covers(id));
		model.addAttribute("errorText", errorText);
		model.addAttribute("activeNav", "/aid/plans");
		return "aid/enrolment";
	}

	@PostMapping("/aid/enrolments/{id:\\d+}/paid")
	String paid(@PathVariable long id, @RequestParam(required = false) String paymentReference, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			enrolments.markPaid(id, paymentReference);
			redirect.addFlashAttribute("message", "aid.enrolment.markedPaid");
			return "redirect:/aid/enrolments/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return enrolmentPage(id, model, org.gonghui.platform.FormErrors.text(e, messages));
		}
	}

	@PostMapping("/aid/enrolments/{id:\\d+}/members")
	String joiner(@PathVariable long id, @RequestParam(required = false) Long memberId, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			enrolments.addJoiner(id, memberId);
			redirect.addFlashAttribute("message", "aid.joiner.added");
			return "redirect:/aid/enrolments/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return enrolmentPage(id, model, org.gonghui.platform.FormErrors.text(e, messages));
		}
	}

	@GetMapping("/aid/claims")
	String claims(@RequestParam(required = false) ClaimStatus status, @RequestParam(defaultValue = "false") boolean overdue, Model model) {
		model.addAttribute("claims", claims.list(status, overdue));
		model.addAttribute("statuses", ClaimStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("overdue", overdue);
		model.addAttribute("activeNav", "/aid/claims");
		return "aid/claims";
	}

	@GetMapping("/aid/claims/{id:\\d+}")
	String claim(@PathVariable long id, Model model) {
		return claimPage(id, model, null);
	}

	private String claimPage(long id, Model model, String errorText) {
		model.addAttribute("claim", claims.get(id));
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("errorText", errorText);
		model.addAttribute("activeNav", "/aid/claims");
		return "aid/claim";
	}

	@PostMapping("/aid/claims/{id:\\d+}/review")
	String review(@PathVariable long id, @RequestParam(required = false) ReviewDecision decision, @RequestParam(required = false) String reason,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			claims.review(id, decision, reason);
			redirect.addFlashAttribute("message", "aid.claim.reviewed");
			return "redirect:/aid/claims/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return claimPage(id, model, org.gonghui.platform.FormErrors.text(e, messages));
		}
	}

	@PostMapping("/aid/claims/{id:\\d+}/payout")
	String payout(@PathVariable long id, @RequestParam(required = false) String paymentReference, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			claims.pay(id, paymentReference);
			redirect.addFlashAttribute("message", "aid.claim.paidOut");
			return "redirect:/aid/claims/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return claimPage(id, model, org.gonghui.platform.FormErrors.text(e, messages));
		}
	}

	@PostMapping("/aid/claims/{id:\\d+}/documents")
	String document(@PathVariable long id, @RequestParam(required = false) DocumentKind kind, @RequestParam(required = false) MultipartFile file,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			claims.addDocument(id, kind, Uploads.bytes(file, ClaimApiController.UPLOAD_LIMIT, "file", "aid.file.tooLarge"),
					file == null ? null : file.getOriginalFilename());
			redirect.addFlashAttribute("message", "aid.document.added");
			return "redirect:/aid/claims/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return claimPage(id, model, org.gonghui.platform.FormErrors.text(e, messages));
		}
	}

	@GetMapping("/aid/claims/bank-export.xlsx")
	void bankExport(HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, "互助保障给付清单.xlsx");
		claims.bankExport(response.getOutputStream());
	}

	@GetMapping("/aid/figures")
	String figures(Model model, HttpServletResponse response) {
		ChartPages.allowChartStyles(response);
		model.addAttribute("rows", figures.rows());
		model.addAttribute("statuses", ClaimStatus.values());
		model.addAttribute("activeNav", "/aid/figures");
		return "aid/figures";
	}

	/** The chart's data: per plan and term, contributions and payouts in yuan (two decimals, as text, never floating point here). */
	@GetMapping("/aid/figures.json")
	@ResponseBody
	List<ChartRow> figuresJson() {
		List<ChartRow> rows = new ArrayList<>();
		figures.rows().forEach(r -> rows.add(new ChartRow(r.planName() + " " + r.termStartsOn(), yuan(r.contributionFen()), yuan(r.payoutFen()))));
		return rows;
	}

	record ChartRow(String label, String contributionYuan, String payoutYuan) {
	}

	private static String yuan(long fen) {
		return fen / 100 + "." + String.format("%02d", fen % 100);
	}

	@GetMapping("/aid/figures.xlsx")
	void figuresXlsx(HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, "互助保障统计.xlsx");
		figures.export(response.getOutputStream());
	}

	@Configuration
	static class Navigation {

		@Bean
		NavigationItem aidPlansNavigationItem() {
			return new NavigationItem("nav.aidPlans", "/aid/plans", 630, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}

		@Bean
		NavigationItem aidClaimsNavigationItem() {
			return new NavigationItem("nav.aidClaims", "/aid/claims", 631, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}

		@Bean
		NavigationItem aidFiguresNavigationItem() {
			return new NavigationItem("nav.aidFigures", "/aid/figures", 632, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}

		@Bean
		NavigationItem aidMineNavigationItem() {
			return new NavigationItem("nav.aidMine", "/aid/my", 606, EnumSet.of(Role.WORKER));
		}
	}

}
