package org.gonghui.care.mutualaid.web;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.care.mutualaid.DocumentKind;
import org.gonghui.care.mutualaid.internal.ClaimService;
import org.gonghui.care.mutualaid.internal.ClaimService.ClaimInput;
import org.gonghui.care.mutualaid.internal.EnrolmentService;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's mutual aid on the phone: their cover (plans, shares, term, end of the waiting period), a claim with the
 * benefit's checklist of documents, adding a photo or PDF of each, and each step of the review with its date up to
 * the payout.
 */
@Controller
class MyAidController {

	private final EnrolmentService enrolments;
	private final ClaimService claims;
	private final MessageSource messages;

	MyAidController(EnrolmentService enrolments, ClaimService claims, MessageSource messages) {
		this.enrolments = enrolments;
		this.claims = claims;
		this.messages = messages;
	}

	@GetMapping("/aid/my")
	String mine(Model model) {
		model.addAttribute("covers", enrolments.mine());
		model.addAttribute("claims", claims.mine());
		return "aid/my";
	}

	@GetMapping("/aid/my/claims/new")
	String newClaim(@RequestParam long cover, Model model) {
		return claimForm(cover, model, null);
	}

	private String claimForm(long coverId, Model model, String errorText) {
		var cover = enrolments.mine().stream().filter(c -> c.coverId() == coverId).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("aid_cover", coverId));
		model.addAttribute("cover", cover);
		model.addAttribute("errorText", errorText);
		return "aid/my-claim-form";
	}

	@PostMapping("/aid/my/claims/new")
	String submit(@RequestParam long cover, @RequestParam(required = false) String benefit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate eventDate,
			@RequestParam(required = false) String hospital, @RequestParam(required = false) String diagnosis,
			@RequestParam(required = false) String expensesYuan, Model model, HttpServletResponse response) {
		var mine = enrolments.mine().stream().filter(c -> c.coverId() == cover).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("aid_cover", cover));
		try {
			Long expenses = AidPages.fen(expensesYuan, "expensesYuan");
			var claim = claims.submit(new ClaimInput(mine.planId(), null, benefit, eventDate, hospital, diagnosis, expenses == null ? 0L : expenses, null));
			return "redirect:/aid/my/claims/" + claim.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return claimForm(cover, model, org.gonghui.platform.FormErrors.text(e, messages));
		}
	}

	@GetMapping("/aid/my/claims/{id:\\d+}")
	String claim(@PathVariable long id, Model model) {
		return claimPage(id, model, null);
	}

	private String claimPage(long id, Model model, String errorText) {
		model.addAttribute("claim", claims.mine().stream().filter(c -> c.id() == id).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("aid_claim", id)));
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("errorText", errorText);
		return "aid/my-claim";
	}

	@PostMapping("/aid/my/claims/{id:\\d+}/documents")
	String document(@PathVariable long id, @RequestParam(required = false) DocumentKind kind, @RequestParam(required = false) MultipartFile file,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			claims.addDocument(id, kind, Uploads.bytes(file, ClaimApiController.UPLOAD_LIMIT, "file", "aid.file.tooLarge"),
					file == null ? null : file.getOriginalFilename());
			redirect.addFlashAttribute("message", "aid.document.added");
			return "redirect:/aid/my/claims/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return claimPage(id, model, org.gonghui.platform.FormErrors.text(e, messages));
		}
	}

	@PostMapping("/aid/my/claims/{id:\\d+}/resubmit")
	String resubmit(@PathVariable long id, RedirectAttributes redirect) {
		claims.resubmit(id);
		redirect.addFlashAttribute("message", "aid.claim.resubmitted");
		return "redirect:/aid/my/claims/" + id;
	}
}
