package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo courier (张伟, 京东, 龙潭) on a 375 px phone: sees the reminder of his phone appointment on 我的, finds
 * 李静 of 北京安定医院, asks for discretion (the room slots next to his colleague 刘洋's are not offered), books the
 * morning room slot, sees it under 我的咨询预约 and cancels it. Then the counsellor sees her desk on the desktop.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class AppointmentBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private List<Long> roomSlotsOfLi() {
		return jdbc.sql("select s.id from care_slot s join care_counsellor c on c.id = s.counsellor_id where c.name = '李静' and s.mode = 'SITE'"
				+ " order by s.starts_at").query(Long.class).list();
	}

	@Test
	void aCourierFindsACounsellorBooksDiscreetlySeesTheAppointmentAndCancels() {
		// The room slots of 李静's first day: 10:00, 14:00, 15:00 (刘洋's, discreet), 16:00.
		List<Long> room = roomSlotsOfLi();
		long morning = room.get(0);
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.signIn("worker");
			phone.get("/me");
			assertThat(phone.visible(By.id("care-reminder")).getText()).contains("李静", "010-62345678");
			phone.screenshot("care-me-reminder-375");
			phone.clickable(By.cssSelector("#my-tiles a[href$='/care/counsellors']")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("预约心理咨询");
			WebElement li = phone.visible(By.id("counsellor-" + jdbc.sql("select id from care_counsellor where name = '李静'").query(Long.class).single()));
			assertThat(li.getText()).contains("北京安定医院", "注册心理师");
			// 王磊 serves 朝阳 only: not offered to a courier in 东城.
			assertThat(phone.driver().findElement(By.id("counsellors")).getText()).doesNotContain("王磊");
			// 刘洋 asked for discretion: the slots right before and after hers are not offered, whatever 张伟 chooses.
			assertThat(phone.driver().findElements(By.id("slot-" + room.get(1)))).isEmpty();
			assertThat(phone.driver().findElements(By.id("slot-" + room.get(3)))).isEmpty();
			phone.clickable(By.id("discreet")).click();
			phone.clickable(By.id("discreet-apply")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("discreet")).isSelected()).isTrue();
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("care-counsellors-375");
			phone.clickable(By.id("slot-" + morning)).click();
			phone.waitForPage();
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("确认预约");
			assertThat(phone.visible(By.id("slot")).getText()).contains("李静", "10:00", "朝阳区职工心理服务中心减压室");
			assertThat(phone.visible(By.id("book-discreet")).isSelected()).isTrue();
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("care-book-375");
			phone.clickable(By.id("book")).click();
			// Wait for the redirect itself: the old page is still "complete" for a moment after the click, so
			// waiting for the page alone raced on a loaded machine and read the old address.
			phone.await().until(ExpectedConditions.urlMatches("/care/appointments$"));
			assertThat(phone.currentPath()).isEqualTo("/care/appointments");
			assertThat(phone.visible(By.cssSelector("p.flash.ok")).getText()).startsWith("预约成功");
			long booking = jdbc.sql("select id from care_booking where active_slot_id = :s").param("s", morning).query(Long.class).single();
			assertThat(phone.visible(By.id("booking-" + booking)).getText()).contains("李静", "待确认", "朝阳区职工心理服务中心减压室");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("care-appointments-375");
			phone.clickable(By.id("cancel-" + booking)).click();
			phone.waitForPage();
			assertThat(phone.visible(By.cssSelector("p.flash.ok")).getText()).isEqualTo("预约已取消。");
			assertThat(phone.visible(By.id("booking-" + booking)).getText()).contains("已取消");
			assertThat(phone.driver().findElements(By.id("cancel-" + booking))).isEmpty();
			phone.screenshot("care-cancelled-375");
			assertThat(phone.cspViolations()).isEmpty();
		}
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("counsellor");
			desk.get("/care/desk/bookings");
			assertThat(desk.visible(By.id("desk-bookings")).getText()).contains("刘洋", "张伟").doesNotContain("待确认待确认");
			desk.screenshot("care-desk-bookings-1440");
			assertThat(desk.cspViolations()).isEmpty();
		}
	}
}
