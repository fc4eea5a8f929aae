package org.gonghui.news;

/**
 * Where an article stands: written (DRAFT), handed in for review (SUBMITTED, while the three stages sign one after
 * the other), passed all stages (REVIEWED), on the public pages (PUBLISHED), taken down with a reason (WITHDRAWN).
 */
public enum ArticleStatus {
	DRAFT, SUBMITTED, REVIEWED, PUBLISHED, WITHDRAWN
}
