package org.gonghui.platform;

/** What a search result is; the order is the order of the groups on the results page. */
public enum SearchKind {
	ORGANIZATION, EMPLOYER, MEMBER, SITE, ACTIVITY, COMPETITION, HONOREE, ARTICLE
}
