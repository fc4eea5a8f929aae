package org.gonghui.workplan.standard.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.Metric.Period;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.workplan.internal.MetricCatalog;
import org.gonghui.workplan.standard.ItemRule;
import org.gonghui.workplan.standard.internal.StandardService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Federation staff set the assessment up on pages: a checklist template (sections, items with points, computed or
 * scored against evidence, star levels) and a yearly campaign over the unions below a district. Both hand the
 * services the JSON API's input, so the rules, messages, scope and audit are the API's; a refused form comes back
 * with each problem next to its field and nothing stored.
 */
@Controller
class StandardSetupController {

	private static final String NAV = "/standard";

	private final StandardService standard;
	private final MetricCatalog metrics;
	private final CurrentUser currentUser;
	private final Clock clock;

	StandardSetupController(StandardService standard, MetricCatalog metrics, CurrentUser currentUser, Clock clock) {
		this.standard = standard;
		this.metrics = metrics;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@GetMapping("/standard/templates/new")
	String newTemplate(Model model) {
		standard.requireMayCreate();
		TemplateForm form = new TemplateForm();
		form.setFederationId(currentUser.account().map(a -> a.organizationId()).orElse(null));
		model.addAttribute("form", form);
		return templateForm(model);
	}

	@PostMapping("/standard/templates/new")
	String createTemplate(@ModelAttribute("form") TemplateForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		standard.requireMayCreate();
		if (!result.hasErrors()) {
			try {
				standard.createTemplate(form.input());
				redirect.addFlashAttribute("message", "standard.template.saved");
				return "redirect:/standard";
			}
			catch (InvalidInputException e) {
				FormErrors.apply(form.onForm(e), result);
			}
		}
		response.setStatus(400);
		return templateForm(model);
	}

	private String templateForm(Model model) {
		model.addAttribute("metrics", metrics.views(LocaleContextHolder.getLocale()));
		model.addAttribute("rules", ItemRule.values());
		model.addAttribute("activeNav", NAV);
		return "standard/template-form";
	}

	@GetMapping("/standard/campaigns/new")
	String newCampaign(Model model) {
		standard.requireMayCreate();
		CampaignForm form = new CampaignForm();
		form.setYear(LocalDate.now(clock.withZone(Period.BEIJING)).getYear());
		form.setDistrictId(currentUser.account().map(a -> a.organizationId()).orElse(null));
		model.addAttribute("form", form);
		return campaignForm(model);
	}

	@PostMapping("/standard/campaigns/new")
	String createCampaign(@ModelAttribute("form") CampaignForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		standard.requireMayCreate();
		if (!result.hasErrors()) {
			try {
				long id = standard.createCampaign(form.input(standard.unionsBelow(form.getDistrictId()))).id();
				redirect.addFlashAttribute("message", "standard.campaign.saved");
				return "redirect:/standard/campaigns/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		response.setStatus(400);
		return campaignForm(model);
	}

	private String campaignForm(Model model) {
		model.addAttribute("templates", standard.templates());
		model.addAttribute("activeNav", NAV);
		return "standard/campaign-form";
	}
}
