package org.gonghui.activity.web;

import java.util.Optional;

import org.gonghui.activity.internal.CheckInService;
import org.gonghui.activity.internal.CheckInService.Attendance;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff check-in page at the door. A hardware QR scanner types the code and presses Enter, so a plain
 * form post does it (no script); the answer comes back after a redirect, with the chosen session kept in
 * the address so the next scan goes to the same session.
 */
@Controller
class CheckInController {

	private final CheckInService checkIns;
	private final MessageSource messages;

	CheckInController(CheckInService checkIns, MessageSource messages) {
		this.checkIns = checkIns;
		this.messages = messages;
	}

	@GetMapping("/activities/{id:\\d+}/check-in")
	String page(@PathVariable long id, @RequestParam(required = false) Long sessionId, Model model) {
		Attendance attendance = checkIns.attendance(id);
		model.addAttribute("attendance", attendance);
		model.addAttribute("sessionId", sessionId);
		// Only real sessions are offered; with one (or none) the service picks it.
		model.addAttribute("sessions", attendance.sessions().stream().filter(s -> s.sessionId() != null).toList());
		return "activities/check-in";
	}

	@PostMapping("/activities/{id:\\d+}/check-in")
	String checkIn(@PathVariable long id, @RequestParam(required = false) String code, @RequestParam(required = false) Long sessionId,
			RedirectAttributes redirect) {
		try {
			var result = checkIns.checkIn(id, code, sessionId);
			// Flash attributes live in the (JDBC) session: plain strings and booleans only.
			redirect.addFlashAttribute("resultName", result.memberName());
			redirect.addFlashAttribute("resultEmployer", result.employerName());
			redirect.addFlashAttribute("resultRepeat", result.alreadyCheckedIn());
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return back(id, sessionId);
	}

	@PostMapping("/activities/{id:\\d+}/check-in/walk-in")
	String walkIn(@PathVariable long id, @RequestParam(required = false) Long sessionId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String employer, RedirectAttributes redirect) {
		try {
			var result = checkIns.walkIn(id, sessionId, name, employer, null);
			redirect.addFlashAttribute("resultName", result.name());
			redirect.addFlashAttribute("resultEmployer", result.employerName());
			redirect.addFlashAttribute("resultRepeat", result.alreadyCheckedIn());
			redirect.addFlashAttribute("resultWalkIn", true);
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return back(id, sessionId);
	}

	private static String back(long id, Long sessionId) {
		return "redirect:" + UriComponentsBuilder.fromPath("/activities/{id}/check-in")
			.queryParamIfPresent("sessionId", Optional.ofNullable(sessionId))
			.buildAndExpand(id)
			.toUriString();
	}
}
