package org.gonghui.member.web;

import java.net.URI;
import java.util.List;

import org.gonghui.member.WorkForm;
import org.gonghui.member.internal.JoinService;
import org.gonghui.member.internal.JoinService.ApplicationView;
import org.gonghui.member.internal.JoinService.JoinReceipt;
import org.gonghui.member.internal.JoinService.JoinRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Join applications: public submission, review by union chairs and staff in scope. */
@RestController
@RequestMapping("/api/join-applications")
@Tag(name = "Join applications", description = "入会申请")
class JoinApiController {

	private final JoinService joins;
	private final org.springframework.context.MessageSource messages;

	JoinApiController(JoinService joins, org.springframework.context.MessageSource messages) {
		this.joins = joins;
		this.messages = messages;
	}

	@PostMapping
	@Operation(summary = "Apply to join (public). The token in the answer is the applicant's private key to the status page.")
	ResponseEntity<?> apply(@RequestBody JoinBody body, jakarta.servlet.http.HttpServletRequest request) {
		if (!joins.allowSubmission(request.getRemoteAddr())) {
			var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
					messages.getMessage("join.rateLimited", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			return ResponseEntity.status(429).header("Retry-After", "600").body(problem);
		}
		JoinReceipt receipt = joins.apply(new JoinRequest(body.name(), body.idNumber(), body.phone(), body.workForm(), body.platform(),
				body.occupation(), body.unionId(), body.employerId(), body.consent()));
		return ResponseEntity.created(URI.create("/join/status/" + receipt.token())).body(receipt);
	}

	@GetMapping
	List<ApplicationView> list(@RequestParam(defaultValue = "PENDING") String status) {
		return joins.list("ALL".equals(status) ? null : status, 500);
	}

	@GetMapping("/{id}")
	ApplicationView get(@PathVariable long id) {
		return joins.get(id);
	}

	@PostMapping("/{id}/approve")
	ApplicationView approve(@PathVariable long id) {
		joins.approve(id);
		return joins.get(id);
	}

	@PostMapping("/{id}/reject")
	ApplicationView reject(@PathVariable long id, @RequestBody RejectBody body) {
		joins.reject(id, body.reason());
		return joins.get(id);
	}

	record JoinBody(String name, String idNumber, String phone, WorkForm workForm, String platform, String occupation, Long unionId,
			Long employerId, Boolean consent) {
	}

	record RejectBody(String reason) {
	}
}
