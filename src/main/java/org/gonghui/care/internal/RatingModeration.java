package org.gonghui.care.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gonghui.care.CommentStatus;
import org.gonghui.care.ServiceForm;
import org.gonghui.care.internal.RatingRepository.Comment;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees which comment.
 * <ul>
 * <li>An activity's comment (a caravan's included) is PENDING until staff who may moderate for the organiser — an
 * administrator, staff or union chair whose scope holds the organising organisation, that is the organiser's side —
 * approve or reject it. That side sees all of its services' comments, whatever their status; everyone else (other
 * workers, staff of other subtrees) sees approved ones only.</li>
 * <li>An appointment's comment never reaches union staff, not even for moderation: it may speak of the worker's own
 * troubles, and the union must not learn who saw a counsellor. It goes to the counsellor of the appointment alone, and
 * only once ten or more of their appointments were rated, without date, score or order of arrival, so the newest
 * comment cannot be matched to the last session (see {@link SatisfactionFigures#counsellor()}).</li>
 * <li>No comment is ever shown next to the name of the worker who wrote it, to anyone but that worker.</li>
 * </ul>
 */
@Service
public class RatingModeration {

	static final List<Role> MODERATORS = List.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);
	private static final int MAX_LISTED = 200;

	private final RatingRepository ratings;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	RatingModeration(RatingRepository ratings, Organizations organizations, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.ratings = ratings;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** A comment on an activity as it is shown: the service, the score and the text, never who wrote it. */
	public record CommentView(long id, long activityId, String serviceTitle, ServiceForm form, int score, String comment, CommentStatus status,
			Instant createdAt, boolean moderatable) {

		/** The day it was written, in Beijing time. */
		public java.time.LocalDate createdOn() {
			return java.time.LocalDate.ofInstant(createdAt, RatingService.BEIJING);
		}
	}

	/**
	 * The comments staff moderate: those on activities organised in their scope (in the subtree of
	 * {@code organizationId} when given: 404 outside the scope), of one status (all when null) and one activity when
	 * given, newest first. 403 for anyone but administrators, staff and union chairs.
	 */
	@Transactional(readOnly = true)
	public List<CommentView> forModeration(Long organizationId, CommentStatus status, Long activityId) {
		requireModerator();
		String scope = scopePattern(organizationId);
		return ratings.activityComments(scope, status, activityId, MAX_LISTED).stream().map(c -> view(c, true)).toList();
	}

	/** Comments waiting for moderation in the caller's scope (0 for anyone but a moderator). */
	@Transactional(readOnly = true)
	public long pending() {
		if (!isModerator()) {
			return 0;
		}
		return ratings.pendingComments(currentUser.scope().pathPattern());
	}

	/**
	 * An activity's comments: every status for the organiser's side (a moderator whose scope holds the organiser),
	 * approved ones only for everyone else. An activity nobody commented on has none.
	 */
	@Transactional(readOnly = true)
	public List<CommentView> ofActivity(long activityId) {
		return ratings.activityComments("/%", null, activityId, MAX_LISTED).stream()
			.filter(c -> c.status() == CommentStatus.APPROVED || organiserSide(c.organizationPath()))
			.map(c -> view(c, organiserSide(c.organizationPath())))
			.toList();
	}

	@Transactional
	public void approve(long ratingId) {
		moderate(ratingId, CommentStatus.APPROVED);
	}

	@Transactional
	public void reject(long ratingId) {
		moderate(ratingId, CommentStatus.REJECTED);
	}

	private void moderate(long ratingId, CommentStatus to) {
		requireModerator();
		var rating = ratings.findById(ratingId)
			.filter(r -> r.activityId() != null && r.comment() != null && currentUser.scope().includes(new OrgPath(r.organizationPath())))
			.orElseThrow(() -> new RecordNotFoundException("comment", ratingId));
		if (!rating.commentStatus().mayMoveTo(to) || !ratings.moderate(ratingId, rating.commentStatus(), to, currentUser.username(), clock.instant())) {
			throw new StateConflictException("care.comment.decided");
		}
		audit.record("care.comment.moderate", "care_rating", ratingId, rating.commentStatus() + " -> " + to + ", activity " + rating.activityId());
	}

	/** The LIKE pattern of the organisation's subtree (the caller's whole scope without one); 404 outside the scope. */
	String scopePattern(Long organizationId) {
		if (organizationId == null) {
			return currentUser.scope().pathPattern();
		}
		return organizations.findVisible(organizationId).map(o -> new OrgPath(o.path()).subtreePattern())
			.orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
	}

	void requireModerator() {
		if (!isModerator()) {
			throw new AccessDeniedException("Satisfaction figures and comments are for union staff");
		}
	}

	private boolean isModerator() {
		return currentUser.account().map(a -> MODERATORS.contains(a.role())).orElse(false);
	}

	private boolean organiserSide(String path) {
		return isModerator() && currentUser.scope().includes(new OrgPath(path));
	}

	private static CommentView view(Comment c, boolean organiserSide) {
		return new CommentView(c.id(), c.activityId(), c.title(), c.form(), c.score(), c.text(), c.status(), c.createdAt(),
				organiserSide && c.status() == CommentStatus.PENDING);
	}
}
