package org.gonghui.platform;

/** An account as other modules see it. Serializable because it travels in the (database-stored) session. */
public record AccountRef(long id, String username, String displayName, Role role, long organizationId) implements java.io.Serializable {
}
