package org.gonghui.care.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.care.internal.AssessmentService;
import org.gonghui.care.internal.SessionNoteService;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for session notes: the counsellor's note of an appointment and the referrals other counsellors' workers
 * gave them (desk); the worker's consents naming a successor (phone).
 */
@Controller
class SessionNoteController {

	private final SessionNoteService notes;
	private final AssessmentService assessments;
	private final MessageSource messages;

	SessionNoteController(SessionNoteService notes, AssessmentService assessments, MessageSource messages) {
		this.notes = notes;
		this.assessments = assessments;
		this.messages = messages;
	}

	@GetMapping("/care/desk/bookings/{id:\\d+}/note")
	String note(@PathVariable long id, Model model) {
		var subject = notes.subject(id);
		return notePage(subject, subject.note().map(SessionNoteService.NoteView::text).orElse(""), model);
	}

	@PostMapping("/care/desk/bookings/{id:\\d+}/note")
	String write(@PathVariable long id, @RequestParam(required = false) String text, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			notes.write(id, text);
			redirect.addFlashAttribute("message", "care.note.saved");
			return "redirect:/care/desk/bookings/" + id + "/note";
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errorText", FormErrors.text(e, messages));
		}
		catch (StateConflictException e) {
			response.setStatus(409);
			model.addAttribute("errorText", FormErrors.text(e, messages));
		}
		return notePage(notes.subject(id), text, model);
	}

	@GetMapping("/care/desk/referrals")
	String referrals(Model model) {
		model.addAttribute("referrals", notes.referrals());
		model.addAttribute("activeNav", "/care/desk/slots");
		return "care/referrals";
	}

	@GetMapping("/care/desk/referrals/{id:\\d+}")
	String referral(@PathVariable long id, Model model) {
		model.addAttribute("referral", notes.referral(id));
		model.addAttribute("activeNav", "/care/desk/slots");
		return "care/referral";
	}

	@GetMapping("/care/appointments/consents")
	String consents(Model model) {
		model.addAttribute("consents", notes.consents());
		model.addAttribute("counsellors", assessments.counsellorsForMe());
		model.addAttribute("activeNav", "/care/appointments");
		return "care/consents";
	}

	@PostMapping("/care/appointments/consents")
	String grant(@RequestParam(required = false) Long counsellorId, RedirectAttributes redirect) {
		try {
			notes.grant(counsellorId);
			redirect.addFlashAttribute("message", "care.noteConsent.granted");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/care/appointments/consents";
	}

	@PostMapping("/care/appointments/consents/{id:\\d+}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		notes.revoke(id);
		redirect.addFlashAttribute("message", "care.noteConsent.revoked");
		return "redirect:/care/appointments/consents";
	}

	private String notePage(SessionNoteService.NoteSubject subject, String text, Model model) {
		model.addAttribute("subject", subject);
		model.addAttribute("text", text);
		model.addAttribute("maxLength", 4000);
		model.addAttribute("activeNav", "/care/desk/slots");
		return "care/note";
	}
}
