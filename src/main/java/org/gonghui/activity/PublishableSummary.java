package org.gonghui.activity;

import java.time.LocalDate;
import java.util.List;

/**
 * A finished activity's summary as the news module may publish it: what happened, when (the first
 * session's date in Beijing time, null without sessions), who organised it, the summary text, the photos
 * and the figures. Carries no personal data: no member names, no registrations, no staff accounts.
 */
public record PublishableSummary(long activityId, String title, ActivityKind kind, long organizationId, String organizationName,
		LocalDate firstSessionDate, String text, List<Photo> photos, SummaryFigures figures) {

	public PublishableSummary {
		photos = List.copyOf(photos);
	}

	/** The photo ids in the order staff arranged them. */
	public List<Long> photoIds() {
		return photos.stream().map(Photo::id).toList();
	}

	/** A photo by id (its bytes through {@link ActivitySummaries#photo}) and its caption, may be null. */
	public record Photo(long id, String caption) {
	}
}
