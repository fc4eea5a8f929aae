package org.gonghui.activity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.activity.AdvanceRule;
import org.gonghui.activity.PerformanceForm;
import org.gonghui.activity.RoundLevel;
import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.CompetitionQueries;
import org.gonghui.activity.internal.CompetitionService;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
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
 * Staff set a competition up on pages: the edition with its forms, then its rounds (host, dates, venue,
 * advance rule, judges) and, once a round is closed, its awards. The competition's own page is the
 * activity's management page, where rounds are closed and advanced.
 */
@Controller
class CompetitionSetupController {

	private final CompetitionService competitions;
	private final CompetitionQueries queries;
	private final ActivityQueries activities;
	private final MessageSource messages;

	CompetitionSetupController(CompetitionService competitions, CompetitionQueries queries, ActivityQueries activities,
			MessageSource messages) {
		this.competitions = competitions;
		this.queries = queries;
		this.activities = activities;
		this.messages = messages;
	}

	@GetMapping("/competitions/new")
	String newCompetition(Model model) {
		var form = new CompetitionForm();
		form.setOrganizationId(activities.defaultOrganiser());
		model.addAttribute("form", form);
		return competitionForm(model);
	}

	@PostMapping("/competitions/new")
	String create(@ModelAttribute("form") CompetitionForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = competitions.create(form.command());
				redirect.addFlashAttribute("message", "competition.created");
				return "redirect:/activities/manage/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		response.setStatus(400);
		return competitionForm(model);
	}

	private String competitionForm(Model model) {
		model.addAttribute("performanceForms", PerformanceForm.values());
		model.addAttribute("activeNav", "/competitions");
		return "competitions/new";
	}

	@GetMapping("/competitions/{id:\\d+}/rounds/new")
	String newRound(@PathVariable long id, Model model) {
		model.addAttribute("form", new RoundForm());
		return roundForm(id, model);
	}

	@PostMapping("/competitions/{id:\\d+}/rounds")
	String addRound(@PathVariable long id, @ModelAttribute("form") RoundForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				competitions.addRound(id, form.command());
				redirect.addFlashAttribute("message", "competition.round.added");
				return "redirect:/activities/manage/" + id + "#competition";
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		response.setStatus(400);
		return roundForm(id, model);
	}

	private String roundForm(long id, Model model) {
		var competition = queries.get(id);
		model.addAttribute("competition", competition);
		model.addAttribute("levels", RoundLevel.values());
		model.addAttribute("rules", AdvanceRule.values());
		model.addAttribute("activeNav", "/competitions");
		return "competitions/round";
	}

	@PostMapping("/competitions/{id:\\d+}/rounds/{roundId:\\d+}/awards")
	String award(@PathVariable long id, @PathVariable long roundId, @RequestParam(required = false) Long entryId,
			@RequestParam(required = false) String award, RedirectAttributes redirect) {
		try {
			competitions.award(id, roundId, entryId, award);
			redirect.addFlashAttribute("message", "competition.award.saved");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/activities/manage/" + id + "#competition";
	}
}
