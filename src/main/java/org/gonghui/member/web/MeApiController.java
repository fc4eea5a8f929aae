package org.gonghui.member.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.internal.MemberAccountService;
import org.gonghui.member.internal.MemberAccountService.Claim;
import org.gonghui.member.internal.MyPageService;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The worker's own account: opening it (public) and the membership behind it. */
@RestController
@Tag(name = "Me", description = "职工本人：开通账号、我的会员信息")
class MeApiController {

	private final MemberAccountService accounts;
	private final MyPageService me;

	MeApiController(MemberAccountService accounts, MyPageService me) {
		this.accounts = accounts;
		this.me = me;
	}

	@PostMapping("/api/me/account")
	@Operation(summary = "Open the worker's own account (public): 身份证号, phone and member card number must match one active member",
			description = "The username is the phone number. Any mismatch answers 400 with the same body, whichever fact was wrong; "
					+ "a member who already has an account or a phone number in use answers 409; too many attempts 429.")
	ResponseEntity<AccountOpened> open(@RequestBody ClaimBody body, HttpServletRequest request) {
		var account = accounts.claim(new Claim(body.idNumber(), body.phone(), body.cardNumber(), body.password()), request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/me")).body(new AccountOpened(account.username()));
	}

	@GetMapping("/api/me")
	@Operation(summary = "The signed-in worker's membership: member id, name, card number, union; readOnly once they left or transferred out")
	MeView get() {
		var m = me.me().orElseThrow(() -> new RecordNotFoundException("member", "self"));
		return new MeView(m.memberId(), m.name(), m.cardNumber(), m.unionName(), m.status(), m.joinDate(), m.readOnly());
	}

	record ClaimBody(String idNumber, String phone, String cardNumber, String password) {
	}

	record AccountOpened(String username) {
	}

	record MeView(long memberId, String name, String cardNumber, String unionName, MemberStatus status, java.time.LocalDate joinDate,
			boolean readOnly) {
	}
}
