package org.gonghui.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * 丰台 staff at work on the founding drive, in headless Chromium: on a desktop, record a visit to a firm that moves it
 * to "已联系" and find the change on the firm's page; on a phone, clear an overdue follow-up. The two journeys touch
 * different firms, so they pass in either order on the shared demo database. No Content-Security-Policy violations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class VisitJourneyBrowserTests {

	private static final String PASSWORD = "gonghui-demo";

	@LocalServerPort
	int port;

	@Test
	void staffRecordAVisitThatMovesTheFoundingStatus() {
		try (Browser browser = BrowserTestSupport.desktop(baseUrl(), 1280, 900)) {
			login(browser);
			browser.clickable(By.xpath("//details[contains(@class,'menu')]//nav//a[normalize-space()='走访服务']")).click();
			browser.await().until(ExpectedConditions.urlMatches("/visits$"));
			browser.waitForPage();
			assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("走访服务");

			WebElement form = browser.visible(By.cssSelector("#new-visit form"));
			new Select(form.findElement(By.id("employerId"))).selectByVisibleText("北京云图互联科技有限公司");
			form.findElement(By.id("companions")).sendKeys("丰台区总工会 刘明");
			form.findElement(By.id("purpose")).sendKeys("再次上门，商议职工之家与建会");
			form.findElement(By.id("result")).sendKeys("企业总部同意启动建会。");
			LocalDate followUp = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14);
			// Typing into a date input depends on the browser's locale; the value itself is ISO.
			browser.driver().executeScript("arguments[0].value = arguments[1];", form.findElement(By.id("followUpDate")), followUp.toString());
			new Select(form.findElement(By.id("foundingStatus"))).selectByVisibleText("已联系");
			browser.screenshot("visit-journey-form");
			form.findElement(By.cssSelector("button.primary")).click();

			browser.await().until(ExpectedConditions.urlMatches("/visits\\?employerId=\\d+$"));
			browser.waitForPage();
			assertThat(browser.visible(By.cssSelector("p.flash.ok")).getText()).isEqualTo("走访记录已保存。");
			assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("“北京云图互联科技有限公司”的走访记录");
			assertThat(browser.driver().findElement(By.cssSelector("table.table tbody")).getText())
				.contains("再次上门，商议职工之家与建会", "丰台区总工会工作人员", "丰台区总工会 刘明", followUp.toString(), "待跟进");
			browser.screenshot("visit-journey-list");

			browser.clickable(By.xpath("//div[contains(@class,'page-head')]//a[normalize-space()='单位详情']")).click();
			browser.await().until(ExpectedConditions.urlMatches("/employers/\\d+$"));
			browser.waitForPage();
			WebElement founding = browser.visible(By.id("founding"));
			assertThat(founding.findElement(By.cssSelector("dl.facts .tag")).getText()).isEqualTo("已联系");
			assertThat(founding.findElement(By.cssSelector("table tbody tr")).getText())
				.contains("未建会", "已联系", "再次上门，商议职工之家与建会", "走访", "丰台区总工会工作人员");
			browser.driver().executeScript("arguments[0].scrollIntoView();", founding);
			browser.screenshot("visit-journey-employer");

			assertThat(browser.cspViolations()).as("CSP violations in the browser console; whole console: %s", browser.console()).isEmpty();
		}
	}

	@Test
	void staffClearAnOverdueFollowUpOnAPhone() {
		try (Browser browser = BrowserTestSupport.phone(baseUrl(), 375, 800)) {
			login(browser);
			browser.get("/visits/overdue");
			assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("逾期未跟进");
			By overdueRow = By.xpath("//table//tr[td/a[normalize-space()='北京恒通达物流有限公司']]");
			WebElement row = browser.visible(overdueRow);
			assertThat(row.getText()).contains("上门宣讲建会政策", "6");
			assertThat(browser.driver().getPageSource()).doesNotContain("良苑餐厅");
			assertThat(browser.horizontalOverflow()).as("sideways scrolling on the overdue page").isZero();
			browser.screenshot("visit-journey-overdue-phone");

			row.findElement(By.cssSelector("form button")).click();
			browser.await().until(ExpectedConditions.urlMatches("/visits/overdue$"));
			browser.waitForPage();
			assertThat(browser.visible(By.cssSelector("p.flash.ok")).getText()).isEqualTo("已标记为已跟进。");
			assertThat(browser.driver().findElements(overdueRow)).isEmpty();

			browser.get("/visits");
			assertThat(browser.horizontalOverflow()).as("sideways scrolling on the visit list").isZero();
			browser.screenshot("visit-journey-list-phone");
			assertThat(browser.cspViolations()).as("CSP violations in the browser console; whole console: %s", browser.console()).isEmpty();
		}
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}

	private static void login(Browser browser) {
		browser.get("/login");
		browser.visible(By.id("username")).sendKeys("fengtai");
		browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
		browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
		browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		browser.waitForPage();
	}
}
