package org.gonghui.facility.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.platform.AccountRef;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.Photos;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workers rate a site (1–5, a comment, a photo); nothing shows until staff who manage the site approve it.
 * The site page shows the average of approved feedback only. Authors are shown by surname only.
 */
@Service
public class SiteFeedbackService {

	static final int MAX_COMMENT = 500;
	static final int MAX_NOTE = 200;
	static final Duration ONE_PER = Duration.ofHours(24);
	static final int SHOWN = 20;

	private final SiteFeedbackRepository feedback;
	private final SiteQueries sites;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final long maxPhotoBytes;

	SiteFeedbackService(SiteFeedbackRepository feedback, SiteQueries sites, CurrentUser currentUser, AuditLog audit, Clock clock,
			@Value("${gonghui.facility.max-photo-bytes:2097152}") long maxPhotoBytes) {
		this.feedback = feedback;
		this.sites = sites;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.maxPhotoBytes = maxPhotoBytes;
	}

	/** Leaves feedback on a public site as the signed-in account; one per site and day. */
	@Transactional
	public long submit(long siteId, Integer rating, String comment, byte[] photo) {
		AccountRef author = currentUser.account().orElseThrow(() -> new AccessDeniedException("Sign in to leave feedback"));
		SiteQueries.SiteView site = sites.getPublic(siteId);
		if (!site.isPublic()) {
			throw new RecordNotFoundException("site", siteId);
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (site.openedOn() == null) {
			// Nobody can have used a site that is only planned or being built.
			problems.add(new FieldProblem(null, "site.feedback.notOpened"));
		}
		if (rating == null) {
			problems.add(new FieldProblem("rating", "validation.required"));
		}
		else if (rating < 1 || rating > 5) {
			problems.add(new FieldProblem("rating", "site.feedback.rating.range"));
		}
		String text = SiteChecks.checkText(comment, "comment", MAX_COMMENT, problems);
		Photos.Checked checked = null;
		if (photo != null && photo.length > 0) {
			try {
				checked = Photos.check(photo, maxPhotoBytes, "photo");
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
		}
		Instant now = clock.instant();
		if (problems.isEmpty() && feedback.countByAuthorSince(siteId, author.username(), now.minus(ONE_PER)) > 0) {
			problems.add(new FieldProblem(null, "site.feedback.tooOften"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id;
		try {
			id = feedback.insert(siteId, author.username(), surnameOnly(author.displayName()), rating, text,
					checked == null ? null : checked.contentType(), checked == null ? null : checked.content(), now,
					java.time.LocalDate.ofInstant(now, SiteQueries.ZONE));
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			// A second post of the same day that raced past the check above.
			throw InvalidInputException.of(null, "site.feedback.tooOften");
		}
		audit.record("site.feedback.submit", "site_feedback", id, "site " + siteId + ", rating " + rating);
		return id;
	}

	/** The approved feedback of a site that the caller may see, newest first, with the average. */
	@Transactional(readOnly = true)
	public Summary summary(long siteId) {
		sites.getPublic(siteId);
		SiteFeedbackRepository.Rating rating = feedback.rating(siteId);
		List<FeedbackView> shown = feedback.approved(siteId, SHOWN).stream().map(this::view).toList();
		return new Summary(Math.round(rating.average() * 10) / 10.0, rating.count(), shown);
	}

	/** Feedback of sites in the caller's scope with the status, oldest first. */
	@Transactional(readOnly = true)
	public PageResult<FeedbackView> queue(String status, PageResult.Request page) {
		requireModerator();
		SiteFeedbackRepository.Status s = parse(status);
		var scope = currentUser.scope();
		long total = feedback.count(scope, s);
		return new PageResult<>(feedback.list(scope, s, page.offset(), page.size()).stream().map(this::view).toList(), page.page(), page.size(),
				total);
	}

	@Transactional
	public void moderate(long id, boolean approve, String note) {
		requireModerator();
		SiteFeedbackRepository.Row row = visible(id);
		List<FieldProblem> problems = new ArrayList<>();
		String cleanNote = SiteChecks.checkLine(note, "note", MAX_NOTE, problems);
		if (!approve && cleanNote == null) {
			problems.add(new FieldProblem("note", "site.feedback.reasonRequired"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var to = approve ? SiteFeedbackRepository.Status.APPROVED : SiteFeedbackRepository.Status.REJECTED;
		if (!feedback.moderate(id, to, currentUser.username(), cleanNote, clock.instant())) {
			throw InvalidInputException.of(null, "site.feedback.alreadyDecided");
		}
		if (!approve) {
			// A rejected photo is never shown: no reason to keep it.
			feedback.dropPhoto(id);
		}
		audit.record("site.feedback.moderate", "site_feedback", id, to + (cleanNote == null ? "" : ": " + cleanNote));
	}

	/** A feedback photo: to anyone once approved (and the site public), to moderators in scope before. */
	@Transactional(readOnly = true)
	public SitePhotoService.Image photo(long id) {
		SiteFeedbackRepository.Row row = feedback.findById(id).orElseThrow(() -> new RecordNotFoundException("site_feedback", id));
		boolean moderator = mayModerate() && currentUser.scope().includes(new OrgPath(row.organizationPath()));
		if (!moderator) {
			if (row.status() != SiteFeedbackRepository.Status.APPROVED) {
				throw new RecordNotFoundException("site_feedback", id);
			}
			sites.getPublic(row.siteId());
		}
		return feedback.photo(id).map(p -> new SitePhotoService.Image(p.contentType(), p.content()))
			.orElseThrow(() -> new RecordNotFoundException("site_feedback", id));
	}

	public boolean mayModerate() {
		return sites.mayWrite();
	}

	private SiteFeedbackRepository.Row visible(long id) {
		return feedback.findById(id).filter(r -> currentUser.scope().includes(new OrgPath(r.organizationPath())))
			.orElseThrow(() -> new RecordNotFoundException("site_feedback", id));
	}

	private void requireModerator() {
		if (!mayModerate()) {
			throw new AccessDeniedException("Not allowed to moderate feedback");
		}
	}

	private static SiteFeedbackRepository.Status parse(String status) {
		if (status == null || status.isBlank()) {
			return SiteFeedbackRepository.Status.PENDING;
		}
		try {
			return SiteFeedbackRepository.Status.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("status", "validation.typeMismatch");
		}
	}

	private FeedbackView view(SiteFeedbackRepository.Row r) {
		return new FeedbackView(r.id(), r.siteId(), r.siteName(), surnameOnly(r.authorName()), r.rating(), r.comment(), r.hasPhoto(),
				r.status().name(), LocalDateTime.ofInstant(r.createdAt(), SiteQueries.ZONE), r.moderationNote());
	}

	/** "张师傅（快递员）" becomes "张**": the public page needs no full names. */
	static String surnameOnly(String name) {
		if (name == null || name.isBlank()) {
			return "**";
		}
		return name.strip().codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "**";
	}

	public record FeedbackView(long id, long siteId, String siteName, String author, int rating, String comment, boolean hasPhoto, String status,
			LocalDateTime createdAt, String moderationNote) {
	}

	public record Summary(double average, long count, List<FeedbackView> recent) {
	}
}
