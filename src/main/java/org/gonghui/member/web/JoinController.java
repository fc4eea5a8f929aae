package org.gonghui.member.web;

import org.gonghui.member.WorkForm;
import org.gonghui.member.internal.JoinService;
import org.gonghui.member.internal.JoinService.JoinReceipt;
import org.gonghui.member.internal.JoinService.JoinRequest;
import org.gonghui.member.internal.MemberService;
import org.gonghui.member.internal.WelcomePackageService;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.QrCodes;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The worker's join flow, phone first and without an account: apply, then follow the application
 * through a private link that becomes the member card once approved.
 */
@Controller
class JoinController {

	private final JoinService joins;
	private final MemberService members;
	private final WelcomePackageService packages;
	private final Organizations organizations;
	private final org.gonghui.member.internal.MemberAccountService accounts;

	JoinController(JoinService joins, MemberService members, WelcomePackageService packages, Organizations organizations,
			org.gonghui.member.internal.MemberAccountService accounts) {
		this.accounts = accounts;
		this.joins = joins;
		this.members = members;
		this.packages = packages;
		this.organizations = organizations;
	}

	@GetMapping("/join")
	String form(@RequestParam(required = false) Long unionId, Model model) {
		var form = new JoinForm();
		form.setUnionId(unionId);
		model.addAttribute("form", form);
		return page(model);
	}

	@PostMapping("/join")
	String apply(@ModelAttribute("form") JoinForm form, BindingResult result, Model model, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		if (!joins.allowSubmission(request.getRemoteAddr())) {
			response.setStatus(429);
			result.reject("join.rateLimited", "join.rateLimited");
			return page(model);
		}
		try {
			JoinReceipt receipt = joins.apply(form.request());
			return "redirect:/join/status/" + receipt.token();
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			return page(model);
		}
	}

	@GetMapping("/join/status/{token}")
	String status(@PathVariable String token, Model model) {
		var status = joins.status(token).orElseThrow(() -> new RecordNotFoundException("join_application", "token"));
		model.addAttribute("status", status);
		model.addAttribute("token", token);
		joins.card(token).ifPresent(card -> {
			model.addAttribute("card", card);
			model.addAttribute("benefits", packages.benefitsForCard(card.id()));
			model.addAttribute("hasAccount", accounts.hasAccount(token));
		});
		return "join/status";
	}

	@GetMapping("/join/status/{token}/card.svg")
	ResponseEntity<String> cardQr(@PathVariable String token) {
		var card = joins.card(token).orElseThrow(() -> new RecordNotFoundException("join_application", "token"));
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noStore())
			.body(QrCodes.svg(members.cardQrPayload(card.cardNumber())));
	}

	@GetMapping("/privacy")
	String privacy(Model model) {
		model.addAttribute("version", JoinService.PRIVACY_NOTICE_VERSION);
		return "join/privacy";
	}

	private String page(Model model) {
		model.addAttribute("workForms", WorkForm.values());
		model.addAttribute("privacyVersion", JoinService.PRIVACY_NOTICE_VERSION);
		return "join/form";
	}

	/** The join form as the page binds it. */
	public static class JoinForm {

		private String name;
		private String idNumber;
		private String phone;
		private WorkForm workForm;
		private String platform;
		private String occupation;
		private Long unionId;
		private boolean consent;

		JoinRequest request() {
			return new JoinRequest(name, idNumber, phone, workForm, platform, occupation, unionId, null, consent);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
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

		public WorkForm getWorkForm() {
			return workForm;
		}

		public void setWorkForm(WorkForm workForm) {
			this.workForm = workForm;
		}

		public String getPlatform() {
			return platform;
		}

		public void setPlatform(String platform) {
			this.platform = platform;
		}

		public String getOccupation() {
			return occupation;
		}

		public void setOccupation(String occupation) {
			this.occupation = occupation;
		}

		public Long getUnionId() {
			return unionId;
		}

		public void setUnionId(Long unionId) {
			this.unionId = unionId;
		}

		public boolean isConsent() {
			return consent;
		}

		public void setConsent(boolean consent) {
			this.consent = consent;
		}
	}
}
