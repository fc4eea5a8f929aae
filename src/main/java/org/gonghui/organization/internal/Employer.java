package org.gonghui.organization.internal;

import java.time.Instant;

import org.gonghui.organization.Ownership;

/** A workplace (单位) and the union organisation it belongs to. */
record Employer(Long id, String name, String creditCode, Ownership ownership, int headcount, String address, long organizationId,
		Instant createdAt, Instant updatedAt, int version) {
}
