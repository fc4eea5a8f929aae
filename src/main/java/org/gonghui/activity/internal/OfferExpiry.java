package org.gonghui.activity.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets expired seat offers lapse and passes each seat to the next on the waitlist. Safe with several
 * instances: each expiry is one conditional update, so exactly one instance acts on a given offer.
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
	}
}
