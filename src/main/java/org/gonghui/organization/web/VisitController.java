package org.gonghui.organization.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.organization.FoundingStatus;
import org.gonghui.organization.internal.EmployerService;
import org.gonghui.organization.internal.EmployerService.EmployerView;
import org.gonghui.organization.internal.FoundingService;
import org.gonghui.organization.internal.OutreachVisitService;
import org.gonghui.organization.internal.OutreachVisitService.VisitCommand;
import org.gonghui.organization.internal.OutreachVisitService.VisitQuery;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Outreach visit pages (走访/上门服务): the filtered list with the form to record a visit, and overdue follow-ups. */
@Controller
@RequestMapping("/visits")
class VisitController {

	private static final int PAGE_SIZE = 20;

	private final OutreachVisitService visits;
	private final EmployerService employers;
	private final FoundingService founding;

	private final org.springframework.context.MessageSource messages;

	VisitController(OutreachVisitService visits, EmployerService employers, FoundingService founding, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.visits = visits;
		this.employers = employers;
		this.founding = founding;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long employerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var form = new VisitForm();
		form.setEmployerId(employerId);
		form.setVisitDate(visits.today());
		model.addAttribute("form", form);
		return list(model, new VisitQuery(employerId, from, to), page);
	}

	@PostMapping
	String create(@ModelAttribute("form") VisitForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		// A malformed date is reported as such; passing it on as "no follow-up" would silently drop it.
		if (!result.hasErrors()) {
			try {
				visits.create(form.command());
				redirect.addFlashAttribute("message", "visit.saved");
				return "redirect:/visits?employerId=" + form.getEmployerId();
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		return list(model, new VisitQuery(null, null, null), 0);
	}

	@GetMapping("/overdue")
	String overdue(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("visits", visits.overdue(new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("today", visits.today());
		model.addAttribute("mayWrite", visits.mayWrite());
		return "visits/overdue";
	}

	/** Closes a follow-up and returns to the page the button was on. */
	@PostMapping("/{id}/follow-up-done")
	String followUpDone(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		long employerId = visits.get(id).employerId();
		try {
			visits.completeFollowUp(id);
			redirect.addFlashAttribute("message", "visit.followUp.marked");
		}
		catch (InvalidInputException e) {
			org.gonghui.platform.FormErrors.flash(e, redirect, messages);
		}
		return "overdue".equals(back) ? "redirect:/visits/overdue" : "redirect:/visits?employerId=" + employerId;
	}

	private String list(Model model, VisitQuery query, int page) {
		model.addAttribute("query", query);
		model.addAttribute("visits", visits.search(query, new PageResult.Request(page, PAGE_SIZE)));
		if (query.employerId() != null) {
			model.addAttribute("employer", employers.get(query.employerId()));
		}
		model.addAttribute("employerOptions", employerOptions(query.employerId()));
		model.addAttribute("mayWrite", visits.mayWrite());
		model.addAttribute("foundingStatuses", FoundingStatus.values());
		return "visits/list";
	}

	/** Employers for the pickers: the first page by name, plus the one asked for if it lies further down. */
	private List<EmployerView> employerOptions(Long selected) {
		List<EmployerView> options = new ArrayList<>(employers.search(null, null, new PageResult.Request(0, PageResult.MAX_SIZE)).content());
		if (selected != null && options.stream().noneMatch(e -> e.id() == selected)) {
			try {
				options.add(0, employers.get(selected));
			}
			catch (RecordNotFoundException e) {
				// Not the caller's to choose: the service will say so next to the field.
			}
		}
		return options;
	}

	/** The new-visit form as the page binds it. */
	public static class VisitForm {

		private Long employerId;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate visitDate;
		private String companions;
		private String purpose;
		private String result;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate followUpDate;
		private FoundingStatus foundingStatus;
		private Long unionId;

		VisitCommand command() {
			return new VisitCommand(employerId, visitDate, companions, purpose, result, followUpDate, foundingStatus, unionId);
		}

		public Long getEmployerId() {
			return employerId;
		}

		public void setEmployerId(Long employerId) {
			this.employerId = employerId;
		}

		public LocalDate getVisitDate() {
			return visitDate;
		}

		public void setVisitDate(LocalDate visitDate) {
			this.visitDate = visitDate;
		}

		public String getCompanions() {
			return companions;
		}

		public void setCompanions(String companions) {
			this.companions = companions;
		}

		public String getPurpose() {
			return purpose;
		}

		public void setPurpose(String purpose) {
			this.purpose = purpose;
		}

		public String getResult() {
			return result;
		}

		public void setResult(String result) {
			this.result = result;
		}

		public LocalDate getFollowUpDate() {
			return followUpDate;
		}

		public void setFollowUpDate(LocalDate followUpDate) {
			this.followUpDate = followUpDate;
		}

		public FoundingStatus getFoundingStatus() {
			return foundingStatus;
		}

		public void setFoundingStatus(FoundingStatus foundingStatus) {
			this.foundingStatus = foundingStatus;
		}

		public Long getUnionId() {
			return unionId;
		}

		public void setUnionId(Long unionId) {
			this.unionId = unionId;
		}
	}
}
