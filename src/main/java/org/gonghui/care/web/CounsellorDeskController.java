package org.gonghui.care.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.care.internal.BookingService;
import org.gonghui.care.internal.CounsellorService;
import org.gonghui.care.internal.CounsellorService.CounsellorView;
import org.gonghui.care.internal.SlotService;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The counsellor's desk (desktop): my slots (add, withdraw) and the bookings of my slots (confirm, done, no-show). */
@Controller
class CounsellorDeskController {

	private final CounsellorService counsellors;
	private final SlotService slots;
	private final BookingService bookings;
	private final MessageSource messages;
	private final org.gonghui.care.internal.CounsellorPhotoService photos;

	CounsellorDeskController(CounsellorService counsellors, SlotService slots, BookingService bookings, MessageSource messages,
			org.gonghui.care.internal.CounsellorPhotoService photos) {
		this.photos = photos;
		this.counsellors = counsellors;
		this.slots = slots;
		this.bookings = bookings;
		this.messages = messages;
	}

	@GetMapping("/care/desk")
	String desk() {
		return "redirect:/care/desk/slots";
	}

	@GetMapping("/care/desk/slots")
	String slots(Model model) {
		model.addAttribute("slotForm", new SlotForm());
		return slotsPage(model);
	}

	@PostMapping("/care/desk/slots")
	String add(@ModelAttribute("slotForm") SlotForm form, BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		CounsellorView me = counsellors.mine().orElse(null);
		if (me != null && !result.hasErrors()) {
			try {
				slots.add(me.id(), form.command());
				redirect.addFlashAttribute("message", "care.slot.created");
				return "redirect:/care/desk/slots";
			}
			catch (InvalidInputException e) {
				FormErrors.apply(SlotForm.onForm(e), result);
			}
		}
		response.setStatus(400);
		return slotsPage(model);
	}

	@PostMapping("/care/desk/slots/{id:\\d+}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		try {
			slots.withdraw(id);
			redirect.addFlashAttribute("message", "care.slot.withdrawn");
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", FormErrors.text(e, messages));
		}
		return "redirect:/care/desk/slots";
	}

	@GetMapping("/care/desk/bookings")
	String bookings(Model model) {
		CounsellorView me = counsellors.mine().orElse(null);
		model.addAttribute("me", me);
		model.addAttribute("bookings", me == null ? java.util.List.of() : bookings.desk());
		model.addAttribute("activeNav", "/care/desk/slots");
		return "care/desk-bookings";
	}

	@PostMapping("/care/desk/bookings/{id:\\d+}/{action:confirm|done|no-show}")
	String move(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		try {
			switch (action) {
				case "confirm" -> bookings.confirm(id);
				case "done" -> bookings.done(id);
				default -> bookings.noShow(id);
			}
			redirect.addFlashAttribute("message", "care.booking.moved");
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", FormErrors.text(e, messages));
		}
		return "redirect:/care/desk/bookings";
	}

	private String slotsPage(Model model) {
		CounsellorView me = counsellors.mine().orElse(null);
		model.addAttribute("me", me);
		model.addAttribute("slots", me == null ? java.util.List.of() : slots.ofCounsellor(me.id()));
		model.addAttribute("photoVersion", me == null ? null : photos.versions(java.util.List.of(me.id())).get(me.id()));
		model.addAttribute("rooms", slots.rooms());
		model.addAttribute("modes", SlotForm.modes());
		model.addAttribute("slotAction", "/care/desk/slots");
		model.addAttribute("activeNav", "/care/desk/slots");
		return "care/desk-slots";
	}
}
