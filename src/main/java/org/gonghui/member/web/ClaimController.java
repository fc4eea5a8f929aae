package org.gonghui.member.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.member.internal.MemberAccountService;
import org.gonghui.member.internal.MemberAccountService.Claim;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.TooManyAttemptsException;
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

/** A member opens their own account on the phone: with their three facts, or from their join application's private link. */
@Controller
class ClaimController {

	private final MemberAccountService accounts;
	private final MessageSource messages;

	ClaimController(MemberAccountService accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/me/claim")
	String form(Model model) {
		model.addAttribute("form", new ClaimForm());
		return "me/claim";
	}

	@PostMapping("/me/claim")
	String claim(@ModelAttribute("form") ClaimForm form, BindingResult result, HttpServletRequest request, HttpServletResponse response) {
		if (form.password == null || !form.password.equals(form.repeatPassword)) {
			result.rejectValue("repeatPassword", "account.password.mismatch");
			form.clearPasswords();
			return "me/claim";
		}
		try {
			accounts.claim(new Claim(form.idNumber, form.phone, form.cardNumber, form.password), request.getRemoteAddr());
			return "redirect:/login?claimed";
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
		}
		catch (StateConflictException e) {
			response.setStatus(409);
			result.reject(e.code(), e.args(), e.code());
		}
		catch (TooManyAttemptsException e) {
			response.setStatus(429);
			result.reject("error.429.text");
		}
		form.clearPasswords();
		return "me/claim";
	}

	/** From the private link of an approved application: the link is the proof, a password is all it takes. */
	@PostMapping("/join/status/{token}/account")
	String fromApplication(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String repeatPassword, RedirectAttributes redirect) {
		if (password == null || !password.equals(repeatPassword)) {
			redirect.addFlashAttribute("error", "account.password.mismatch");
			return "redirect:/join/status/" + token;
		}
		try {
			accounts.claimFromApplication(token, password);
			return "redirect:/login?claimed";
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", e.code());
		}
		return "redirect:/join/status/" + token;
	}

	/** The claim form as the page binds it. */
	public static class ClaimForm {

		private String idNumber;
		private String phone;
		private String cardNumber;
		private String password;
		private String repeatPassword;

		void clearPasswords() {
			password = null;
			repeatPassword = null;
		}

		public String getIdNumber() {
			return idNumber;
		}

		public void setIdNumber(String idNumber) {
			this.idNumber = idNumber;
		}

		public String getPhone() {
			return phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public String getCardNumber() {
			return cardNumber;
		}

		public void setCardNumber(String cardNumber) {
			this.cardNumber = cardNumber;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getRepeatPassword() {
			return repeatPassword;
		}

		public void setRepeatPassword(String repeatPassword) {
			this.repeatPassword = repeatPassword;
		}
	}
}
