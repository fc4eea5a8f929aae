package org.gonghui.activity;

import java.util.Optional;

/**
 * The activity module's API for publishing what happened (the news module, later): the summaries of
 * finished activities. An activity that has not finished, or has no written summary, is not offered.
 * No data-scope check here: the content is meant for the public and holds no personal data; the caller
 * decides who may publish it ({@link PublishableSummary#organizationId()} tells whose activity it was).
 */
public interface ActivitySummaries {

	/** The summary of a FINISHED activity that has one; empty otherwise (unknown, not finished, not written). */
	Optional<PublishableSummary> find(long activityId);

	/** A photo of such a summary: its checked type and bytes, metadata already stripped. */
	Optional<Image> photo(long activityId, long photoId);

	/** Image bytes with their content type (image/jpeg or image/png, checked from the content on upload). */
	record Image(String contentType, byte[] content) {
	}
}
