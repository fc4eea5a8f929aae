package org.gonghui.organization;

/** An organisation as other modules and the JSON API see it. */
public record OrganizationSummary(long id, String name, OrganizationLevel level, OrganizationType type, Long parentId, String path) {
}
