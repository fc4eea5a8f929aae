package org.gonghui.facility.web;

import org.gonghui.facility.internal.SiteFeedbackService;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Moderation of worker feedback on sites in scope: pending first, oldest first; approve or reject with a reason. */
@Controller
@RequestMapping("/sites/manage/feedback")
class SiteFeedbackController {

	private final SiteFeedbackService feedback;
	private final MessageSource messages;

	SiteFeedbackController(SiteFeedbackService feedback, MessageSource messages) {
		this.feedback = feedback;
		this.messages = messages;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "PENDING") String status, @RequestParam(defaultValue = "0") int page, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		model.addAttribute("status", status);
		try {
			model.addAttribute("items", feedback.queue(status, new PageResult.Request(page, 20)));
		}
		catch (InvalidInputException e) {
			// ?status=NONSENSE: a malformed request, not a server error.
			response.setStatus(400);
			return "error/400";
		}
		model.addAttribute("activeNav", "/sites/manage");
		return "sites/manage/feedback";
	}

	@PostMapping("/{id:\\d+}")
	String moderate(@PathVariable long id, @RequestParam(defaultValue = "false") boolean approve, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			feedback.moderate(id, approve, note);
			redirect.addFlashAttribute("message", approve ? "site.feedback.approved" : "site.feedback.rejected");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/sites/manage/feedback";
	}
}
