package org.gonghui.workplan.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.StateConflictException;
import org.gonghui.workplan.internal.MetricCatalog;
import org.gonghui.workplan.internal.PlanService;
import org.gonghui.workplan.internal.PlanService.Share;
import org.gonghui.workplan.internal.ProgressService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for annual plans: the list in scope by year, the plan form (priorities, targets bound to a metric of
 * the catalogue), one plan with its targets, and the split of a target among the organisations directly below.
 * Bad input answers 400 on the form with nothing stored.
 */
@Controller
class PlanController {

	private static final int PAGE_SIZE = 20;

	private final PlanService plans;
	private final ProgressService progress;
	private final MetricCatalog metrics;
	private final MessageSource messages;

	PlanController(PlanService plans, ProgressService progress, MetricCatalog metrics, MessageSource messages) {
		this.plans = plans;
		this.progress = progress;
		this.metrics = metrics;
		this.messages = messages;
	}

	@GetMapping("/workplan/plans")
	String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			Model model) {
		boolean byOrganization = "ORGANIZATION".equals(sort);
		model.addAttribute("plans", plans.page(year, byOrganization, new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("year", year);
		model.addAttribute("sort", byOrganization ? "ORGANIZATION" : "YEAR");
		model.addAttribute("activeNav", "/workplan/plans");
		return "workplan/plans";
	}

	@GetMapping("/workplan/plans/new")
	String newPlan(Model model) {
		PlanForm form = new PlanForm();
		form.setYear(progress.today().getYear());
		model.addAttribute("form", form);
		return form(model);
	}

	private String form(Model model) {
		model.addAttribute("metrics", metrics.views(LocaleContextHolder.getLocale()));
		model.addAttribute("activeNav", "/workplan/plans");
		return "workplan/plan-form";
	}

	@PostMapping("/workplan/plans/new")
	String create(@ModelAttribute("form") PlanForm form, BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(400);
			model.addAttribute("errorText", messages.getMessage("workplan.form.malformed", null, LocaleContextHolder.getLocale()));
			return form(model);
		}
		try {
			long id = plans.create(form.input());
			redirect.addFlashAttribute("message", "workplan.plan.saved");
			return "redirect:/workplan/plans/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errorText", FormErrors.text(e, messages));
		}
		catch (StateConflictException e) {
			response.setStatus(409);
			model.addAttribute("errorText", FormErrors.text(e, messages));
		}
		return form(model);
	}

	@GetMapping("/workplan/plans/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("plan", plans.detail(id));
		model.addAttribute("activeNav", "/workplan/plans");
		return "workplan/plan";
	}

	@GetMapping("/workplan/plans/{id:\\d+}/targets/{targetId:\\d+}/split")
	String splitForm(@PathVariable long id, @PathVariable long targetId, Model model) {
		return splitPage(id, targetId, model);
	}

	private String splitPage(long id, long targetId, Model model) {
		var target = progress.target(id, targetId);
		model.addAttribute("plan", plans.detail(id));
		model.addAttribute("target", target);
		model.addAttribute("children", plans.children(id));
		// The shares given before, by organisation, to start from.
		model.addAttribute("current", target.children().stream()
			.collect(java.util.stream.Collectors.toMap(ProgressService.ChildProgress::organizationId, ProgressService.ChildProgress::value)));
		model.addAttribute("activeNav", "/workplan/plans");
		return "workplan/split";
	}

	/** One value per organisation below, in the order of the page's rows; empty values are no share. */
	@PostMapping("/workplan/plans/{id:\\d+}/targets/{targetId:\\d+}/split")
	String split(@PathVariable long id, @PathVariable long targetId, @RequestParam(name = "organizationId", required = false) List<Long> organizations,
			@RequestParam(name = "value", required = false) List<String> values, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		List<Share> shares = new ArrayList<>();
		int rows = organizations == null ? 0 : organizations.size();
		try {
			for (int i = 0; i < rows; i++) {
				String v = values != null && i < values.size() ? values.get(i) : null;
				if (v != null && !v.isBlank()) {
					shares.add(new Share(organizations.get(i), parse(v, i)));
				}
			}
			plans.split(id, targetId, shares);
			redirect.addFlashAttribute("message", "workplan.split.saved");
			return "redirect:/workplan/plans/" + id + "/targets/" + targetId;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errorText", FormErrors.text(e, messages));
			return splitPage(id, targetId, model);
		}
	}

	private static long parse(String value, int row) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("shares[" + row + "].value", "workplan.target.value");
		}
	}
}
