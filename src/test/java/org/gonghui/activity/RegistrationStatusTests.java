package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** Every transition of the registration state machine, legal and illegal. */
class RegistrationStatusTests {

	@Test
	void onlyTheListedMovesAreLegal() {
		var legal = java.util.Map.of(
				RegistrationStatus.REGISTERED, EnumSet.of(RegistrationStatus.CANCELLED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW),
				RegistrationStatus.WAITLISTED, EnumSet.of(RegistrationStatus.OFFERED, RegistrationStatus.CANCELLED),
				RegistrationStatus.PENDING_APPROVAL, EnumSet.of(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED, RegistrationStatus.CANCELLED),
				RegistrationStatus.OFFERED, EnumSet.of(RegistrationStatus.REGISTERED, RegistrationStatus.CANCELLED));
		for (RegistrationStatus from : RegistrationStatus.values()) {
			for (RegistrationStatus to : RegistrationStatus.values()) {
				boolean expected = legal.getOrDefault(from, EnumSet.noneOf(RegistrationStatus.class)).contains(to);
				assertThat(from.mayMoveTo(to)).as(from + " -> " + to).isEqualTo(expected);
			}
		}
	}

	@Test
	void seatsAreHeldByRegisteredOfferedAndThoseWhoCameOrDidNot() {
		assertThat(EnumSet.allOf(RegistrationStatus.class).stream().filter(RegistrationStatus::holdsSeat))
			.containsExactlyInAnyOrder(RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW);
	}
}
