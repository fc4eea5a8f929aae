package org.gonghui.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.platform.FormErrors;
import org.gonghui.platform.internal.AccountService;
import org.gonghui.platform.internal.SignedInRefresh;
import org.gonghui.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Anyone signed in changes their own password here; after a one-time code, they must. */
@Controller
class OwnPasswordController {

	private final AccountService accounts;
	private final SignedInRefresh refresh;

	OwnPasswordController(AccountService accounts, SignedInRefresh refresh) {
		this.accounts = accounts;
		this.refresh = refresh;
	}

	@GetMapping("/account/password")
	String form(Model model) {
		model.addAttribute("form", new PasswordForm());
		return "accounts/password";
	}

	@PostMapping("/account/password")
	String change(@ModelAttribute("form") PasswordForm form, BindingResult result, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (form.getNewPassword() == null || !form.getNewPassword().equals(form.getRepeatPassword())) {
			result.rejectValue("repeatPassword", "account.password.mismatch");
			form.clear();
			return "accounts/password";
		}
		try {
			accounts.changeOwnPassword(form.getCurrentPassword(), form.getNewPassword());
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			form.clear();
			return "accounts/password";
		}
		refresh.refresh(request, response);
		redirect.addFlashAttribute("message", "account.password.ownChanged");
		return "redirect:/";
	}

	/** The form as the page binds it; passwords are never sent back to the browser. */
	public static class PasswordForm {

		private String currentPassword;
		private String newPassword;
		private String repeatPassword;

		void clear() {
			currentPassword = null;
			newPassword = null;
			repeatPassword = null;
		}

		public String getCurrentPassword() {
			return currentPassword;
		}

		public void setCurrentPassword(String currentPassword) {
			this.currentPassword = currentPassword;
		}

		public String getNewPassword() {
			return newPassword;
		}

		public void setNewPassword(String newPassword) {
			this.newPassword = newPassword;
		}

		public String getRepeatPassword() {
			return repeatPassword;
		}

		public void setRepeatPassword(String repeatPassword) {
			this.repeatPassword = repeatPassword;
		}
	}
}
