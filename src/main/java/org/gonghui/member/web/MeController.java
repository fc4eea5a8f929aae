package org.gonghui.member.web;

import org.gonghui.member.internal.MemberService;
import org.gonghui.member.internal.MyPageService;
import org.gonghui.platform.QrCodes;
import org.gonghui.platform.WorkerNotices;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 我的, phone first: the member card with its QR code, the union and where to find it, the worker's tiles
 * (the navigation items for workers that modules contribute: registrations, certificates, later
 * appointments and claims), password and sign-out.
 */
@Controller
class MeController {

	private final MyPageService me;
	private final MemberService members;
	private final org.springframework.beans.factory.ObjectProvider<WorkerNotices> notices;

	MeController(MyPageService me, MemberService members, org.springframework.beans.factory.ObjectProvider<WorkerNotices> notices) {
		this.me = me;
		this.members = members;
		this.notices = notices;
	}

	@GetMapping("/me")
	String page(Model model) {
		model.addAttribute("me", me.me().orElse(null));
		// Reminders other modules have for this worker (an appointment coming up), in their order.
		model.addAttribute("notices", notices.orderedStream().flatMap(n -> n.current().stream()).toList());
		return "me/home";
	}

	@GetMapping(path = "/me/card.svg", produces = "image/svg+xml")
	ResponseEntity<String> cardQr() {
		var mine = me.me().orElseThrow(() -> new RecordNotFoundException("member", "self"));
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noStore())
			.body(QrCodes.svg(members.cardQrPayload(mine.cardNumber())));
	}
}
