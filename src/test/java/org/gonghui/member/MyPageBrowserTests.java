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

/**
 * 刘洋, a 京东 courier in 龙潭 who is a member but has never signed in, on a 375 px phone: opens his
 * account with the three facts the README gives (a wrong card number first), signs in with his phone
 * number, lands on 我的 with his card, registers for 龙潭's visit from the 活动报名 tile and finds the
 * check-in QR code under 我的报名; then 龙潭's staff see on a desktop that he has an account.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class MyPageBrowserTests {

	// The README's demo facts for 刘洋 (member 5 of the demo data).
	static final String ID_NUMBER = "110101199206301078";
	static final String PHONE = "13900139002";
	static final String CARD = "GH20260000000055";
	static final String PASSWORD = "Liuyang-2026-jd";

	@LocalServerPort
	int port;

	@Test
	void aMemberOpensTheAccountAndUsesMyPage() {
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.get("/login");
			phone.clickable(By.cssSelector("#claim-link a")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("开通职工账号");
			phone.screenshot("me-claim-phone");
			fill(phone, "GH20260000000000");
			assertThat(phone.visible(By.cssSelector(".form-errors, .flash.error, .global-error")).getText()).contains("不一致");
			// Nothing typed is lost but the passwords.
			assertThat(phone.driver().findElement(By.id("phone")).getDomProperty("value")).isEqualTo(PHONE);
			assertThat(phone.horizontalOverflow()).isZero();
			phone.driver().findElement(By.id("cardNumber")).clear();
			fill(phone, CARD);
			assertThat(phone.currentPath()).startsWith("/login");
			assertThat(phone.visible(By.id("claimed")).getText()).contains("账号已开通");

			phone.visible(By.id("username")).sendKeys("139 0013 9002");
			phone.driver().findElement(By.id("password")).sendKeys(PASSWORD);
			phone.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			phone.await().until(ExpectedConditions.presenceOfElementLocated(By.id("member-card")));
			assertThat(phone.currentPath()).isEqualTo("/me");
			assertThat(phone.visible(By.id("me-name")).getText()).isEqualTo("刘洋");
			assertThat(phone.visible(By.id("card-number")).getText()).isEqualTo(CARD);
			phone.await().until(d -> Integer.parseInt(d.findElement(By.id("card-qr")).getDomProperty("naturalWidth")) > 0);
			assertThat(phone.visible(By.id("my-union")).getText()).contains("龙潭街道总工会", "东城区总工会");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("me-home-phone");

			phone.clickable(By.cssSelector("#my-tiles a[href='/activities']")).click();
			phone.waitForPage();
			phone.clickable(By.linkText("新就业形态劳动者走进红色纪念馆")).click();
			phone.waitForPage();
			phone.clickable(By.id("register")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("my-status")).getText()).isEqualTo("已报名");

			phone.get("/me");
			phone.clickable(By.cssSelector("#my-tiles a[href='/my/registrations']")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.cssSelector(".site-result")).getText()).contains("新就业形态劳动者走进红色纪念馆", "已报名");
			phone.await().until(d -> d.findElements(By.cssSelector("img.check-in-qr, #check-in-qr, .site-result img")).stream()
				.anyMatch(i -> Integer.parseInt(i.getDomProperty("naturalWidth")) > 0));

			// Put the seat back: the other journeys count 龙潭's visit from 60.
			phone.clickable(By.linkText("新就业形态劳动者走进红色纪念馆")).click();
			phone.waitForPage();
			var cancel = phone.clickable(By.id("cancel-registration"));
			cancel.click();
			// Wait for the answer to the cancel before going on, or the next get() races the form's navigation.
			// Chromium may answer "node does not belong to the document" instead of a stale element: both mean it is gone.
			phone.await().until(d -> {
				try {
					cancel.isEnabled();
					return false;
				}
				catch (org.openqa.selenium.WebDriverException gone) {
					return true;
				}
			});
			phone.waitForPage();

			phone.get("/account/password");
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("修改密码");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("me-password-phone");
			assertThat(phone.cspViolations()).isEmpty();
		}
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 900)) {
			desk.get("/me/claim");
			desk.screenshot("me-claim-desktop");
			desk.get("/login");
			desk.visible(By.id("username")).sendKeys("longtan");
			desk.driver().findElement(By.id("password")).sendKeys("gonghui-demo");
			desk.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			desk.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
			desk.get("/members?q=" + PHONE);
			desk.clickable(By.linkText("刘洋")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.id("account-state")).getText()).contains("139****9002");
			desk.visible(By.id("account")).getLocation();
			desk.screenshot("member-account-desktop");
		}
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 900)) {
			desk.get("/login");
			desk.visible(By.id("username")).sendKeys(PHONE);
			desk.driver().findElement(By.id("password")).sendKeys(PASSWORD);
			desk.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			desk.await().until(ExpectedConditions.presenceOfElementLocated(By.id("member-card")));
			desk.screenshot("me-home-desktop");
			desk.get("/account/password");
			desk.screenshot("me-password-desktop");
		}
	}

	private static void fill(Browser phone, String card) {
		var id = phone.visible(By.id("idNumber"));
		id.clear();
		id.sendKeys(ID_NUMBER);
		var p = phone.driver().findElement(By.id("phone"));
		p.clear();
		p.sendKeys(PHONE);
		phone.driver().findElement(By.id("cardNumber")).sendKeys(card);
		phone.driver().findElement(By.id("password")).sendKeys(PASSWORD);
		phone.driver().findElement(By.id("repeatPassword")).sendKeys(PASSWORD);
		phone.submit(By.id("claim"));
	}
}
