package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * 丰台's staff set up a competition on the desktop: the edition with two forms, a grassroots round hosted by
 * 六里桥 with three judges (after a typo in a judge's name is refused and nothing typed is lost), and the
 * final with two judges. The pages are screenshot at 1440 and 375 px.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class CompetitionSetupBrowserTests {

	@LocalServerPort
	int port;

	private static void date(Browser browser, String id, LocalDate value) {
		browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value.toString());
	}

	private static void round(Browser browser, String name, String level, String host, int inDays, String judges) {
		browser.visible(By.id("name")).clear();
		browser.driver().findElement(By.id("name")).sendKeys(name);
		new Select(browser.driver().findElement(By.id("level"))).selectByVisibleText(level);
		if (host != null) {
			browser.pick("hostId", host.substring(0, 3), host);
		}
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(inDays);
		date(browser, "startsOn", day);
		date(browser, "endsOn", day.plusDays(1));
		browser.driver().findElement(By.id("venue")).clear();
		browser.driver().findElement(By.id("venue")).sendKeys("丰台区文化馆");
		new Select(browser.driver().findElement(By.id("advanceRule"))).selectByVisibleText("每种形式前 N 名晋级");
		browser.driver().findElement(By.id("advanceN")).clear();
		browser.driver().findElement(By.id("advanceN")).sendKeys("3");
		browser.driver().findElement(By.id("judges")).clear();
		browser.driver().findElement(By.id("judges")).sendKeys(judges);
	}

	@Test
	void staffCreateACompetitionWithTwoRoundsAndJudges() {
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("fengtai");
			desk.get("/competitions");
			desk.clickable(By.id("new-competition")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.tagName("h1")).getText()).isEqualTo("新建比赛");
			assertThat(desk.typeInPicker("organizationId", "丰台")).contains("丰台区总工会", "丰台区教育工会").doesNotContain("泛华集团工会", "朝阳区总工会");
			desk.screenshot("org-picker-desktop");
			desk.pick("organizationId", "丰台", "丰台区总工会");
			desk.driver().findElement(By.id("edition")).sendKeys("第一届");
			desk.driver().findElement(By.id("title")).sendKeys("丰台职工文艺汇演");
			desk.driver().findElement(By.cssSelector("input[name=forms][value=CHORUS]")).click();
			desk.driver().findElement(By.cssSelector("input[name=forms][value=SKIT]")).click();
			desk.screenshot("competition-new-desktop");
			desk.driver().findElement(By.id("create-competition")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector("p.flash.ok")).getText()).startsWith("比赛已创建");

			desk.clickable(By.id("new-round")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.tagName("h1")).getText()).isEqualTo("添加轮次");
			round(desk, "六里桥片区初赛", "基层初赛", "六里桥街道总工会", 10, "judge1、judge2、judge9");
			desk.driver().findElement(By.id("add-round")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector(".flash.error")).getText()).contains("没有名为“judge9”的账户");
			assertThat(desk.driver().findElement(By.id("name")).getDomProperty("value")).isEqualTo("六里桥片区初赛");
			desk.screenshot("competition-round-error-desktop");
			desk.driver().findElement(By.id("judges")).clear();
			desk.driver().findElement(By.id("judges")).sendKeys("judge1、judge2、judge3");
			desk.driver().findElement(By.id("add-round")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector("p.flash.ok")).getText()).isEqualTo("轮次已添加。");

			desk.clickable(By.id("new-round")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector("p.muted")).getText()).contains("第 2 轮");
			round(desk, "决赛", "决赛", null, 20, "judge4\njudge5");
			desk.driver().findElement(By.id("add-round")).click();
			desk.waitForPage();
			var rows = desk.visible(By.id("rounds")).findElements(By.cssSelector("tbody tr"));
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).getText()).contains("六里桥片区初赛", "judge1、judge2、judge3");
			assertThat(rows.get(1).getText()).contains("决赛", "judge4、judge5");
			desk.driver().executeScript("document.getElementById('competition').scrollIntoView()");
			desk.screenshot("competition-rounds-desktop");
			assertThat(desk.cspViolations()).isEmpty();
		}
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.signIn("fengtai");
			phone.get("/competitions/new");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("competition-new-phone");
			phone.get("/competitions");
			assertThat(phone.visible(By.id("competitions")).getText()).contains("第一届", "丰台职工文艺汇演");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("competition-list-phone");
		}
	}
}
