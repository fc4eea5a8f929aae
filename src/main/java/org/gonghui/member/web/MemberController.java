package org.gonghui.member.web;

import org.gonghui.member.MemberStatus;
import org.gonghui.member.internal.JoinService;
import org.gonghui.member.internal.MemberService;
import org.gonghui.member.internal.WelcomePackageService;
import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.Organizations;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of the member registry: list, detail with audited reveal, transfer, leave, benefits, applications, cards. */
@Controller
@RequestMapping("/members")
class MemberController {

	private final MemberService members;
	private final JoinService joins;
	private final WelcomePackageService packages;
	private final Organizations organizations;
	private final org.gonghui.member.internal.CoverageService coverageService;
	private final org.gonghui.platform.CurrentUser currentUser;
	private final org.springframework.context.MessageSource messages;
	private final org.gonghui.member.internal.MemberAccountService accounts;

	MemberController(MemberService members, JoinService joins, WelcomePackageService packages, Organizations organizations,
			org.gonghui.member.internal.CoverageService coverageService, org.gonghui.platform.CurrentUser currentUser,
			org.springframework.context.MessageSource messages, org.gonghui.member.internal.MemberAccountService accounts) {
		this.accounts = accounts;
		this.messages = messages;
		this.members = members;
		this.joins = joins;
		this.packages = packages;
		this.organizations = organizations;
		this.coverageService = coverageService;
		this.currentUser = currentUser;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unionId,
			@RequestParam(required = false) MemberStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("unionId", unionId);
		model.addAttribute("status", status);
		model.addAttribute("statuses", MemberStatus.values());
		if (unionId != null) {
			model.addAttribute("union", organizations.findVisible(unionId).orElse(null));
		}
		model.addAttribute("members", members.search(q, unionId, status, new PageResult.Request(page, 20)));
		model.addAttribute("mayWrite", members.mayWrite());
		return htmx != null ? "members/list :: results" : "members/list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		var detail = members.detail(id);
		model.addAttribute("detail", detail);
		model.addAttribute("benefits", packages.benefitsOf(id));
		model.addAttribute("account", accounts.accountOf(id).orElse(null));
		return "members/detail";
	}

	@GetMapping("/{id}/card.svg")
	org.springframework.http.ResponseEntity<String> card(@PathVariable long id) {
		var member = members.detail(id).member();
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.valueOf("image/svg+xml"))
			.body(org.gonghui.platform.QrCodes.svg(members.cardQrPayload(member.cardNumber())));
	}

	/** The full 身份证号 or phone, as an htmx fragment; POST so that it is deliberate, CSRF-checked and never cached. */
	@PostMapping("/{id}/reveal")
	String reveal(@PathVariable long id, @RequestParam String what, Model model) {
		model.addAttribute("value", "phone".equals(what) ? members.revealPhone(id) : members.revealIdNumber(id));
		return "members/detail :: revealed";
	}

	@PostMapping("/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam(required = false) Long toUnionId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			members.transfer(id, toUnionId, note);
			redirect.addFlashAttribute("message", "member.transferred");
		}
		catch (InvalidInputException e) {
			org.gonghui.platform.FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/members/" + id;
	}

	@PostMapping("/{id}/leave")
	String leave(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			members.leave(id, reason);
			redirect.addFlashAttribute("message", "member.left");
		}
		catch (InvalidInputException e) {
			org.gonghui.platform.FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/members/" + id;
	}

	@PostMapping("/{id}/benefits/{benefitId}/fulfil")
	String fulfil(@PathVariable long id, @PathVariable long benefitId, RedirectAttributes redirect) {
		packages.fulfil(id, benefitId);
		redirect.addFlashAttribute("message", "common.saved");
		return "redirect:/members/" + id;
	}

	@GetMapping("/applications")
	String applications(@RequestParam(defaultValue = "PENDING") String status, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("applications", joins.list("ALL".equals(status) ? null : status, 200));
		return "members/applications";
	}

	@GetMapping("/applications/{id}")
	String application(@PathVariable long id, Model model) {
		model.addAttribute("joinApplication", joins.get(id));
		return "members/application";
	}

	@PostMapping("/applications/{id}/approve")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		try {
			long memberId = joins.approve(id);
			redirect.addFlashAttribute("message", "join.approved");
			return "redirect:/members/" + memberId;
		}
		catch (InvalidInputException e) {
			org.gonghui.platform.FormErrors.flash(e, redirect, messages);
			return "redirect:/members/applications/" + id;
		}
	}

	@PostMapping("/applications/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			joins.reject(id, reason);
			redirect.addFlashAttribute("message", "join.rejected");
			return "redirect:/members/applications";
		}
		catch (InvalidInputException e) {
			org.gonghui.platform.FormErrors.flash(e, redirect, messages);
			return "redirect:/members/applications/" + id;
		}
	}

	/** Coverage of an organisation's subtree (default: the caller's own organisation), as a table and a chart. */
	@GetMapping("/coverage")
	String coverage(@RequestParam(required = false) Long organizationId, Model model, jakarta.servlet.http.HttpServletResponse response) {
		org.gonghui.platform.ChartPages.allowChartStyles(response);
		long id = organizationId != null ? organizationId
				: currentOrganization().orElseThrow(() -> new org.gonghui.shared.RecordNotFoundException("organization", "none"));
		model.addAttribute("coverage", coverageService.coverage(id));
		return "members/coverage";
	}

	private java.util.Optional<Long> currentOrganization() {
		return currentUser.account().map(org.gonghui.platform.AccountRef::organizationId);
	}

	/** A staff scanner (or typed code) checks a member card. */
	@GetMapping("/cards/check")
	String checkCard(@RequestParam(required = false) String code, Model model) {
		model.addAttribute("code", code);
		if (code != null && !code.isBlank()) {
			model.addAttribute("checked", true);
			members.checkCard(code).ifPresent(m -> model.addAttribute("member", m));
		}
		return "members/card-check";
	}

	@GetMapping("/welcome-packages")
	String welcomePackages(@RequestParam(required = false) Long districtId, Model model) {
		if (districtId != null) {
			model.addAttribute("district", organizations.findVisible(districtId).orElse(null));
			model.addAttribute("items", packages.itemsOfDistrict(districtId));
		}
		model.addAttribute("districtId", districtId);
		return "members/welcome-packages";
	}

	@PostMapping("/welcome-packages")
	String addItem(@RequestParam long districtId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String description, RedirectAttributes redirect) {
		try {
			packages.addItem(districtId, name, description);
			redirect.addFlashAttribute("message", "common.saved");
		}
		catch (InvalidInputException e) {
			org.gonghui.platform.FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/members/welcome-packages?districtId=" + districtId;
	}

	@PostMapping("/welcome-packages/{itemId}/active")
	String toggle(@PathVariable long itemId, @RequestParam long districtId, @RequestParam boolean active, RedirectAttributes redirect) {
		packages.setActive(itemId, active);
		redirect.addFlashAttribute("message", "common.saved");
		return "redirect:/members/welcome-packages?districtId=" + districtId;
	}

}
