package org.gonghui.platform;

/** An account as other modules see it. */
public record AccountRef(long id, String username, String displayName, Role role, long organizationId) {
}
