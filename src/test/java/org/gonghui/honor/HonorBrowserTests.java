package org.gonghui.honor;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * 丰台's staff record a craftsman on the desktop (a missing account first, nothing typed lost) and confer a
 * district title; a worker on a 375 px phone finds him in the public showcase.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class HonorBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void staffRecordACraftsmanAndThePublicFindsHimOnAPhone() {
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("fengtai");
			desk.get("/honorees");
			assertThat(desk.visible(By.id("honor-figures")).getText()).contains("区级");
			desk.screenshot("honorees-list-desktop");
			desk.clickable(By.id("new-honoree")).click();
			desk.waitForPage();
			desk.visible(By.id("name")).sendKeys("岳立平");
			desk.pick("organizationId", "泛华", "泛华集团工会");
			desk.driver().findElement(By.id("occupation")).sendKeys("数控铣工");
			desk.driver().findElement(By.id("publicProfile1")).click();
			desk.driver().findElement(By.cssSelector("#honoree-form button[type=submit]")).click();
			desk.waitForPage();
			// The short account is required: the page says so and keeps the rest.
			assertThat(desk.visible(By.cssSelector(".field-error")).getText()).isNotBlank();
			assertThat(desk.driver().findElement(By.id("name")).getDomProperty("value")).isEqualTo("岳立平");
			assertThat(desk.driver().findElement(By.id("organizationId-search")).getDomProperty("value")).isEqualTo("泛华集团工会");
			desk.screenshot("honoree-form-error-desktop");
			desk.driver().findElement(By.id("summary")).sendKeys("精密零件加工能手，带出一支青年技能队伍。");
			desk.driver().findElement(By.cssSelector("#honoree-form button[type=submit]")).click();
			desk.await().until(ExpectedConditions.urlMatches("/honorees/\\d+$"));
			desk.visible(By.id("title")).sendKeys("丰台区工匠");
			desk.driver().findElement(By.id("year")).sendKeys("2026");
			desk.driver().findElement(By.cssSelector("#honor-form button[type=submit]")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.id("honors")).getText()).contains("2026", "丰台区工匠", "区级", "有效");
			desk.screenshot("honoree-detail-desktop");
			assertThat(desk.cspViolations()).isEmpty();
		}
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.get("/showcase");
			phone.visible(By.id("q")).sendKeys("岳立平");
			phone.driver().findElement(By.cssSelector("form.search button[type=submit]")).click();
			phone.waitForPage();
			WebElement card = phone.visible(By.cssSelector("#showcase li"));
			assertThat(card.getText()).contains("岳立平", "2026 丰台区工匠", "数控铣工").doesNotContain("身份证");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("showcase-phone");
			card.findElement(By.cssSelector("a.site-name")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("岳立平");
			phone.screenshot("showcase-profile-phone");
		}
	}
}
