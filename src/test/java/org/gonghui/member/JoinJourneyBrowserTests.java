package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A courier joins on a 375 px phone: a mistake in the ID number is caught on the form, the application
 * is submitted, Fengtai's staff approve it on a desktop, and the courier's private page turns into the
 * member card with its QR code and the welcome package.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class JoinJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCourierJoinsOnAPhoneAndGetsTheCard() {
		String idNumber = MemberRegistryContract.validId("110106", "19940817", 151);
		String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
		String statusPath;
		try (Browser phone = BrowserTestSupport.phone(baseUrl(), 375, 800)) {
			phone.get("/join");
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("申请加入工会");
			// The 用工形式 radios are drawn at their own size, each label on one line beside its radio.
			for (var radio : phone.driver().findElements(By.cssSelector("input[name=workForm]"))) {
				assertThat(radio.getSize().getWidth()).isLessThanOrEqualTo(24);
				var label = radio.findElement(By.xpath("following-sibling::span"));
				assertThat(label.getSize().getHeight()).isLessThan(2 * 24);
				assertThat(label.getLocation().getX() - radio.getLocation().getX()).isLessThan(40);
			}
			phone.screenshot("join-form-phone");
			phone.visible(By.id("name")).sendKeys("马骑手");
			phone.driver().findElement(By.id("idNumber")).sendKeys(wrongCheck);
			phone.driver().findElement(By.id("phone")).sendKeys("139 1234 5678");
			phone.driver().findElement(By.cssSelector("input[name=workForm][value=PLATFORM]")).click();
			phone.driver().findElement(By.id("platform")).sendKeys("美团");
			phone.driver().findElement(By.id("occupation")).sendKeys("外卖骑手");
			// Thousands of unions in a city: the worker types part of the name and picks from the live search.
			assertThat(phone.typeInPicker("unionId", "丰台")).contains("丰台区新就业形态劳动者联合工会").doesNotContain("丰台区总工会");
			phone.screenshot("org-picker-phone");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.pick("unionId", "新就业", "丰台区新就业形态劳动者联合工会");
			phone.driver().findElement(By.id("consent1")).click();
			phone.driver().findElement(By.cssSelector("#join-form button[type=submit]")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.cssSelector(".field-error")).getText()).contains("校验位");
			assertThat(phone.horizontalOverflow()).isZero();

			var idField = phone.driver().findElement(By.id("idNumber"));
			idField.clear();
			idField.sendKeys(idNumber);
			// The checkbox and the other fields keep what was typed; only the ID number was wrong.
			assertThat(phone.driver().findElement(By.id("name")).getDomProperty("value")).isEqualTo("马骑手");
			if (!phone.driver().findElement(By.id("consent1")).isSelected()) {
				phone.driver().findElement(By.id("consent1")).click();
			}
			phone.driver().findElement(By.cssSelector("#join-form button[type=submit]")).click();
			phone.await().until(ExpectedConditions.urlContains("/join/status/"));
			phone.waitForPage();
			assertThat(phone.visible(By.id("join-status")).getText()).isEqualTo("待审核");
			statusPath = phone.currentPath();
			phone.screenshot("join-pending-phone");
			assertThat(phone.cspViolations()).isEmpty();
		}

		long applicationId = jdbc.sql("select id from join_application where name = '马骑手'").query(Long.class).single();
		try (Browser staff = BrowserTestSupport.desktop(baseUrl(), 1280, 900)) {
			staff.get("/login");
			staff.visible(By.id("username")).sendKeys("fengtai");
			staff.driver().findElement(By.id("password")).sendKeys("gonghui-demo");
			staff.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			staff.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
			staff.get("/members/applications/" + applicationId);
			assertThat(staff.visible(By.tagName("h1")).getText()).isEqualTo("马骑手");
			staff.clickable(By.id("approve")).click();
			staff.await().until(ExpectedConditions.urlMatches("/members/\\d+$"));
			staff.waitForPage();
			assertThat(staff.visible(By.id("id-number")).getText()).contains("********");
			staff.clickable(By.id("reveal-id")).click();
			staff.await().until(d -> d.findElement(By.id("id-number")).getText().equals(idNumber));
			assertThat(staff.cspViolations()).isEmpty();
		}

		try (Browser phone = BrowserTestSupport.phone(baseUrl(), 375, 800)) {
			phone.get(statusPath);
			assertThat(phone.visible(By.id("member-card")).getText()).contains("马骑手", "丰台区新就业形态劳动者联合工会");
			assertThat(phone.visible(By.id("card-number")).getText()).matches("GH\\d{14}");
			phone.await().until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
				.executeScript("var i = document.querySelector('.member-card-qr'); return i && i.complete ? i.naturalWidth : 0;")).intValue() > 0);
			phone.await().until(d -> {
				d.navigate().refresh();
				return d.findElements(By.xpath("//li[contains(., '意外伤害互助保障')]")).size() > 0;
			});
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("join-card-phone");
			assertThat(phone.cspViolations()).isEmpty();
		}
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}
}
