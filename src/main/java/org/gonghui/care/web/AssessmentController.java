package org.gonghui.care.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.gonghui.care.Instrument;
import org.gonghui.care.internal.AssessmentService;
import org.gonghui.care.internal.CareFigures;
import org.gonghui.care.internal.FollowUpService;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Self-assessment pages, phone first: a consent page, then one question per screen (the answers so far ride
 * along in the form, nothing is stored until the last answer), the result with the safety card; the
 * counsellor's follow-ups; the counts unions see.
 */
@Controller
class AssessmentController {

	private final AssessmentService assessments;
	private final org.gonghui.care.internal.AssessmentSessionService sessions;
	private final FollowUpService followUps;
	private final CareFigures figures;
	private final MessageSource messages;

	AssessmentController(AssessmentService assessments, org.gonghui.care.internal.AssessmentSessionService sessions, FollowUpService followUps, CareFigures figures, MessageSource messages) {
		this.assessments = assessments;
		this.sessions = sessions;
		this.followUps = followUps;
		this.figures = figures;
		this.messages = messages;
	}

	@GetMapping("/care")
	String hub(Model model) {
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("activeNav", "/care");
		return "care/hub";
	}

	/** {@code session}: the code of an on-site session (from its QR); the consent page then names its counsellor. */
	@GetMapping("/care/assess/{instrument}")
	String consent(@PathVariable Instrument instrument, @RequestParam(required = false) String session, Model model) {
		model.addAttribute("instrument", instrument);
		consentModel(session, model);
		model.addAttribute("activeNav", "/care");
		return "care/consent";
	}

	private void consentModel(String session, Model model) {
		if (session != null && !session.isBlank()) {
			model.addAttribute("onSite", sessions.scanned(session.strip()));
		}
		else {
			model.addAttribute("counsellors", assessments.counsellorsForMe());
		}
	}

	/** One step: the consent page posts with no answers; each question posts the answers so far plus its own. */
	@PostMapping("/care/assess/{instrument}")
	String step(@PathVariable Instrument instrument, @RequestParam(required = false) Boolean consent,
			@RequestParam(required = false) Long shareWith, @RequestParam(defaultValue = "") String answers,
			@RequestParam(required = false) Integer answer, @RequestParam(required = false) String back, @RequestParam(required = false) String session,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		model.addAttribute("instrument", instrument);
		model.addAttribute("activeNav", "/care");
		if (!Boolean.TRUE.equals(consent)) {
			consentModel(session, model);
			model.addAttribute("error", "care.assessment.consentRequired");
			response.setStatus(400);
			return "care/consent";
		}
		List<Integer> so = new ArrayList<>(parse(answers, instrument));
		if (back != null && !so.isEmpty()) {
			so.remove(so.size() - 1);
		}
		else if (answer != null && answer >= 0 && answer <= 3 && so.size() < instrument.items()) {
			so.add(answer);
		}
		if (so.size() == instrument.items()) {
			try {
				var taken = assessments.take(instrument, so, true, shareWith, session);
				return "redirect:/care/assessments/" + taken.id();
			}
			catch (StateConflictException e) {
				// The session closed while the worker was answering: nothing is stored; they may answer on their own.
				redirect.addFlashAttribute("errorText", FormErrors.text(e, messages));
				return "redirect:/care";
			}
		}
		model.addAttribute("shareWith", shareWith);
		model.addAttribute("sessionCode", session);
		model.addAttribute("answers", String.join(",", so.stream().map(String::valueOf).toList()));
		model.addAttribute("number", so.size() + 1);
		return "care/question";
	}

	/** The answers carried by the form; anything that is not a list of 0–3 starts the questions again. */
	private static List<Integer> parse(String text, Instrument instrument) {
		if (text.isBlank()) {
			return List.of();
		}
		try {
			List<Integer> list = Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
			return list.size() <= instrument.items() && list.stream().allMatch(a -> a >= 0 && a <= 3) ? list : List.of();
		}
		catch (NumberFormatException e) {
			return List.of();
		}
	}

	@GetMapping("/care/assessments/{id:\\d+}")
	String result(@PathVariable long id, Model model) {
		model.addAttribute("a", assessments.get(id));
		model.addAttribute("activeNav", "/care");
		return "care/result";
	}

	@PostMapping("/care/assessments/{id:\\d+}/call-back")
	String callBack(@PathVariable long id, RedirectAttributes redirect) {
		assessments.requestCallBack(id);
		redirect.addFlashAttribute("message", "care.callBack.requested");
		return "redirect:/care/assessments/" + id;
	}

	@GetMapping("/care/assessments")
	String history(Model model, HttpServletResponse response) {
		org.gonghui.platform.ChartPages.allowChartStyles(response);
		model.addAttribute("history", assessments.mine());
		model.addAttribute("activeNav", "/care");
		return "care/history";
	}

	@GetMapping("/care/follow-ups")
	String followUps(Model model) {
		model.addAttribute("followUps", followUps.mine());
		model.addAttribute("activeNav", "/care/follow-ups");
		return "care/follow-ups";
	}

	@PostMapping("/care/follow-ups/{id:\\d+}/{action:take|close|contact}")
	String followUp(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
		try {
			switch (action) {
				case "take" -> followUps.take(id);
				case "close" -> followUps.close(id, outcome);
				default -> redirect.addFlashAttribute("contact", java.util.Map.of(id, followUps.revealContact(id)));
			}
			if (!action.equals("contact")) {
				redirect.addFlashAttribute("message", "care.followup.saved");
			}
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", FormErrors.text(e, messages));
		}
		return "redirect:/care/follow-ups";
	}

	@GetMapping("/care/figures")
	String figures(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("figures", figures.figures(organizationId, from, to));
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errorText", FormErrors.text(e, messages));
		}
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("activeNav", "/care/figures");
		return "care/figures";
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem careNavigation() {
			return new NavigationItem("nav.care", "/care", 600, EnumSet.of(Role.WORKER));
		}

		@Bean
		NavigationItem followUpsNavigation() {
			return new NavigationItem("nav.followUps", "/care/follow-ups", 610, EnumSet.of(Role.COUNSELLOR));
		}

		@Bean
		NavigationItem careFiguresNavigation() {
			return new NavigationItem("nav.careFigures", "/care/figures", 620, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}
	}
}
