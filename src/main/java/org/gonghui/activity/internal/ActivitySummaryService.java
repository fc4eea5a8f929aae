package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.activity.SummaryFigures;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.Photos;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.TextChecks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the activity (活动总结): staff in scope write the summary text and add photos once the activity
 * is under way or finished, and read it with the figures (registered, attended, by employer) that the
 * check-in figures give. The news module reads finished summaries through
 * {@link org.gonghui.activity.ActivitySummaries}.
 */
@Service
public class ActivitySummaryService {

	static final int MAX_TEXT = 4000;
	static final int MAX_CAPTION = 200;
	static final int MAX_PHOTOS = 9;

	private final ActivitySummaryRepository summaries;
	private final ActivityAccess access;
	private final CheckInService checkIns;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final long maxPhotoBytes;

	ActivitySummaryService(ActivitySummaryRepository summaries, ActivityAccess access, CheckInService checkIns, CurrentUser currentUser,
			AuditLog audit, Clock clock, @Value("${gonghui.activity.max-photo-bytes:5242880}") long maxPhotoBytes) {
		this.summaries = summaries;
		this.access = access;
		this.checkIns = checkIns;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.maxPhotoBytes = maxPhotoBytes;
	}

	/** The summary as staff see it: text (null until written), photos and figures. Any status. */
	@Transactional(readOnly = true)
	public SummaryView get(long activityId) {
		access.requireWriter();
		return view(access.visible(activityId));
	}

	/**
	 * Writes or replaces the text at the version the editor read (0 before the first write). A summary
	 * describes what happened, so only an activity under way or finished takes one.
	 */
	@Transactional
	public SummaryView write(long activityId, String text, Integer version) {
		access.requireWriter();
		ActivityRepository.Activity activity = access.visible(activityId);
		requireUnderWayOrFinished(activity);
		List<FieldProblem> problems = new ArrayList<>();
		String clean = TextChecks.text(text, "text", MAX_TEXT, problems);
		if (clean == null) {
			problems.add(new FieldProblem("text", "validation.required"));
		}
		if (version == null) {
			problems.add(new FieldProblem("version", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		String by = currentUser.username();
		var current = summaries.find(activityId);
		boolean written;
		if (current.isEmpty()) {
			written = version == 0 && insert(activityId, clean, by, now);
		}
		else {
			written = summaries.update(activityId, version, clean, by, now);
		}
		if (!written) {
			throw new OptimisticLockingFailureException("summary of activity " + activityId + " changed meanwhile");
		}
		audit.record("activity.summary.write", "activity", activityId, clean.length() + " characters, version " + (version + 1));
		return view(activity);
	}

	/** Adds a photo (JPEG or PNG by content, metadata stripped) with an optional caption; at most {@value #MAX_PHOTOS}. */
	@Transactional
	public PhotoView addPhoto(long activityId, byte[] content, String caption) {
		access.requireWriter();
		ActivityRepository.Activity activity = access.visible(activityId);
		requireUnderWayOrFinished(activity);
		List<FieldProblem> problems = new ArrayList<>();
		String cleanCaption = TextChecks.line(caption, "caption", MAX_CAPTION, problems);
		Photos.Checked photo = null;
		try {
			photo = Photos.check(content, maxPhotoBytes, "photo");
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		if (summaries.photoCount(activityId) >= MAX_PHOTOS) {
			problems.add(new FieldProblem("photo", "activity.summary.photos.tooMany", MAX_PHOTOS));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id;
		try {
			id = summaries.insertPhoto(activityId, photo.contentType(), photo.content(), photo.width(), photo.height(), cleanCaption,
					summaries.nextPosition(activityId), currentUser.username(), clock.instant());
		}
		catch (DuplicateKeyException e) {
			// Another upload took the same place a moment ago; the count may be full now, so no silent retry.
			throw new OptimisticLockingFailureException("photos of activity " + activityId + " changed meanwhile", e);
		}
		audit.record("activity.summary.photo.add", "activity", activityId, "photo " + id + ", " + photo.content().length + " bytes");
		return new PhotoView(id, cleanCaption, photo.width(), photo.height());
	}

	/** Removes a photo; allowed whatever the status, so a wrong photo can always be taken down. */
	@Transactional
	public void deletePhoto(long activityId, long photoId) {
		access.requireWriter();
		access.visible(activityId);
		if (!summaries.deletePhoto(activityId, photoId)) {
			throw new RecordNotFoundException("activity_photo", photoId);
		}
		audit.record("activity.summary.photo.delete", "activity", activityId, "photo " + photoId);
	}

	/** A photo's bytes for staff in scope. */
	@Transactional(readOnly = true)
	public Image image(long activityId, long photoId) {
		access.requireWriter();
		access.visible(activityId);
		return summaries.image(activityId, photoId)
			.map(i -> new Image(i.contentType(), i.content()))
			.orElseThrow(() -> new RecordNotFoundException("activity_photo", photoId));
	}

	/** The largest photo accepted, in bytes ({@code gonghui.activity.max-photo-bytes}, 5 MB). */
	public long maxPhotoBytes() {
		return maxPhotoBytes;
	}

	/** The figures, without caller checks (the callers made theirs). */
	SummaryFigures figures(ActivityRepository.Activity activity) {
		CheckInService.Attendance attendance = checkIns.attendanceOf(activity);
		Map<RegistrationStatus, Long> byStatus = summaries.registrationsByStatus(activity.id());
		var byEmployer = attendance.employers().stream().map(e -> new SummaryFigures.EmployerCount(e.employerName(), e.people())).toList();
		return new SummaryFigures(activity.capacity(), attendance.registered(), attendance.people(),
				byStatus.getOrDefault(RegistrationStatus.NO_SHOW, 0L), summaries.walkInPeople(activity.id()),
				byStatus.getOrDefault(RegistrationStatus.CANCELLED, 0L), byEmployer);
	}

	static boolean underWayOrFinished(ActivityStatus status) {
		return status == ActivityStatus.ONGOING || status == ActivityStatus.FINISHED;
	}

	private static void requireUnderWayOrFinished(ActivityRepository.Activity activity) {
		if (!underWayOrFinished(activity.status())) {
			throw InvalidInputException.of(null, "activity.summary.notYet");
		}
	}

	/** The first write; false when another editor's first write won the race (the primary key decides). */
	private boolean insert(long activityId, String text, String by, Instant now) {
		try {
			summaries.insert(activityId, text, by, now);
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	private SummaryView view(ActivityRepository.Activity activity) {
		var summary = summaries.find(activity.id());
		List<PhotoView> photos = summaries.photos(activity.id()).stream()
			.map(p -> new PhotoView(p.id(), p.caption(), p.width(), p.height()))
			.toList();
		return new SummaryView(activity.id(), activity.title(), activity.status(), underWayOrFinished(activity.status()),
				summary.map(ActivitySummaryRepository.Summary::text).orElse(null), summary.map(ActivitySummaryRepository.Summary::version).orElse(0),
				summary.map(ActivitySummaryRepository.Summary::writtenBy).orElse(null),
				summary.map(ActivitySummaryRepository.Summary::updatedAt).orElse(null), photos, MAX_PHOTOS, figures(activity));
	}

	/**
	 * The summary for staff. {@code version} is 0 before the first write; {@code writable} says whether the
	 * activity takes a summary and photos now (under way or finished).
	 */
	public record SummaryView(long activityId, String title, ActivityStatus status, boolean writable, String text, int version, String writtenBy,
			Instant updatedAt, List<PhotoView> photos, int maxPhotos, SummaryFigures figures) {

		/** When the text was last saved, in Beijing time, for pages. */
		public java.time.LocalDateTime updatedAtLocal() {
			return ActivityQueries.local(updatedAt);
		}
	}

	public record PhotoView(long id, String caption, int width, int height) {
	}

	/** Bytes with their checked content type. */
	public record Image(String contentType, byte[] content) {
	}
}
