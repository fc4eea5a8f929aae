package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The counsellor's side of a caravan day and of a worker's care, in headless Chromium: 李静 opens an on-site
 * assessment on the desktop and shows its QR; the demo courier scans it on a 375 px phone, answers PHQ-9 and his
 * result appears on her screen. Then she writes the note of an earlier appointment, and the courier names her as
 * the counsellor who may read his notes, on his phone, and withdraws it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class CareSessionBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String base() {
		return "http://localhost:" + port;
	}

	@Test
	void aCourierAnswersAtTheCaravanOnHisPhoneAndTheCounsellorSeesTheResult() {
		String path;
		try (Browser desk = BrowserTestSupport.desktop(base(), 1440, 900)) {
			desk.signIn("counsellor");
			desk.get("/care/desk/sessions");
			assertThat(desk.visible(By.id("sessions")).getText()).contains("心理关爱大篷车走进京东快递龙潭站");
			desk.driver().findElement(By.id("session-title")).sendKeys("心理关爱大篷车走进陈经纶中学");
			desk.driver().findElement(By.id("session-place")).sendKeys("陈经纶中学行政楼 203 室");
			desk.screenshot("care-sessions-desktop");
			desk.clickable(By.id("open-session")).click();
			desk.await().until(ExpectedConditions.urlMatches("/care/desk/sessions/\\d+$"));
			path = desk.currentPath();
			assertThat(desk.visible(By.id("session-qr")).getText()).contains("/care/s/");
			assertThat(desk.horizontalOverflow()).isZero();
			desk.screenshot("care-session-qr-desktop");
			assertThat(desk.cspViolations()).isEmpty();
		}
		String code = jdbc.sql("select code from care_assessment_session where title = '心理关爱大篷车走进陈经纶中学'").query(String.class).single();
		try (Browser phone = BrowserTestSupport.phone(base(), 375, 800)) {
			phone.signIn("worker");
			phone.get("/care/s/" + code);
			assertThat(phone.visible(By.id("session-intro")).getText()).contains("李静", "北京安定医院");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("care-session-scanned-phone");
			phone.clickable(By.id("start-PHQ9")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("session-share")).getText()).contains("李静");
			phone.screenshot("care-session-consent-phone");
			phone.driver().findElement(By.id("consent")).click();
			phone.driver().findElement(By.cssSelector("#consent-form button[type=submit]")).click();
			phone.waitForPage();
			for (int i = 0; i < 9; i++) {
				phone.visible(By.id("progress"));
				phone.clickable(By.id("answer-" + (i < 4 ? 1 : 0))).click();
				phone.waitForPage();
			}
			phone.await().until(ExpectedConditions.urlMatches("/care/assessments/\\d+$"));
			assertThat(phone.visible(By.id("score")).getText()).isEqualTo("4");
			phone.get("/care/assessments");
			phone.await().until(d -> "true".equals(d.findElement(By.id("trend-chart")).getAttribute("data-rendered")));
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("care-history-trend-phone");
		}
		try (Browser desk = BrowserTestSupport.desktop(base(), 1440, 900)) {
			desk.signIn("counsellor");
			desk.get(path);
			assertThat(desk.visible(By.id("session-results")).getText()).contains("张伟", "PHQ-9");
			desk.screenshot("care-session-results-desktop");
		}
	}

	@Test
	void theCounsellorWritesANoteAndTheCourierLetsHerReadHisNotesThenWithdraws() {
		try (Browser desk = BrowserTestSupport.desktop(base(), 1440, 900)) {
			desk.signIn("counsellor");
			desk.get("/care/desk/bookings");
			desk.clickable(By.cssSelector("a.write-note")).click();
			desk.await().until(ExpectedConditions.urlMatches("/care/desk/bookings/\\d+/note$"));
			assertThat(desk.visible(By.id("note-text")).getAttribute("value")).contains("放松呼吸");
			desk.driver().findElement(By.id("note-text")).clear();
			desk.clickable(By.id("save-note")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector(".flash.error")).getText()).isNotBlank();
			desk.driver().findElement(By.id("note-text")).sendKeys("首次电话咨询。睡眠差，讲解了放松呼吸练习，两周后复诊。");
			desk.clickable(By.id("save-note")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector(".flash.ok")).getText()).contains("已保存");
			assertThat(desk.horizontalOverflow()).isZero();
			desk.screenshot("care-note-desktop");
		}
		try (Browser phone = BrowserTestSupport.phone(base(), 375, 800)) {
			phone.signIn("worker");
			phone.get("/care/appointments");
			phone.clickable(By.id("consents-link")).click();
			phone.await().until(ExpectedConditions.urlMatches("/care/appointments/consents$"));
			new Select(phone.visible(By.id("consent-counsellor"))).selectByVisibleText("李静 · 北京安定医院");
			phone.clickable(By.id("grant-consent")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("consents")).getText()).contains("李静", "有效");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("care-note-consents-phone");
		}
		try (Browser desk = BrowserTestSupport.desktop(base(), 1440, 900)) {
			desk.signIn("counsellor");
			desk.get("/care/desk/referrals");
			desk.clickable(By.cssSelector("a.open-referral")).click();
			desk.await().until(ExpectedConditions.urlMatches("/care/desk/referrals/\\d+$"));
			assertThat(desk.visible(By.cssSelector(".session-note")).getText()).contains("放松呼吸");
			desk.screenshot("care-referral-desktop");
		}
		try (Browser phone = BrowserTestSupport.phone(base(), 375, 800)) {
			phone.signIn("worker");
			phone.get("/care/appointments/consents");
			phone.clickable(By.cssSelector("button.revoke-consent")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("consents")).getText()).contains("已撤回");
			assertThat(phone.cspViolations()).isEmpty();
		}
	}
}
