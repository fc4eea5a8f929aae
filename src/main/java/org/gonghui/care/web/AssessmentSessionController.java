package org.gonghui.care.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.platform.FormErrors;
import org.gonghui.care.Instrument;
import org.gonghui.care.internal.AssessmentSessionService;
import org.gonghui.care.internal.AssessmentSessionService.SessionResults;
import org.gonghui.platform.QrCodes;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * On-site assessment pages: the counsellor's sessions (open one, show its QR code on a laptop or a projector, see
 * the results, close it) and the page a worker's phone opens from the QR.
 */
@Controller
class AssessmentSessionController {

	private final AssessmentSessionService sessions;
	private final MessageSource messages;
	private final String publicBaseUrl;

	AssessmentSessionController(AssessmentSessionService sessions, MessageSource messages,
			@Value("${gonghui.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.sessions = sessions;
		this.messages = messages;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	@GetMapping("/care/desk/sessions")
	String list(Model model) {
		return listPage(model, null, null, 4);
	}

	@PostMapping("/care/desk/sessions")
	String open(@RequestParam(required = false) String title, @RequestParam(required = false) String place,
			@RequestParam(required = false) String hours, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Integer h = null;
		try {
			h = hours == null || hours.isBlank() ? null : Integer.valueOf(hours.strip());
		}
		catch (NumberFormatException e) {
			h = -1;
		}
		try {
			var s = sessions.open(title, place, h);
			redirect.addFlashAttribute("message", "care.session.opened");
			return "redirect:/care/desk/sessions/" + s.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("problems", e.problems().stream().map(p -> p.field()).toList());
			model.addAttribute("errorText", FormErrors.text(e, messages));
			return listPage(model, title, place, h == null || h < 0 ? 4 : h);
		}
	}

	@GetMapping("/care/desk/sessions/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		SessionResults r = sessions.results(id);
		model.addAttribute("s", r.session());
		model.addAttribute("results", r.results());
		model.addAttribute("link", publicBaseUrl + "/care/s/" + r.session().code());
		model.addAttribute("activeNav", "/care/desk/slots");
		return "care/session";
	}

	/** The QR code of the session's link, for its counsellor's screen. */
	@GetMapping("/care/desk/sessions/{id:\\d+}/qr.svg")
	org.springframework.http.ResponseEntity<String> qr(@PathVariable long id) {
		var s = sessions.session(id);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.valueOf("image/svg+xml"))
			.header("Cache-Control", "no-store")
			.body(QrCodes.svg(publicBaseUrl + "/care/s/" + s.code()));
	}

	@PostMapping("/care/desk/sessions/{id:\\d+}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		try {
			sessions.close(id);
			redirect.addFlashAttribute("message", "care.session.closedNow");
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", FormErrors.text(e, messages));
		}
		return "redirect:/care/desk/sessions/" + id;
	}

	/** The page the QR opens on the worker's phone (after signing in): the session, its counsellor, the two instruments. */
	@GetMapping("/care/s/{code:[0-9a-f]{8,32}}")
	String scanned(@PathVariable String code, Model model) {
		model.addAttribute("s", sessions.scanned(code));
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("activeNav", "/care");
		return "care/scanned";
	}

	private String listPage(Model model, String title, String place, int hours) {
		model.addAttribute("sessions", sessions.mine());
		model.addAttribute("formTitle", title);
		model.addAttribute("formPlace", place);
		model.addAttribute("formHours", hours);
		model.addAttribute("maxHours", 12);
		model.addAttribute("activeNav", "/care/desk/slots");
		return "care/sessions";
	}
}
