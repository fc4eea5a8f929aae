package org.gonghui.activity.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;

import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.ActivitySummaries;
import org.gonghui.activity.PublishableSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finished activities' summaries for other modules. Only FINISHED activities with a written summary: until
 * then attendance is not final (seat holders become NO_SHOW only at the finish) and there is nothing to
 * publish. The result is built from counts and the activity's own fields, so no personal data can leak.
 */
@Component
class ActivitySummariesAdapter implements ActivitySummaries {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final ActivityRepository activities;
	private final ActivitySummaryRepository summaries;
	private final ActivitySummaryService summaryService;

	ActivitySummariesAdapter(ActivityRepository activities, ActivitySummaryRepository summaries, ActivitySummaryService summaryService) {
		this.activities = activities;
		this.summaries = summaries;
		this.summaryService = summaryService;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PublishableSummary> find(long activityId) {
		return finished(activityId).flatMap(a -> summaries.find(activityId).map(s -> {
			LocalDate firstSession = activities.sessions(activityId).stream()
				.map(ActivityRepository.Session::startsAt)
				.min(Comparator.naturalOrder())
				.map(start -> LocalDate.ofInstant(start, BEIJING))
				.orElse(null);
			var photos = summaries.photos(activityId).stream().map(p -> new PublishableSummary.Photo(p.id(), p.caption())).toList();
			return new PublishableSummary(a.id(), a.title(), a.kind(), a.organizationId(), a.organizationName(), firstSession, s.text(), photos,
					summaryService.figures(a));
		}));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Image> photo(long activityId, long photoId) {
		return finished(activityId).filter(a -> summaries.find(activityId).isPresent())
			.flatMap(a -> summaries.image(activityId, photoId))
			.map(i -> new Image(i.contentType(), i.content()));
	}

	private Optional<ActivityRepository.Activity> finished(long activityId) {
		return activities.findById(activityId).filter(a -> a.status() == ActivityStatus.FINISHED);
	}
}
