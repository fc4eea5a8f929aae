package org.gonghui.member.web;

import org.gonghui.member.MemberStatus;
import org.gonghui.member.internal.MemberService;
import org.gonghui.member.internal.MemberService.MemberView;
import org.gonghui.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Members in the caller's scope; identifiers are always masked here. */
@RestController
@RequestMapping("/api/members")
@Tag(name = "Members", description = "会员")
class MemberApiController {

	private final MemberService members;

	MemberApiController(MemberService members) {
		this.members = members;
	}

	@GetMapping
	@Operation(summary = "Search by name prefix, exact 身份证号 or exact phone number")
	PageResult<MemberView> search(@RequestParam(required = false) String q, @RequestParam(required = false) Long unionId,
			@RequestParam(required = false) MemberStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return members.search(q, unionId, status, new PageResult.Request(page, size));
	}

	@GetMapping("/{id}")
	MemberView get(@PathVariable long id) {
		return members.detail(id).member();
	}
}
