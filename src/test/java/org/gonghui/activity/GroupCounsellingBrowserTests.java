package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A young teacher of 北京工商大学 (the demo account {@code teacher}, 李想) on a 375 px phone: opens his union's
 * integrity-themed group counselling (the demo courier {@code worker} of 龙潭 is not in its audience), reads the
 * consent text, is refused while the box is not ticked (nothing stored), ticks it and is registered, which completes
 * the group of at least 8. Then 北京市总工会's staff see the group formed and how each consent was given, at 1440 px.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class GroupCounsellingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long registrationsOfTheTeacher(long activity) {
		return jdbc.sql("select count(*) from registration r join member m on m.id = r.member_id where r.activity_id = :a"
				+ " and m.account_username = 'teacher'").param("a", activity).query(Long.class).single();
	}

	/** Clicks a submit button and waits for the page it leads to (the same address here: the old page must go first). */
	private static void submit(Browser browser, By button) {
		WebElement old = browser.clickable(button);
		old.click();
		browser.await().until(ExpectedConditions.stalenessOf(old));
		browser.waitForPage();
	}

	@Test
	void aYoungTeacherIsRefusedWithoutTheConsentTickAndRegistersWithIt() {
		long id = jdbc.sql("select id from activity where title = '廉洁主题团体心理辅导'").query(Long.class).single();
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.signIn("teacher");
			phone.get("/activities");
			phone.clickable(By.linkText("廉洁主题团体心理辅导")).click();
			phone.await().until(ExpectedConditions.urlMatches("/activities/" + id + "$"));
			phone.waitForPage();
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("廉洁主题团体心理辅导");
			String facts = phone.visible(By.cssSelector("dl.facts")).getText();
			assertThat(facts).contains("党委教师工作部", "北京交通大学", "余 5 个名额（共 12 个）");
			assertThat(phone.visible(By.id("group-size")).getText()).contains("至少 8 人成团", "还差 1 人");
			assertThat(phone.driver().findElement(By.cssSelector("ul.list")).getText()).contains("清", "正", "廉", "洁");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("group-counselling-375");

			WebElement text = phone.driver().findElement(By.id("consent-text"));
			phone.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", phone.driver().findElement(By.id("consent-title")));
			assertThat(text.getText()).contains("什么是团体心理辅导", "保密", "自愿", "随时", "工会只看到您是否报名、是否签到");
			assertThat(phone.visible(By.id("consent")).isSelected()).isFalse();
			assertThat(phone.visible(By.id("register")).getText()).isEqualTo("同意并报名");
			phone.screenshot("group-counselling-consent-375");

			// Without the tick: a clear refusal next to the box (the phone lands there), nothing stored, no registration.
			submit(phone, By.id("register"));
			WebElement error = phone.visible(By.id("consent-error"));
			assertThat(error.getText()).isEqualTo("报名团体心理辅导前，请先阅读知情同意书并勾选“我已阅读以上说明，同意并自愿参加”");
			assertThat(phone.currentPath()).endsWith("#register-form");
			assertThat(phone.visible(By.id("consent")).getDomAttribute("aria-invalid")).isEqualTo("true");
			assertThat(phone.driver().findElements(By.id("my-status"))).isEmpty();
			assertThat(registrationsOfTheTeacher(id)).isZero();
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("group-counselling-refused-375");

			phone.clickable(By.id("consent")).click();
			assertThat(phone.driver().findElement(By.id("consent")).isSelected()).isTrue();
			submit(phone, By.id("register"));
			assertThat(phone.visible(By.id("my-status")).getText()).isEqualTo("已报名");
			assertThat(phone.visible(By.cssSelector("p.flash.ok")).getText()).isEqualTo("报名成功");
			assertThat(phone.visible(By.id("group-size")).getText()).contains("至少 8 人成团", "已成团");
			assertThat(phone.visible(By.id("my-consent")).getText()).contains("同意知情同意书", "可随时取消报名");
			assertThat(phone.driver().findElements(By.id("consent"))).isEmpty();
			assertThat(jdbc.sql("select count(*) from registration r join member m on m.id = r.member_id where r.activity_id = :a"
					+ " and m.account_username = 'teacher' and r.consent_at is not null and not r.consent_offline").param("a", id)
				.query(Long.class).single()).isEqualTo(1);
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("group-counselling-registered-375");
			assertThat(phone.cspViolations()).isEmpty();
		}
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("beijing");
			desk.get("/activities/manage/" + id);
			assertThat(desk.visible(By.id("group-size")).getText()).contains("至少 8 人成团", "已成团");
			assertThat(desk.visible(By.id("seats-taken")).getText()).contains("8");
			String participants = desk.visible(By.id("participants")).getText();
			assertThat(participants).contains("李想", "本人线上", "纸质，代登记", "林晓雯");
			assertThat(desk.horizontalOverflow()).isZero();
			desk.screenshot("group-counselling-staff-1440");
			desk.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", desk.driver().findElement(By.id("participants")));
			desk.screenshot("group-counselling-participants-1440");
			assertThat(desk.cspViolations()).isEmpty();
		}
		try (Browser wide = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			wide.signIn("teacher");
			wide.get("/activities/" + id);
			assertThat(wide.visible(By.id("my-status")).getText()).isEqualTo("已报名");
			wide.screenshot("group-counselling-1440");
		}
	}
}
