package org.gonghui.care.web;

import java.util.EnumSet;

import org.gonghui.care.internal.BookingService;
import org.gonghui.care.internal.SlotService;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worker's pages, phone first: the counsellors serving my union with their open slots (with the discretion
 * option), the booking confirmation, and my appointments with cancel.
 */
@Controller
class AppointmentController {

	private final SlotService slots;
	private final BookingService bookings;
	private final MessageSource messages;

	AppointmentController(SlotService slots, BookingService bookings, MessageSource messages) {
		this.slots = slots;
		this.bookings = bookings;
		this.messages = messages;
	}

	@GetMapping("/care/counsellors")
	String counsellors(@RequestParam(defaultValue = "false") boolean discreet, Model model) {
		model.addAttribute("offers", slots.offer(discreet));
		model.addAttribute("discreet", discreet);
		model.addAttribute("activeNav", "/care/counsellors");
		return "care/counsellors";
	}

	@GetMapping("/care/slots/{id:\\d+}")
	String slot(@PathVariable long id, @RequestParam(defaultValue = "false") boolean discreet, Model model, RedirectAttributes redirect) {
		try {
			model.addAttribute("slot", slots.offered(id, discreet));
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", text(e));
			return "redirect:/care/counsellors" + (discreet ? "?discreet=true" : "");
		}
		model.addAttribute("discreet", discreet);
		model.addAttribute("cutoff", bookings.cutoff());
		model.addAttribute("activeNav", "/care/counsellors");
		return "care/book";
	}

	@PostMapping("/care/slots/{id:\\d+}/book")
	String book(@PathVariable long id, @RequestParam(defaultValue = "false") boolean discreet, RedirectAttributes redirect) {
		try {
			bookings.book(id, discreet);
			redirect.addFlashAttribute("message", "care.booking.created");
			return "redirect:/care/appointments";
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", text(e));
			return "redirect:/care/counsellors" + (discreet ? "?discreet=true" : "");
		}
	}

	@GetMapping("/care/appointments")
	String mine(Model model) {
		model.addAttribute("bookings", bookings.mine());
		model.addAttribute("cutoff", bookings.cutoff());
		model.addAttribute("activeNav", "/care/appointments");
		return "care/appointments";
	}

	@PostMapping("/care/appointments/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		try {
			bookings.cancel(id);
			redirect.addFlashAttribute("message", "care.booking.cancelled");
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", text(e));
		}
		return "redirect:/care/appointments";
	}

	private String text(StateConflictException e) {
		return org.gonghui.platform.FormErrors.text(e, messages);
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem careBookingNavigation() {
			return new NavigationItem("nav.careBooking", "/care/counsellors", 604, EnumSet.of(Role.WORKER));
		}

		@Bean
		NavigationItem careAppointmentsNavigation() {
			return new NavigationItem("nav.careAppointments", "/care/appointments", 605, EnumSet.of(Role.WORKER));
		}

		@Bean
		NavigationItem careDeskNavigation() {
			return new NavigationItem("nav.careDesk", "/care/desk/slots", 605, EnumSet.of(Role.COUNSELLOR));
		}

		@Bean
		NavigationItem careCounsellorsNavigation() {
			return new NavigationItem("nav.careCounsellors", "/care/counsellors/manage", 615, EnumSet.of(Role.ADMIN, Role.STAFF));
		}
	}
}
