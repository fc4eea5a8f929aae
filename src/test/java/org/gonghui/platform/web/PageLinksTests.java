package org.gonghui.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The pager and sortable heads keep every filter of the page they are on and change one parameter only. */
class PageLinksTests {

	private final PageLinks links = new PageLinks();

	@AfterEach
	void reset() {
		RequestContextHolder.resetRequestAttributes();
	}

	private static void on(String uri, String query) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setQueryString(query);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@Test
	void aPageLinkKeepsTheFiltersAndReplacesThePage() {
		on("/activities/manage", "q=%E6%9C%BA%E5%99%A8&kind=TRAINING_CAMP&page=3&sort=TITLE");
		assertThat(links.page(4)).isEqualTo("/activities/manage?q=%E6%9C%BA%E5%99%A8&kind=TRAINING_CAMP&sort=TITLE&page=4");
		on("/members", null);
		assertThat(links.page(1)).isEqualTo("/members?page=1");
	}

	@Test
	void aSortLinkGoesBackToTheFirstPage() {
		on("/sites/manage", "type=OUTDOOR_WORKER_STATION&page=2&sort=NAME");
		assertThat(links.sort("OPENED")).isEqualTo("/sites/manage?type=OUTDOOR_WORKER_STATION&sort=OPENED");
	}

	@Test
	void nothingTypedIsDecodedIntoTheLink() {
		// A crafted query stays percent-encoded as sent: no quote or angle bracket appears in the link.
		on("/audit", "actor=%22%3E%3Cscript%3E&page=0");
		assertThat(links.page(1)).isEqualTo("/audit?actor=%22%3E%3Cscript%3E&page=1").doesNotContain("<", "\"");
	}
}
