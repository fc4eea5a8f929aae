package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * 丰台's staff on a 1440 px desktop: the dashboard shows the 50-station target among the 民生实事 with its chart;
 * the target opens to the shares of the organisations below (short of 50, with the warning) and the stations
 * counted with their opening dates. No Content-Security-Policy violation on the way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class WorkplanBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theDistrictOpensTheDashboardAndDrillsDownToTheFiftyStations() {
		try (Browser browser = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			browser.signIn("fengtai");
			browser.get("/workplan/dashboard");
			browser.waitForPage();
			var livelihood = browser.visible(By.id("livelihood-targets"));
			assertThat(livelihood.getText()).contains("新建户外劳动者服务站点").contains("50 个").contains("建设公共区域职工之家");
			browser.await().until(d -> "true".equals(d.findElement(By.id("workplan-chart")).getDomAttribute("data-rendered")));
			browser.screenshot("workplan-dashboard-1440");
			// The chart's bars are the tables' figures, livelihood targets first, in the tables' order.
			List<Object> values = browser.driver().findElements(By.cssSelector("#livelihood-targets tr[data-label], #targets tr[data-label]")).stream()
				.map(tr -> (Object) Long.valueOf(tr.getDomAttribute("data-value"))).toList();
			assertThat(values).hasSizeGreaterThan(2).startsWith(3L, 50L);
			assertThat(browser.driver().executeScript(
					"return echarts.getInstanceByDom(document.getElementById('workplan-chart')).getOption().series[0].data"))
				.isEqualTo(values);
			browser.driver().executeScript("document.getElementById('workplan-chart').scrollIntoView()");
			browser.screenshot("workplan-dashboard-chart-1440");
			livelihood.findElement(By.linkText("新建户外劳动者服务站点")).click();
			browser.waitForPage();
			assertThat(browser.visible(By.id("shortfall")).getText()).contains("40").contains("50");
			assertThat(browser.visible(By.id("children")).getText()).contains("六里桥街道总工会").contains("泛华集团工会");
			String records = browser.visible(By.id("records")).getText();
			assertThat(records).contains("丰台站暖心驿站").containsPattern("\\d{4}-\\d{2}-\\d{2}");
			long counted = browser.driver().findElements(By.cssSelector("#records tbody tr")).size();
			assertThat(browser.visible(By.id("target-actual")).getText()).isEqualTo(Long.toString(counted));
			browser.screenshot("workplan-stations-1440");
			assertThat(browser.cspViolations()).isEmpty();
		}
	}
}
