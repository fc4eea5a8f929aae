package org.gonghui.activity.web;

import java.math.BigDecimal;
import java.util.EnumSet;

import org.gonghui.activity.internal.CompetitionQueries;
import org.gonghui.activity.internal.CompetitionService;
import org.gonghui.activity.internal.JudgingService;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public results page of a competition, and the judges' phone pages: my rounds and a round's score sheet. */
@Controller
class CompetitionController {

	private final CompetitionService competitions;
	private final CompetitionQueries queries;
	private final JudgingService judging;
	private final MessageSource messages;
	private final org.gonghui.activity.internal.ActivityQueries activities;

	CompetitionController(CompetitionService competitions, CompetitionQueries queries, JudgingService judging, MessageSource messages,
			org.gonghui.activity.internal.ActivityQueries activities) {
		this.activities = activities;
		this.competitions = competitions;
		this.queries = queries;
		this.judging = judging;
		this.messages = messages;
	}

	@GetMapping("/competitions/{id:\\d+}/results")
	String results(@PathVariable long id, Model model) {
		model.addAttribute("results", queries.results(id));
		return "competitions/results";
	}

	@GetMapping("/competitions")
	String list(Model model) {
		model.addAttribute("competitions", queries.published());
		model.addAttribute("activeNav", "/competitions");
		return "competitions/list";
	}

	@GetMapping("/competitions/{id:\\d+}/entries")
	String entries(@PathVariable long id, Model model) {
		model.addAttribute("submission", queries.submission(id));
		model.addAttribute("entries", queries.entriesInScope(id));
		// A unit usually submits its own entries: its own organisation is the picker's first value.
		model.addAttribute("defaultUnit", activities.ownOrganisation());
		model.addAttribute("activeNav", "/competitions");
		return "competitions/entries";
	}

	@PostMapping("/competitions/{id:\\d+}/entries")
	String submit(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) org.gonghui.activity.PerformanceForm form, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Integer performerCount, RedirectAttributes redirect) {
		try {
			competitions.submit(id, new CompetitionService.NewEntry(title, form, unitId, performerCount, null));
			redirect.addFlashAttribute("message", "competition.entry.submitted");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/competitions/" + id + "/entries";
	}

	@PostMapping("/competitions/{id:\\d+}/rounds/{roundId:\\d+}/close")
	String close(@PathVariable long id, @PathVariable long roundId, RedirectAttributes redirect) {
		try {
			judging.close(id, roundId);
			redirect.addFlashAttribute("message", "competition.round.closedNow");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/activities/manage/" + id;
	}

	@PostMapping("/competitions/{id:\\d+}/rounds/{roundId:\\d+}/advance")
	String advance(@PathVariable long id, @PathVariable long roundId, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("advanced", competitions.advance(id, roundId));
			redirect.addFlashAttribute("message", "competition.round.advanced");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/activities/manage/" + id;
	}

	@GetMapping("/judging")
	String myRounds(Model model) {
		model.addAttribute("rounds", judging.myRounds());
		model.addAttribute("activeNav", "/judging");
		return "competitions/judging";
	}

	@GetMapping("/judging/{id:\\d+}/rounds/{roundId:\\d+}")
	String sheet(@PathVariable long id, @PathVariable long roundId, Model model) {
		model.addAttribute("sheet", judging.sheet(id, roundId));
		model.addAttribute("activeNav", "/judging");
		return "competitions/sheet";
	}

	@PostMapping("/judging/{id:\\d+}/rounds/{roundId:\\d+}/scores")
	String score(@PathVariable long id, @PathVariable long roundId, @RequestParam(required = false) Long entryId,
			@RequestParam(required = false) String score, RedirectAttributes redirect) {
		try {
			judging.score(id, roundId, entryId, parse(score));
			redirect.addFlashAttribute("message", "competition.score.saved");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/judging/" + id + "/rounds/" + roundId + "#entry-" + entryId;
	}

	private static BigDecimal parse(String score) {
		try {
			return score == null || score.isBlank() ? null : new BigDecimal(score.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("score", "competition.score.range");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem competitionsNavigation() {
			return new NavigationItem("nav.competitions", "/competitions", 430, EnumSet.allOf(Role.class));
		}

		@Bean
		NavigationItem judgingNavigation() {
			return new NavigationItem("nav.judging", "/judging", 900, EnumSet.allOf(Role.class));
		}
	}
}
