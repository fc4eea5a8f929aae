package org.gonghui.organization.web;

import java.util.List;

import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.organization.internal.OrganizationService;
import org.gonghui.organization.internal.OrganizationService.OrganizationCommand;
import org.gonghui.organization.internal.OrganizationService.OrganizationDetail;
import org.gonghui.platform.CsvExport;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the union tree: browser with search, detail, create, edit, move, export. */
@Controller
@RequestMapping("/organizations")
class OrganizationController {

	private final OrganizationService organizations;

	OrganizationController(OrganizationService organizations) {
		this.organizations = organizations;
	}

	/** The tree browser; with {@code q}, a list of matches instead. htmx asks for the results fragment only. */
	@GetMapping
	String browse(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("q", q);
		if (q != null && !q.isBlank()) {
			model.addAttribute("results", organizations.search(q, new PageResult.Request(page, 50)));
		}
		else {
			model.addAttribute("tops", organizations.tops());
		}
		model.addAttribute("mayWrite", organizations.mayWrite());
		return htmx != null ? "organizations/browse :: results" : "organizations/browse";
	}

	/** Children of a node, as a fragment the tree loads when a node is opened. */
	@GetMapping("/{id}/children")
	String children(@PathVariable long id, Model model) {
		model.addAttribute("nodes", organizations.children(id));
		return "organizations/browse :: nodes";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("detail", organizations.detail(id));
		return "organizations/detail";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long parentId, Model model) {
		var form = new OrganizationForm();
		if (parentId != null) {
			OrganizationSummary parent = organizations.get(parentId);
			form.setParentId(parent.id());
			model.addAttribute("parent", parent);
		}
		model.addAttribute("form", form);
		return form(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") OrganizationForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			long id = organizations.create(form.command());
			redirect.addFlashAttribute("message", "common.saved");
			return "redirect:/organizations/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			if (form.getParentId() != null) {
				model.addAttribute("parent", organizations.get(form.getParentId()));
			}
			return form(model, null);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		OrganizationDetail detail = organizations.detail(id);
		model.addAttribute("form", OrganizationForm.of(detail));
		return form(model, detail.organization());
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") OrganizationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		OrganizationSummary current = organizations.get(id);
		try {
			organizations.update(id, form.getVersion(), form.command());
			redirect.addFlashAttribute("message", "common.saved");
			return "redirect:/organizations/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			return form(model, current);
		}
	}

	@GetMapping("/{id}/move")
	String moveForm(@PathVariable long id, Model model) {
		OrganizationDetail detail = organizations.detail(id);
		model.addAttribute("detail", detail);
		model.addAttribute("form", OrganizationForm.of(detail));
		return "organizations/move";
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @ModelAttribute("form") OrganizationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			organizations.move(id, form.getVersion(), form.getParentId());
			redirect.addFlashAttribute("message", "organization.moved");
			return "redirect:/organizations/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			model.addAttribute("detail", organizations.detail(id));
			return "organizations/move";
		}
	}

	@GetMapping("/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		List<OrganizationSummary> rows = organizations.exportSubtree(id);
		return CsvExport.download("organizations-" + id + ".csv", List.of("ID", "名称", "级别", "类型", "上级ID", "路径"),
				rows.stream().<List<?>>map(o -> List.of(o.id(), o.name(), o.level(), o.type(), o.parentId() == null ? "" : o.parentId(), o.path()))
					.toList());
	}

	private String form(Model model, OrganizationSummary current) {
		model.addAttribute("current", current);
		model.addAttribute("levels", OrganizationLevel.values());
		model.addAttribute("types", OrganizationType.values());
		return "organizations/form";
	}

	/** The create/edit/move form as the page binds it. */
	public static class OrganizationForm {

		private Long parentId;
		private String name;
		private OrganizationLevel level;
		private OrganizationType type;
		private String address;
		private Integer version;

		static OrganizationForm of(OrganizationDetail d) {
			var f = new OrganizationForm();
			f.parentId = d.organization().parentId();
			f.name = d.organization().name();
			f.level = d.organization().level();
			f.type = d.organization().type();
			f.address = d.address();
			f.version = d.version();
			return f;
		}

		OrganizationCommand command() {
			return new OrganizationCommand(parentId, name, level, type, address);
		}

		public Long getParentId() {
			return parentId;
		}

		public void setParentId(Long parentId) {
			this.parentId = parentId;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public OrganizationLevel getLevel() {
			return level;
		}

		public void setLevel(OrganizationLevel level) {
			this.level = level;
		}

		public OrganizationType getType() {
			return type;
		}

		public void setType(OrganizationType type) {
			this.type = type;
		}

		public String getAddress() {
			return address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}
	}
}
