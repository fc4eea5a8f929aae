package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.gonghui.activity.RegistrationStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The waitlist moves in arrival order (registration id): a seat that frees, or a seat added by raising the
 * capacity, is offered to the longest-waiting member until a deadline. Callers run inside a transaction.
 */
@Component
class Waitlist {

	private final RegistrationRepository registrations;
	private final ActivityRepository activities;
	private final Clock clock;
	private final Duration offerValidity;

	Waitlist(RegistrationRepository registrations, ActivityRepository activities, Clock clock,
			@Value("${gonghui.activity.offer-validity:PT24H}") Duration offerValidity) {
		this.registrations = registrations;
		this.activities = activities;
		this.clock = clock;
		this.offerValidity = offerValidity;
	}

	/** A seat held by a registration that just ended goes to the head of the waitlist; with nobody waiting it is free again. */
	void passSeatOn(long activityId) {
		if (!offerToHead(activityId)) {
			activities.freeSeat(activityId);
		}
	}

	/** Free seats (after the capacity grew) are offered, one per waiting member, while both last. Returns how many. */
	int offerFreeSeats(long activityId) {
		int offered = 0;
		while (registrations.headOfWaitlist(activityId).isPresent() && activities.takeSeat(activityId)) {
			if (!offerToHead(activityId)) {
				activities.freeSeat(activityId);
				break;
			}
			offered++;
		}
		return offered;
	}

	/** Moves the head of the waitlist to OFFERED (the seat is already counted); false when nobody waits. */
	private boolean offerToHead(long activityId) {
		Instant now = clock.instant();
		while (true) {
			var head = registrations.headOfWaitlist(activityId);
			if (head.isEmpty()) {
				return false;
			}
			if (registrations.move(head.get(), RegistrationStatus.WAITLISTED, RegistrationStatus.OFFERED, now.plus(offerValidity), now)) {
				registrations.insertEvent(head.get(), RegistrationStatus.WAITLISTED, RegistrationStatus.OFFERED, "system", null, now);
				return true;
			}
			// Someone else moved that head meanwhile (cancelled it): look again.
		}
	}
}
