package org.gonghui.care.internal;

import java.util.List;

import org.gonghui.platform.WorkerNotices;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The reminder on 我的: the worker's next appointment with a counsellor (when, with whom, where) and until when it
 * can be cancelled. Nothing for anyone without one.
 */
@Component
@Order(100)
class AppointmentReminder implements WorkerNotices {

	private final BookingService bookings;
	private final MessageSource messages;

	AppointmentReminder(BookingService bookings, MessageSource messages) {
		this.bookings = bookings;
		this.messages = messages;
	}

	@Override
	public List<Notice> current() {
		return bookings.next().map(b -> {
			var slot = b.slot();
			String where = slot.place() != null ? slot.place() : messages.getMessage("care.slot.mode.VIDEO", null, LocaleContextHolder.getLocale());
			var cutoff = bookings.cutoff();
			String until = messages.getMessage(cutoff.key(), new Object[] { cutoff.amount() }, LocaleContextHolder.getLocale());
			String text = messages.getMessage("care.reminder", new Object[] { slot.day(), slot.hours(), slot.counsellorName(), where, until },
					LocaleContextHolder.getLocale());
			return List.of(new Notice("care-reminder", text, "/care/appointments"));
		}).orElse(List.of());
	}
}
