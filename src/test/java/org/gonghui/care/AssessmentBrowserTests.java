package org.gonghui.care;

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

/**
 * A courier on a 375 px phone takes PHQ-9 one question per screen, sees a moderate band with the booking
 * button; a second time a positive item 9 brings the crisis card with 12356 at once, and they ask to be
 * called back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class AssessmentBrowserTests {

	@LocalServerPort
	int port;

	private static void answer(Browser phone, int... answers) {
		for (int i = 0; i < answers.length; i++) {
			assertThat(phone.visible(By.id("progress")).getText()).isEqualTo("第 " + (i + 1) + " 题，共 9 题");
			if (i == 0) {
				assertThat(phone.horizontalOverflow()).isZero();
				phone.screenshot("care-question-phone");
			}
			phone.clickable(By.id("answer-" + answers[i])).click();
			phone.waitForPage();
		}
	}

	private static void start(Browser phone) {
		phone.get("/care");
		phone.clickable(By.id("start-PHQ9")).click();
		phone.waitForPage();
	}

	@Test
	void aCourierTakesPhq9OnAPhoneAndAPositiveItemNineShowsTheCrisisCard() {
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.signIn("worker");
			phone.driver().executeCdpCommand("Browser.grantPermissions",
					java.util.Map.of("origin", "http://localhost:" + port, "permissions", java.util.List.of("geolocation")));
			phone.driver().executeCdpCommand("Emulation.setGeolocationOverride",
					java.util.Map.of("latitude", 39.9305, "longitude", 116.4430, "accuracy", 50));
			phone.get("/care");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("care-hub-phone");
			start(phone);
			phone.driver().findElement(By.cssSelector("#consent-form button[type=submit]")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.cssSelector(".flash.error")).getText()).contains("同意");
			phone.screenshot("care-consent-phone");
			phone.driver().findElement(By.id("consent")).click();
			phone.driver().findElement(By.cssSelector("#consent-form button[type=submit]")).click();
			phone.waitForPage();
			answer(phone, 2, 2, 2, 2, 1, 1, 0, 0, 0);
			phone.await().until(ExpectedConditions.urlMatches("/care/assessments/\\d+$"));
			assertThat(phone.visible(By.id("score")).getText()).isEqualTo("10");
			assertThat(phone.visible(By.id("band")).getText()).isEqualTo("中度");
			assertThat(phone.visible(By.id("book")).getText()).isEqualTo("预约心理咨询");
			assertThat(phone.driver().findElements(By.id("crisis"))).isEmpty();
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("care-result-phone");

			start(phone);
			phone.driver().findElement(By.id("consent")).click();
			phone.driver().findElement(By.cssSelector("#consent-form button[type=submit]")).click();
			phone.waitForPage();
			answer(phone, 0, 1, 0, 0, 0, 0, 0, 0, 1);
			phone.await().until(ExpectedConditions.urlMatches("/care/assessments/\\d+$"));
			assertThat(phone.visible(By.id("crisis")).getText()).contains("12356", "110", "120", "心理减压室");
			// The phone is at 朝阳区工人体育场: the card names the room of the 朝阳区职工心理服务中心 nearby.
			assertThat(phone.visible(By.id("nearest-room-found")).getText()).contains("朝阳区职工心理服务中心减压室");
			assertThat(phone.visible(By.id("band")).getText()).isEqualTo("没有或极轻微");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("care-crisis-phone");
			phone.driver().findElement(By.cssSelector("#call-back-form button")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("crisis")).getText()).contains("已请咨询师回电");
			phone.get("/care/assessments");
			assertThat(phone.visible(By.id("history")).getText()).contains("PHQ-9 抑郁自评：10 · 中度", "PHQ-9 抑郁自评：2 · 没有或极轻微");
			phone.screenshot("care-history-phone");
			assertThat(phone.cspViolations()).isEmpty();
		}
	}
}
