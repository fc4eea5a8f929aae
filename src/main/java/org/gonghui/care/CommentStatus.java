package org.gonghui.care;

/**
 * A rating's comment: an activity's comment waits (PENDING) until staff who may moderate for the organiser approve or
 * reject it; only the organiser's side sees it before that, everyone else approved ones only. An appointment's comment
 * is PRIVATE: it goes to the counsellor alone (see {@code RatingModeration}), never to union staff, so it needs no
 * moderation.
 */
public enum CommentStatus {
	PENDING, APPROVED, REJECTED, PRIVATE;

	/** Moderation decides once: a pending comment is approved or rejected; nothing else moves. */
	public boolean mayMoveTo(CommentStatus to) {
		return this == PENDING && (to == APPROVED || to == REJECTED);
	}
}
