package org.gonghui.organization;

/**
 * An organisation and its subtree moved under a new parent: every path that started with
 * {@code oldPath} now starts with {@code newPath}. Published inside the move's transaction, so a
 * module that keeps paths on its own rows (the data-scope rule filters by them) rewrites them in
 * the same transaction with a plain {@code @EventListener}: nobody ever sees half a move.
 */
public record OrganizationMoved(long organizationId, String oldPath, String newPath) {
}
