package org.gonghui.organization.internal;

import java.time.Instant;

import org.gonghui.organization.FoundingStatus;

/**
 * One change of an employer's founding status. {@code actor} is the account's username and
 * {@code actorName} the name it showed at the time; {@code visitId} is set when the change came with
 * an outreach visit.
 */
record FoundingEvent(Long id, long employerId, Instant occurredAt, String actor, String actorName, FoundingStatus from,
		FoundingStatus to, Long unionId, String note, Long visitId) {
}
