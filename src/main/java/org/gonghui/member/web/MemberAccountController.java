package org.gonghui.member.web;

import org.gonghui.member.internal.MemberAccountService;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff in scope link, unlink and reset a member's account from the member's page. */
@Controller
@RequestMapping("/members/{id}/account")
class MemberAccountController {

	private final MemberAccountService accounts;
	private final MessageSource messages;

	MemberAccountController(MemberAccountService accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@PostMapping("/link")
	String link(@PathVariable long id, @RequestParam(required = false) String username, RedirectAttributes redirect) {
		return act(id, redirect, "member.account.linked", () -> accounts.link(id, username));
	}

	@PostMapping("/unlink")
	String unlink(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "member.account.unlinked", () -> accounts.unlink(id));
	}

	/** The one-time code travels to the next page view once (flash) and is never stored in clear. */
	@PostMapping("/reset")
	String reset(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "member.account.reset", () -> redirect.addFlashAttribute("oneTimeCode", accounts.resetPassword(id)));
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", e.code());
		}
		return "redirect:/members/" + id + "#account";
	}
}
