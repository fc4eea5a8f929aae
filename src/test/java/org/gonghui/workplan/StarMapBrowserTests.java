package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 丰台's staff open the demo campaign's ranking and find the map of stars below it: the two unions with a site of
 * their own are markers, the education union without one is named beside the map; at 1440 px and on a 375 px phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class StarMapBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDistrictSeesItsUnionsOnTheMapOfStars() {
		long campaign = jdbc.sql("select id from std_campaign order by id").query(Long.class).list().get(0);
		for (int width : new int[] { 1440, 375 }) {
			try (Browser browser = width > 400 ? BrowserTestSupport.desktop("http://localhost:" + port, width, 900)
					: BrowserTestSupport.phone("http://localhost:" + port, width, 800)) {
				browser.signIn("fengtai");
				browser.get("/standard/campaigns/" + campaign);
				browser.waitForPage();
				browser.await().until(d -> "2".equals(d.findElement(By.id("map")).getDomAttribute("data-markers")));
				assertThat(browser.visible(By.id("star-places")).getText()).contains("泛华集团工会").contains("丰台区新就业形态劳动者联合工会");
				assertThat(browser.visible(By.id("star-unplaced")).getText()).contains("丰台区教育工会");
				browser.driver().executeScript("document.getElementById('map').scrollIntoView()");
				browser.screenshot("standard-star-map-" + width);
				assertThat(browser.cspViolations()).isEmpty();
			}
		}
	}
}
