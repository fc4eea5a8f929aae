package org.gonghui.platform.internal;

import java.time.Instant;

import org.gonghui.platform.AccountRef;
import org.gonghui.platform.Role;

/** A login of a union staff member or a worker. The password is kept as a BCrypt hash only. */
record Account(Long id, String username, String displayName, String passwordHash, Role role, long organizationId,
		boolean enabled, int failedAttempts, Instant lockedUntil, Instant createdAt, int version, boolean mustChangePassword) {

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	AccountRef toRef() {
		return new AccountRef(id, username, displayName, role, organizationId);
	}
}
