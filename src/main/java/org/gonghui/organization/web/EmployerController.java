package org.gonghui.organization.web;

import java.util.List;

import org.gonghui.organization.FoundingStatus;
import org.gonghui.organization.Ownership;
import org.gonghui.organization.internal.EmployerService;
import org.gonghui.organization.internal.EmployerService.EmployerCommand;
import org.gonghui.organization.internal.EmployerService.EmployerView;
import org.gonghui.organization.internal.FoundingService;
import org.gonghui.organization.internal.FoundingService.FoundingCommand;
import org.gonghui.organization.internal.OrganizationService;
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

/** Employer (单位) pages: searchable list, create, edit, export, and the founding status (建会) on the edit page. */
@Controller
@RequestMapping("/employers")
class EmployerController {

	private final EmployerService employers;
	private final OrganizationService organizations;
	private final FoundingService founding;

	EmployerController(EmployerService employers, OrganizationService organizations, FoundingService founding) {
		this.employers = employers;
		this.organizations = organizations;
		this.founding = founding;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long organizationId,
			@RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("organizationId", organizationId);
		if (organizationId != null) {
			model.addAttribute("organization", organizations.get(organizationId));
		}
		model.addAttribute("employers", employers.search(q, organizationId, new PageResult.Request(page, 20)));
		model.addAttribute("mayWrite", employers.mayWrite());
		return htmx != null ? "employers/list :: results" : "employers/list";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long organizationId, Model model) {
		var form = new EmployerForm();
		if (organizationId != null) {
			form.setOrganizationId(organizations.get(organizationId).id());
		}
		model.addAttribute("form", form);
		return form(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") EmployerForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			long id = employers.create(form.command());
			redirect.addFlashAttribute("message", "common.saved");
			return "redirect:/employers/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			return form(model, null);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		EmployerView employer = employers.get(id);
		model.addAttribute("form", EmployerForm.of(employer));
		return form(model, employer);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") EmployerForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		EmployerView current = employers.get(id);
		try {
			employers.update(id, form.getVersion(), form.command());
			redirect.addFlashAttribute("message", "common.saved");
			return "redirect:/employers/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			return form(model, current);
		}
	}

	/** Moves the employer in the founding drive; on bad input the edit page shows the problems next to the founding form. */
	@PostMapping("/{id}/founding")
	String changeFounding(@PathVariable long id, @ModelAttribute("founding") FoundingForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		EmployerView current = employers.get(id);
		// A malformed value (an unknown status) is reported as such rather than passed on as "missing".
		if (!result.hasErrors()) {
			try {
				founding.change(id, form.getVersion(), form.command());
				redirect.addFlashAttribute("message", "employer.founding.saved");
				return "redirect:/employers/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		model.addAttribute("form", EmployerForm.of(current));
		return form(model, current);
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long organizationId) {
		List<EmployerView> rows = employers.export(organizationId);
		return CsvExport.download("employers.csv", List.of("ID", "单位名称", "统一社会信用代码", "单位性质", "职工人数", "地址", "所属工会", "建会状态", "所建工会"),
				rows.stream().<List<?>>map(e -> java.util.Arrays.asList(e.id(), e.name(), e.creditCode(), e.ownership(), e.headcount(),
						e.address(), e.organizationName(), e.foundingStatus(), e.foundedUnionName())).toList());
	}

	private String form(Model model, EmployerView current) {
		model.addAttribute("current", current);
		model.addAttribute("ownerships", Ownership.values());
		model.addAttribute("mayWrite", employers.mayWrite());
		if (current != null) {
			if (!model.containsAttribute("founding")) {
				model.addAttribute("founding", FoundingForm.of(current));
			}
			model.addAttribute("foundingHistory", founding.history(current.id()));
			model.addAttribute("foundingStatuses", FoundingStatus.values());
			model.addAttribute("mayChangeFounding", founding.mayChange(current.foundingStatus()));
		}
		return "employers/form";
	}

	/** The founding form on the employer page; {@code version} is the employer's, read when the page was shown. */
	public static class FoundingForm {

		private FoundingStatus status;
		private Long unionId;
		private String note;
		private Integer version;

		static FoundingForm of(EmployerView e) {
			var f = new FoundingForm();
			f.status = e.foundingStatus();
			f.unionId = e.foundedUnionId();
			f.version = e.version();
			return f;
		}

		FoundingCommand command() {
			return new FoundingCommand(status, unionId, note);
		}

		public FoundingStatus getStatus() {
			return status;
		}

		public void setStatus(FoundingStatus status) {
			this.status = status;
		}

		public Long getUnionId() {
			return unionId;
		}

		public void setUnionId(Long unionId) {
			this.unionId = unionId;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}
	}

	/** The employer form as the page binds it. */
	public static class EmployerForm {

		private String name;
		private String creditCode;
		private Ownership ownership;
		private Integer headcount;
		private String address;
		private Long organizationId;
		private Integer version;

		static EmployerForm of(EmployerView e) {
			var f = new EmployerForm();
			f.name = e.name();
			f.creditCode = e.creditCode();
			f.ownership = e.ownership();
			f.headcount = e.headcount();
			f.address = e.address();
			f.organizationId = e.organizationId();
			f.version = e.version();
			return f;
		}

		EmployerCommand command() {
			return new EmployerCommand(name, creditCode, ownership, headcount, address, organizationId);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getCreditCode() {
			return creditCode;
		}

		public void setCreditCode(String creditCode) {
			this.creditCode = creditCode;
		}

		public Ownership getOwnership() {
			return ownership;
		}

		public void setOwnership(Ownership ownership) {
			this.ownership = ownership;
		}

		public Integer getHeadcount() {
			return headcount;
		}

		public void setHeadcount(Integer headcount) {
			this.headcount = headcount;
		}

		public String getAddress() {
			return address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public Long getOrganizationId() {
			return organizationId;
		}

		public void setOrganizationId(Long organizationId) {
			this.organizationId = organizationId;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}
	}
}
