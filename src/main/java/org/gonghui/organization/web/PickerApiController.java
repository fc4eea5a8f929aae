package org.gonghui.organization.web;

import java.util.List;

import org.gonghui.organization.internal.OrganizationPicker;
import org.gonghui.organization.internal.OrganizationPicker.Kind;
import org.gonghui.organization.internal.OrganizationPicker.Option;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The live search behind the organisation pickers of the forms (static/js/org-picker.js). */
@RestController
class PickerApiController {

	private final OrganizationPicker picker;

	PickerApiController(OrganizationPicker picker) {
		this.picker = picker;
	}

	@GetMapping("/api/organizations/picker")
	@Operation(summary = "Organisations in the caller's scope whose name contains q, for a form's picker (at most 30)")
	List<Option> pick(@RequestParam(defaultValue = "ANY") Kind kind, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long within, @RequestParam(required = false) Integer limit) {
		return picker.find(kind == Kind.PUBLIC_UNION ? Kind.UNION : kind, q, within, limit);
	}

	@GetMapping("/api/join/unions")
	@Operation(summary = "Unions a worker may ask to join (public): grassroots and joint unions whose name contains q")
	List<Option> joinable(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit) {
		return picker.find(Kind.PUBLIC_UNION, q, null, limit);
	}
}
