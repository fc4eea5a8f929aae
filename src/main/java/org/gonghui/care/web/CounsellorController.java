package org.gonghui.care.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.care.internal.CounsellorService;
import org.gonghui.care.internal.CounsellorService.CounsellorView;
import org.gonghui.care.internal.SlotService;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
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

/**
 * Staff pages for counsellors (desktop): the counsellors serving my scope, a new profile, and a profile with its
 * slots, where staff may add a slot for the counsellor. Bookings are not shown to staff.
 */
@Controller
@RequestMapping("/care/counsellors/manage")
class CounsellorController {

	private static final int PAGE_SIZE = 20;

	private final CounsellorService counsellors;
	private final SlotService slots;
	private final org.gonghui.care.internal.CounsellorPhotoService photos;
	private final org.springframework.context.MessageSource messages;

	CounsellorController(CounsellorService counsellors, SlotService slots, org.gonghui.care.internal.CounsellorPhotoService photos,
			org.springframework.context.MessageSource messages) {
		this.counsellors = counsellors;
		this.slots = slots;
		this.photos = photos;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("counsellors", counsellors.list(new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("activeNav", "/care/counsellors/manage");
		return "care/manage-list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new CounsellorForm());
		return form(null, model);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") CounsellorForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = counsellors.create(form.command());
				redirect.addFlashAttribute("message", "care.counsellor.saved");
				return "redirect:/care/counsellors/manage/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		response.setStatus(400);
		return form(null, model);
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		CounsellorView c = counsellors.get(id);
		model.addAttribute("form", CounsellorForm.of(c));
		model.addAttribute("slotForm", new SlotForm());
		return form(c, model);
	}

	@PostMapping("/{id:\\d+}")
	String update(@PathVariable long id, @ModelAttribute("form") CounsellorForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CounsellorView c = counsellors.get(id);
		if (!result.hasErrors()) {
			try {
				counsellors.update(id, form.command());
				redirect.addFlashAttribute("message", "care.counsellor.saved");
				return "redirect:/care/counsellors/manage/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		model.addAttribute("slotForm", new SlotForm());
		response.setStatus(400);
		return form(c, model);
	}

	@PostMapping("/{id:\\d+}/slots")
	String addSlot(@PathVariable long id, @ModelAttribute("slotForm") SlotForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CounsellorView c = counsellors.get(id);
		if (!result.hasErrors()) {
			try {
				slots.add(id, form.command());
				redirect.addFlashAttribute("message", "care.slot.created");
				return "redirect:/care/counsellors/manage/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(SlotForm.onForm(e), result);
			}
		}
		model.addAttribute("form", CounsellorForm.of(c));
		response.setStatus(400);
		return form(c, model);
	}

	/** Staff withdraw an open slot of a counsellor in their scope (a booked one answers that it is taken). */
	@PostMapping("/{id:\\d+}/slots/{slotId:\\d+}/withdraw")
	String withdrawSlot(@PathVariable long id, @PathVariable long slotId, RedirectAttributes redirect) {
		counsellors.get(id);
		if (slots.ofCounsellor(id).stream().noneMatch(s -> s.id() == slotId)) {
			throw new org.gonghui.shared.RecordNotFoundException("slot", slotId);
		}
		try {
			slots.withdraw(slotId);
			redirect.addFlashAttribute("message", "care.slot.withdrawn");
		}
		catch (org.gonghui.shared.StateConflictException e) {
			redirect.addFlashAttribute("errorText", FormErrors.text(e, messages));
		}
		return "redirect:/care/counsellors/manage/" + id;
	}

	private String form(CounsellorView c, Model model) {
		model.addAttribute("counsellor", c);
		if (c != null) {
			model.addAttribute("photoVersion", photos.versions(java.util.List.of(c.id())).get(c.id()));
			model.addAttribute("slots", slots.ofCounsellor(c.id()));
			model.addAttribute("rooms", slots.rooms());
			model.addAttribute("modes", SlotForm.modes());
			model.addAttribute("slotAction", "/care/counsellors/manage/" + c.id() + "/slots");
		}
		model.addAttribute("activeNav", "/care/counsellors/manage");
		return "care/manage-form";
	}
}
