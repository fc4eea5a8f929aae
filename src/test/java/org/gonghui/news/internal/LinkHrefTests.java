package org.gonghui.news.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of linked record opens on the page of the module that holds it. */
class LinkHrefTests {

	@Test
	void aMeetingOpensOnTheWorkPlanMeetingPageNotAsAnActivity() {
		assertThat(ArticleService.href("MEETING", 7)).isEqualTo("/workplan/meetings/7");
		assertThat(ArticleService.href("ACTIVITY", 7)).isEqualTo("/activities/7");
		assertThat(ArticleService.href("CARAVAN", 7)).isEqualTo("/activities/7");
		assertThat(ArticleService.href("COMPETITION", 7)).isEqualTo("/competitions/7/results");
		assertThat(ArticleService.href("UNKNOWN", 7)).isNull();
	}
}
