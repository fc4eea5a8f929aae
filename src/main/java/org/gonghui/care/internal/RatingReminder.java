package org.gonghui.care.internal;

import java.util.List;

import org.gonghui.platform.WorkerNotices;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The line on 我的 when services of the last 30 days wait for the worker's rating (待评价); nothing otherwise. */
@Component
@Order(110)
class RatingReminder implements WorkerNotices {

	private final RatingService ratings;
	private final MessageSource messages;

	RatingReminder(RatingService ratings, MessageSource messages) {
		this.ratings = ratings;
		this.messages = messages;
	}

	@Override
	public List<Notice> current() {
		long waiting = ratings.toRateRecently();
		if (waiting == 0) {
			return List.of();
		}
		return List.of(new Notice("care-ratings", messages.getMessage("care.rating.reminder", new Object[] { waiting }, LocaleContextHolder.getLocale()),
				"/care/ratings"));
	}
}
