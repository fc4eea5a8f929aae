package org.gonghui.activity.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets expired seat offers lapse and passes each seat to the next on the waitlist; and offers seats that
 * were left free while people wait (a cancellation that found nobody waiting while a sign-up was joining
 * the waitlist at that moment). Safe with several instances: each expiry and each offer is one conditional
 * update, so exactly one instance acts on a given offer or seat.
 */
@Component
class OfferExpiry {

	private final RegistrationService registrations;

	OfferExpiry(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Scheduled(fixedDelayString = "${gonghui.activity.offer-check:PT1M}")
	void run() {
		for (Long id : registrations.expiredOffers(100)) {
			registrations.expire(id);
		}
		for (Long activityId : registrations.freeSeatsWithWaiters(100)) {
			registrations.fillFreeSeats(activityId);
		}
	}
}
