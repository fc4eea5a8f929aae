package org.gonghui.organization.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A staff visit to an employer (走访/上门服务). {@code staffUsername} and {@code staffName} are the
 * account that recorded it, taken from the login, never from the form.
 */
record OutreachVisit(Long id, long employerId, LocalDate visitDate, String staffUsername, String staffName, String companions,
		String purpose, String result, LocalDate followUpDate, boolean followUpDone, Instant followUpDoneAt, String followUpDoneBy,
		Instant createdAt, Instant updatedAt, int version) {
}
