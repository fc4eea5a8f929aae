package org.gonghui.care.web;

import java.net.URI;
import java.util.List;

import org.gonghui.care.BookingStatus;
import org.gonghui.care.internal.BookingService;
import org.gonghui.care.internal.BookingService.Booked;
import org.gonghui.care.internal.BookingService.BookingView;
import org.gonghui.care.internal.SlotService;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API for bookings: a worker books a slot (201; a taken slot 409), sees and cancels their own; the counsellor
 * of the slot confirms, marks done or a no-show. Staff get nothing here: unions do not see who sees a counsellor.
 */
@RestController
@Tag(name = "Counselling bookings", description = "心理咨询预约：职工预约、取消；咨询师确认、完成、未到")
class BookingApiController {

	private final BookingService bookings;
	private final SlotService slots;
	private final CurrentUser currentUser;

	BookingApiController(BookingService bookings, SlotService slots, CurrentUser currentUser) {
		this.bookings = bookings;
		this.slots = slots;
		this.currentUser = currentUser;
	}

	/** {@code discreet}: do not book next to a colleague in the same room (default false). */
	record BookingRequest(Boolean discreet) {
	}

	record BookingAnswer(long id, BookingStatus status) {
	}

	@PostMapping("/api/slots/{id}/bookings")
	@Operation(summary = "Book a slot for the signed-in worker: 201 with the booking's id; 409 when the slot is taken",
			description = "A repeated request by the same worker answers 200 with the same booking")
	ResponseEntity<BookingAnswer> book(@PathVariable long id, @RequestBody(required = false) BookingRequest request) {
		Booked booked = bookings.book(id, request != null && Boolean.TRUE.equals(request.discreet()));
		BookingAnswer answer = new BookingAnswer(booked.id(), booked.status());
		return booked.created() ? ResponseEntity.created(URI.create("/api/bookings/" + booked.id())).body(answer) : ResponseEntity.ok(answer);
	}

	@PostMapping("/api/slots/{id}/withdraw")
	@Operation(summary = "Withdraw an open slot (the counsellor, or staff in scope); a booked slot answers 409")
	ResponseEntity<Void> withdraw(@PathVariable long id) {
		slots.withdraw(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/bookings")
	@Operation(summary = "The signed-in worker's bookings, or the bookings of the signed-in counsellor's slots")
	List<BookingView> list() {
		return currentUser.hasRole(Role.COUNSELLOR) ? bookings.desk() : bookings.mine();
	}

	@GetMapping("/api/bookings/{id}")
	@Operation(summary = "One of the signed-in worker's bookings (with the video link while it holds the slot)")
	BookingView get(@PathVariable long id) {
		return bookings.mineOne(id);
	}

	@PostMapping("/api/bookings/{id}/cancel")
	@Operation(summary = "The worker cancels their booking, up to the cut-off before the start (409 after it)")
	ResponseEntity<Void> cancel(@PathVariable long id) {
		bookings.cancel(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/bookings/{id}/confirm")
	@Operation(summary = "The counsellor of the slot confirms a booking")
	ResponseEntity<Void> confirm(@PathVariable long id) {
		bookings.confirm(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/bookings/{id}/done")
	@Operation(summary = "The counsellor marks the appointment done, once it has begun")
	ResponseEntity<Void> done(@PathVariable long id) {
		bookings.done(id);
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	@PostMapping("/api/bookings/{id}/no-show")
	@Operation(summary = "The counsellor marks that the worker did not come, once the time has begun")
	ResponseEntity<Void> noShow(@PathVariable long id) {
		bookings.noShow(id);
		return ResponseEntity.noContent().build();
	}
}
