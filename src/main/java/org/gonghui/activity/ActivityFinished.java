package org.gonghui.activity;

/**
 * An activity has finished: attendance is final (seat holders who never came are NO_SHOW). Training camps
 * evaluate completion on it; the news module may offer the summary for publishing.
 */
public record ActivityFinished(long activityId, ActivityKind kind, long organizationId) {
}
