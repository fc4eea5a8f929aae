package org.gonghui.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The search box in the top bar: a courier on a 375 px phone searches 驿站 and opens a station; 丰台 staff on a
 * 1440 px desktop find a member of their district, masked. No sideways scrolling, no CSP violation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class SearchBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aWorkerOnAPhoneSearchesForAStationAndOpensIt() {
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.signIn("worker");
			phone.visible(By.id("topbar-q")).sendKeys("驿站" + Keys.ENTER);
			phone.await().until(ExpectedConditions.urlContains("/search"));
			phone.waitForPage();
			WebElement group = phone.visible(By.id("group-SITE"));
			assertThat(group.getText()).contains("服务阵地");
			assertThat(phone.driver().findElements(By.id("group-MEMBER"))).isEmpty();
			List<WebElement> marks = group.findElements(By.cssSelector("mark"));
			assertThat(marks).isNotEmpty();
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("search-worker-375");
			WebElement first = group.findElement(By.cssSelector("a.search-title"));
			String name = first.getText();
			assertThat(name).contains("驿站");
			first.click();
			phone.await().until(ExpectedConditions.urlMatches(".*/sites/\\d+$"));
			phone.waitForPage();
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo(name);
			assertThat(phone.horizontalOverflow()).isZero();
			assertThat(phone.cspViolations()).isEmpty();
		}
	}

	@Test
	void staffFindAMemberOfTheirDistrictMaskedAndFilterByKind() {
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("fengtai");
			desk.visible(By.id("topbar-q")).sendKeys("王强" + Keys.ENTER);
			desk.await().until(ExpectedConditions.urlContains("/search"));
			desk.waitForPage();
			WebElement members = desk.visible(By.id("group-MEMBER"));
			assertThat(members.getText()).contains("王强", "****").doesNotContain("13800138001");
			desk.screenshot("search-staff-1440");
			desk.get("/search?q=%E9%A9%BF%E7%AB%99&kind=SITE");
			assertThat(desk.driver().findElements(By.cssSelector(".search-group"))).hasSize(1);
			assertThat(desk.visible(By.id("group-SITE")).getText()).contains("丰台站暖心驿站");
			desk.screenshot("search-staff-sites-1440");
			desk.get("/search?q=" + "驿".repeat(51));
			assertThat(desk.visible(By.cssSelector(".flash.error")).getText()).contains("50");
			assertThat(desk.cspViolations()).isEmpty();
		}
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.get("/search?q=%E9%AB%98%E5%87%A4%E6%9E%97");
			assertThat(phone.visible(By.id("group-HONOREE")).getText()).contains("高凤林");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("search-public-375");
		}
	}
}
