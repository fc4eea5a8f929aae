package org.gonghui.activity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.CertificateService;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Certificate pages: the staff list of a camp's certificates (download, ZIP, issue, revoke with a reason),
 * and the public verify page the QR code opens, which answers 有效 or 已撤销 with the masked name and nothing
 * more, 404 for an unknown number and 429 when one address asks too often. Nothing is logged.
 */
@Controller
class CertificateController {

	private final CertificateService certificates;
	private final ActivityQueries activities;
	private final MessageSource messages;

	CertificateController(CertificateService certificates, ActivityQueries activities, MessageSource messages) {
		this.certificates = certificates;
		this.activities = activities;
		this.messages = messages;
	}

	@GetMapping("/activities/manage/{id:\\d+}/certificates")
	String manage(@PathVariable long id, Model model) {
		model.addAttribute("certificates", certificates.list(id));
		model.addAttribute("activity", activities.get(id));
		return "certificates/manage";
	}

	@PostMapping("/activities/manage/{id:\\d+}/certificates/issue")
	String issue(@PathVariable long id, RedirectAttributes redirect) {
		int issued = certificates.issueForCompleted(id);
		redirect.addFlashAttribute("issued", issued);
		return back(id);
	}

	@PostMapping("/activities/manage/{id:\\d+}/certificates/{number}/revoke")
	String revoke(@PathVariable long id, @PathVariable String number, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			certificates.revoke(number, reason);
			redirect.addFlashAttribute("message", "certificate.revoke.done");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return back(id);
	}

	@GetMapping("/verify/certificates/{number}")
	String verify(@PathVariable String number, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!certificates.allowLookup(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", String.valueOf(certificates.lookupWindow().toSeconds()));
			model.addAttribute("outcome", "rateLimited");
			return "certificates/verify";
		}
		var verification = certificates.verify(number);
		if (verification.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("outcome", "notFound");
			return "certificates/verify";
		}
		model.addAttribute("outcome", verification.get().valid() ? "valid" : "revoked");
		model.addAttribute("certificate", verification.get());
		return "certificates/verify";
	}

	private static String back(long id) {
		return "redirect:/activities/manage/" + id + "/certificates";
	}
}
