package org.gonghui.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gonghui.member.internal.MemberAccountService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A member's account, for staff in scope (404 outside it). */
@RestController
@RequestMapping("/api/members/{id}/account")
@Tag(name = "Members")
class MemberAccountApiController {

	private final MemberAccountService accounts;

	MemberAccountApiController(MemberAccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "Whether the member has an account (the username, a phone number, masked)")
	AccountState get(@PathVariable long id) {
		return accounts.accountOf(id).map(a -> new AccountState(true, a.masked())).orElse(new AccountState(false, null));
	}

	@PostMapping
	@Operation(summary = "Link an existing WORKER account (by username) to a member who has none")
	AccountState link(@PathVariable long id, @RequestBody LinkBody body) {
		accounts.link(id, body == null ? null : body.username());
		return get(id);
	}

	@DeleteMapping
	@Operation(summary = "Unlink the member's account; the account itself stays")
	ResponseEntity<Void> unlink(@PathVariable long id) {
		accounts.unlink(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/reset-password")
	@Operation(summary = "Reset the member's password to a one-time code, answered once; the worker must change it at sign-in")
	OneTimePassword reset(@PathVariable long id) {
		return new OneTimePassword(accounts.resetPassword(id));
	}

	record LinkBody(String username) {
	}

	record AccountState(boolean hasAccount, String username) {
	}

	record OneTimePassword(String oneTimePassword) {
	}
}
