package org.gonghui.activity.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.Audience;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.activity.internal.ActivityLifecycle;
import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.ActivityQueries.ActivityQuery;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ParticipantService;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.honor.PublicHonorees;
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
 * Staff pages for activities in scope: the list, create and edit, the activity with its status moves,
 * participants (paged, filtered, exported), and registering a list of members on their behalf.
 */
@Controller
@RequestMapping("/activities/manage")
class ActivityManageController {

	private static final int PAGE_SIZE = 20;
	private static final int PARTICIPANTS_PAGE_SIZE = 50;

	private final ActivityService activities;
	private final ActivityQueries queries;
	private final ActivityLifecycle lifecycle;
	private final ParticipantService participants;
	private final RegistrationService registrations;
	private final MessageSource messages;
	private final org.gonghui.activity.internal.CampCompletion camps;
	private final org.gonghui.activity.internal.CompetitionQueries competitions;
	private final PublicHonorees honorees;

	ActivityManageController(ActivityService activities, ActivityQueries queries, ActivityLifecycle lifecycle, ParticipantService participants,
			RegistrationService registrations, MessageSource messages, org.gonghui.activity.internal.CampCompletion camps,
			org.gonghui.activity.internal.CompetitionQueries competitions, PublicHonorees honorees) {
		this.competitions = competitions;
		this.honorees = honorees;
		this.camps = camps;
		this.activities = activities;
		this.queries = queries;
		this.lifecycle = lifecycle;
		this.participants = participants;
		this.registrations = registrations;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) ActivityStatus status, @RequestParam(required = false) ActivityKind kind,
			@RequestParam(required = false) String q, @RequestParam(required = false) ActivityQueries.ListSort sort,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var query = new ActivityQuery(status, kind, q, sort == null ? ActivityQueries.ListSort.STARTS : sort);
		model.addAttribute("query", query);
		model.addAttribute("activities", queries.list(query, new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("statuses", ActivityStatus.values());
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("sorts", ActivityQueries.ListSort.values());
		model.addAttribute("activeNav", "/activities/manage");
		return "activities/manage/list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new ActivityForm());
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") ActivityForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				List<Long> employers = form.getAudience() == Audience.EMPLOYERS ? queries.employerIds(form.getOrganizationId(), form.employerLines())
						: List.of();
				List<Long> members = form.getAudience() == Audience.NAMED_LIST ? queries.memberIdsByCard(form.memberLines()) : List.of();
				long id = activities.create(form.command(employers, members));
				redirect.addFlashAttribute("message", "activity.saved");
				return "redirect:/activities/manage/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(form.onForm(e), result);
			}
		}
		response.setStatus(400);
		form.fillSessionRows();
		return form(model, null);
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, @RequestParam(required = false) RegistrationStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var activity = queries.get(id);
		model.addAttribute("activity", activity);
		model.addAttribute("moves", activity.status().next());
		model.addAttribute("expertProfiles", honorees.byName(activity.experts().stream().map(e -> e.name()).toList()));
		model.addAttribute("counts", participants.counts(id));
		model.addAttribute("status", status);
		model.addAttribute("participants", participants.list(id, status, new PageResult.Request(page, PARTICIPANTS_PAGE_SIZE)));
		model.addAttribute("registrationStatuses", RegistrationStatus.values());
		model.addAttribute("completions", activity.kind() == ActivityKind.TRAINING_CAMP && activity.status() == ActivityStatus.FINISHED
				? camps.results(id) : List.of());
		model.addAttribute("competition", activity.kind() == ActivityKind.COMPETITION ? competitions.get(id) : null);
		model.addAttribute("activeNav", "/activities/manage");
		return "activities/manage/show";
	}

	@GetMapping("/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", ActivityForm.of(queries.get(id)));
		return form(model, id);
	}

	@PostMapping("/{id:\\d+}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") ActivityForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				activities.update(id, form.edit());
				redirect.addFlashAttribute("message", "activity.saved");
				return "redirect:/activities/manage/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		response.setStatus(400);
		return form(model, id);
	}

	@PostMapping("/{id:\\d+}/status")
	String move(@PathVariable long id, @RequestParam(required = false) ActivityStatus to, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			lifecycle.move(id, to, reason);
			redirect.addFlashAttribute("message", "activity.status.changed");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/activities/manage/" + id;
	}

	@PostMapping("/{id:\\d+}/registrations")
	String registerList(@PathVariable long id, @RequestParam(required = false) String entries, @RequestParam(required = false) Boolean consent,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("listResults", registrations.registerList(id, ActivityForm.lines(entries), Boolean.TRUE.equals(consent)));
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/activities/manage/" + id + "#register-list";
	}

	@PostMapping("/registrations/{registrationId:\\d+}/approve")
	String approve(@PathVariable long registrationId, RedirectAttributes redirect) {
		long activityId;
		try {
			activityId = registrations.approve(registrationId).activityId();
			redirect.addFlashAttribute("message", "activity.registration.approved");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
			activityId = registrations.get(registrationId).activityId();
		}
		return "redirect:/activities/manage/" + activityId;
	}

	@PostMapping("/{id:\\d+}/completions/{memberId:\\d+}")
	String override(@PathVariable long id, @PathVariable long memberId, @RequestParam(required = false) Boolean completed,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			camps.override(id, memberId, completed, reason);
			redirect.addFlashAttribute("message", "activity.camp.overridden");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/activities/manage/" + id + "#completions";
	}

	@GetMapping("/{id:\\d+}/participants.xlsx")
	void export(@PathVariable long id, @RequestParam(required = false) RegistrationStatus status, HttpServletResponse response) throws IOException {
		var activity = queries.get(id);
		String filename = URLEncoder.encode(activity.title() + "-报名名单.xlsx", StandardCharsets.UTF_8).replace("+", "%20");
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"participants.xlsx\"; filename*=UTF-8''" + filename);
		participants.export(id, status, response.getOutputStream());
	}

	private String form(Model model, Long id) {
		model.addAttribute("activityId", id);
		// Competitions and caravans start on their own pages (rounds; a union's request).
		model.addAttribute("kinds", java.util.Arrays.stream(ActivityKind.values())
			.filter(k -> k != ActivityKind.COMPETITION && k != ActivityKind.CARAVAN).toList());
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("sessionTypes", org.gonghui.activity.SessionType.values());
		model.addAttribute("activeNav", "/activities/manage");
		return "activities/manage/form";
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem activityManageNavigation() {
			return new NavigationItem("nav.activityManage", "/activities/manage", 400, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}
	}
}
