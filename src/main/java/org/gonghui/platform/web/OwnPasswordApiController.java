package org.gonghui.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import org.gonghui.platform.internal.AccountService;
import org.gonghui.platform.internal.SignedInRefresh;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OwnPasswordApiController {

	private final AccountService accounts;
	private final SignedInRefresh refresh;

	OwnPasswordApiController(AccountService accounts, SignedInRefresh refresh) {
		this.accounts = accounts;
		this.refresh = refresh;
	}

	@PostMapping("/api/me/password")
	@Operation(summary = "Change the signed-in account's own password (required after a one-time password)")
	ResponseEntity<Void> change(@RequestBody PasswordChange change, HttpServletRequest request, HttpServletResponse response) {
		accounts.changeOwnPassword(change.currentPassword(), change.newPassword());
		refresh.refresh(request, response);
		return ResponseEntity.noContent().build();
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}
}
