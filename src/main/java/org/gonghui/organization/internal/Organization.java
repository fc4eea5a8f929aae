package org.gonghui.organization.internal;

import java.time.Instant;

import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.shared.OrgPath;

/** A union body in the tree. {@code path} is derived from the parent's path and the id, and kept in step on moves. */
record Organization(Long id, Long parentId, String name, OrganizationLevel level, OrganizationType type, OrgPath path, String address,
		Instant createdAt, Instant updatedAt, int version) {

	OrganizationSummary summary() {
		return new OrganizationSummary(id, name, level, type, parentId, path.value());
	}
}
