package org.gonghui.workplan.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.StateConflictException;
import org.gonghui.workplan.MeetingKind;
import org.gonghui.workplan.internal.MeetingService;
import org.gonghui.workplan.internal.PlanService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for meetings: the list in scope (newest first or by organisation), one meeting with its speeches,
 * resolutions and minutes, and the record form, which may adopt a draft plan of the organisation. Bad input
 * answers 400 on the form with nothing stored.
 */
@Controller
class MeetingController {

	private static final int PAGE_SIZE = 20;

	private final MeetingService meetings;
	private final PlanService plans;
	private final MessageSource messages;

	MeetingController(MeetingService meetings, PlanService plans, MessageSource messages) {
		this.meetings = meetings;
		this.plans = plans;
		this.messages = messages;
	}

	@GetMapping("/workplan/meetings")
	String list(@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model) {
		boolean byOrganization = "ORGANIZATION".equals(sort);
		model.addAttribute("meetings", meetings.page(byOrganization, new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("sort", byOrganization ? "ORGANIZATION" : "DATE");
		model.addAttribute("activeNav", "/workplan/meetings");
		return "workplan/meetings";
	}

	@GetMapping("/workplan/meetings/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("meeting", meetings.detail(id));
		model.addAttribute("activeNav", "/workplan/meetings");
		return "workplan/meeting";
	}

	@GetMapping("/workplan/meetings/{id:\\d+}/minutes.pdf")
	void minutes(@PathVariable long id, HttpServletResponse response) throws IOException {
		MinutesDownload.write(meetings, id, response);
	}

	@GetMapping("/workplan/meetings/new")
	String newMeeting(@RequestParam(required = false) Long adoptsPlanId, Model model) {
		MeetingForm form = new MeetingForm();
		if (adoptsPlanId != null) {
			var plan = plans.detail(adoptsPlanId);
			form.setAdoptsPlanId(plan.id());
			form.setOrganizationId(plan.organizationId());
			form.setAdoptingRow(0);
			form.getResolutions().get(0).setTitle("审议通过《" + plan.title() + "》");
		}
		model.addAttribute("form", form);
		return form(model);
	}

	private String form(Model model) {
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("drafts", plans.drafts());
		model.addAttribute("activeNav", "/workplan/meetings");
		return "workplan/meeting-form";
	}

	@PostMapping("/workplan/meetings/new")
	String create(@ModelAttribute("form") MeetingForm form, BindingResult binding, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(400);
			model.addAttribute("errorText", messages.getMessage("workplan.form.malformed", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			return form(model);
		}
		try {
			var created = meetings.create(form.input());
			redirect.addFlashAttribute("message", created.planAdopted() ? "workplan.meeting.savedAdopted" : "workplan.meeting.saved");
			return "redirect:/workplan/meetings/" + created.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errorText", FormErrors.text(e, messages));
		}
		catch (StateConflictException e) {
			response.setStatus(409);
			model.addAttribute("errorText", FormErrors.text(e, messages));
		}
		return form(model);
	}
}
