package org.gonghui.activity;

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
 * The demo courier (张师傅, a 京东 courier in 龙潭) on a 375 px phone: finds 龙潭's visit among the
 * activities open to him, registers, sees his check-in QR code, and cancels.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class WorkerRegistrationBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aCourierRegistersSeesTheQrCodeAndCancels() {
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.get("/login");
			phone.visible(By.id("username")).sendKeys("worker");
			phone.driver().findElement(By.id("password")).sendKeys("gonghui-demo");
			phone.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			phone.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
			phone.get("/activities");
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("可报名的活动");
			// 朝阳's counselling for teachers is not for a courier in 龙潭.
			assertThat(phone.driver().findElement(By.cssSelector("main")).getText()).doesNotContain("青年教师团体心理辅导");
			phone.clickable(By.linkText("新就业形态劳动者走进红色纪念馆")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("seats")).getText()).isEqualTo("余 60 个名额（共 60 个）");
			phone.clickable(By.id("register")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("my-status")).getText()).isEqualTo("已报名");
			assertThat(phone.visible(By.cssSelector("p.flash.ok")).getText()).isEqualTo("报名成功");
			assertThat(phone.visible(By.id("seats")).getText()).isEqualTo("余 59 个名额（共 60 个）");
			// The QR code is an image the phone really loaded.
			phone.await().until(d -> Integer.parseInt(d.findElement(By.id("check-in-qr")).getDomProperty("naturalWidth")) > 0);
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("activity-registered-phone");

			phone.clickable(By.id("cancel-registration")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("my-status")).getText()).isEqualTo("已取消");
			assertThat(phone.visible(By.id("seats")).getText()).isEqualTo("余 60 个名额（共 60 个）");
			phone.get("/my/registrations");
			assertThat(phone.visible(By.cssSelector(".site-result")).getText()).contains("新就业形态劳动者走进红色纪念馆", "已取消");
			assertThat(phone.cspViolations()).isEmpty();
		}
	}
}
