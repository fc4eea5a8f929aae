package org.gonghui.activity.web;

import java.util.EnumSet;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.activity.CaravanStatus;
import org.gonghui.activity.internal.CaravanQueries;
import org.gonghui.activity.internal.CaravanQueries.CaravanView;
import org.gonghui.activity.internal.CaravanService;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for caravans (心理关爱大篷车): the list in scope, the request form for a union, and one request with
 * its history and the actions the caller may take (accept, decline with a reason, withdraw, schedule).
 */
@Controller
@RequestMapping("/caravans")
class CaravanController {

	private static final int PAGE_SIZE = 20;

	private final CaravanService caravans;
	private final CaravanQueries queries;
	private final MessageSource messages;

	CaravanController(CaravanService caravans, CaravanQueries queries, MessageSource messages) {
		this.caravans = caravans;
		this.queries = queries;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) CaravanStatus status, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("caravans", queries.list(status, new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("status", status);
		model.addAttribute("statuses", CaravanStatus.values());
		model.addAttribute("mayRequest", queries.mayRequest());
		model.addAttribute("activeNav", "/caravans");
		return "caravans/list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		var form = new CaravanRequestForm();
		form.setUnionId(queries.defaultUnion());
		model.addAttribute("form", form);
		return form(model);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") CaravanRequestForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		// A malformed date is reported as such by the binder; the service is asked only with what could be read.
		if (!result.hasErrors()) {
			try {
				long id = caravans.request(form.command());
				redirect.addFlashAttribute("message", "caravan.requested");
				return "redirect:/caravans/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		response.setStatus(400);
		return form(model);
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		CaravanView caravan = queries.get(id);
		// The session title is data the union's members read, so the suggestion is Chinese whatever the page language.
		String sessionTitle = messages.getMessage("caravan.schedule.defaultSession", null, java.util.Locale.SIMPLIFIED_CHINESE);
		model.addAttribute("scheduleForm", CaravanScheduleForm.defaults(caravan, sessionTitle));
		return show(caravan, model);
	}

	@PostMapping("/{id:\\d+}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			caravans.accept(id, note);
			redirect.addFlashAttribute("message", "caravan.accepted");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/caravans/" + id;
	}

	@PostMapping("/{id:\\d+}/decline")
	String decline(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			caravans.decline(id, reason);
			redirect.addFlashAttribute("message", "caravan.declined");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/caravans/" + id;
	}

	@PostMapping("/{id:\\d+}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			caravans.withdraw(id, note);
			redirect.addFlashAttribute("message", "caravan.withdrawn");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/caravans/" + id;
	}

	@PostMapping("/{id:\\d+}/schedule")
	String schedule(@PathVariable long id, @ModelAttribute("scheduleForm") CaravanScheduleForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				caravans.schedule(id, form.command());
				redirect.addFlashAttribute("message", "caravan.scheduled");
				return "redirect:/caravans/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(form.toFormFields(e), result);
			}
		}
		response.setStatus(400);
		return show(queries.get(id), model);
	}

	private String show(CaravanView caravan, Model model) {
		model.addAttribute("caravan", caravan);
		model.addAttribute("activeNav", "/caravans");
		return "caravans/show";
	}

	private String form(Model model) {
		model.addAttribute("today", queries.today());
		model.addAttribute("activeNav", "/caravans");
		return "caravans/form";
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem caravansNavigation() {
			return new NavigationItem("caravan.nav", "/caravans", 420, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}
	}
}
