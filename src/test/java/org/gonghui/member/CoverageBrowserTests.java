package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Fengtai's coverage dashboard: figures, the monthly table and the ECharts chart, under the strict CSP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class CoverageBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theDistrictSeesItsCoverageChart() {
		try (Browser browser = BrowserTestSupport.desktop("http://localhost:" + port, 1280, 900)) {
			browser.get("/login");
			browser.visible(By.id("username")).sendKeys("fengtai");
			browser.driver().findElement(By.id("password")).sendKeys("gonghui-demo");
			browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
			browser.get("/members/coverage");
			assertThat(browser.visible(By.tagName("h1")).getText()).contains("丰台区总工会");
			assertThat(browser.driver().findElements(By.cssSelector("#coverage-table tbody tr"))).hasSize(12);
			browser.await().until(d -> "true".equals(d.findElement(By.id("coverage-chart")).getDomAttribute("data-rendered")));
			assertThat(browser.driver().findElements(By.cssSelector("#coverage-chart svg"))).isNotEmpty();
			browser.screenshot("coverage-desktop");
			// Chart pages allow inline styles (ECharts needs them) but still no inline or foreign script.
			assertThat(browser.cspViolations()).as("console: %s", browser.console()).isEmpty();
			browser.driver().executeScript("var s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.appendChild(s);");
			assertThat(browser.driver().executeScript("return window.injected === undefined")).isEqualTo(true);
		}
	}
}
