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
 * A judge of 延庆's 第四十届 "五月的鲜花" on a 375 px phone: signs in, opens 评委打分, opens the district final, types a
 * score for the first entry, saves, and finds it kept after a reload. No Content-Security-Policy violation, nothing
 * wider than the screen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class JudgeBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aJudgeScoresOnAPhone() {
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.get("/login");
			phone.visible(By.id("username")).sendKeys("judge1");
			phone.driver().findElement(By.id("password")).sendKeys("gonghui-demo");
			phone.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			phone.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
			assertThat(phone.viewport().getWidth()).isEqualTo(375);

			phone.get("/judging");
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("评委打分");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.clickable(By.linkText("区级决赛")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("区级决赛");
			assertThat(phone.horizontalOverflow()).isZero();

			WebElement card = phone.visible(By.cssSelector(".score-card"));
			String entryTitle = card.findElement(By.tagName("h2")).getText();
			String cardId = card.getDomAttribute("id");
			WebElement score = card.findElement(By.cssSelector("input[name=score]"));
			score.clear();
			score.sendKeys("88.5");
			card.findElement(By.cssSelector("button[type=submit]")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.cssSelector("p.flash.ok")).getText()).isEqualTo("评分已保存。");
			phone.screenshot("judge-score-phone");

			phone.driver().navigate().refresh();
			phone.waitForPage();
			WebElement again = phone.visible(By.id(cardId));
			assertThat(again.findElement(By.tagName("h2")).getText()).isEqualTo(entryTitle);
			assertThat(again.findElement(By.cssSelector("input[name=score]")).getDomProperty("value")).isEqualTo("88.5");
			assertThat(phone.horizontalOverflow()).isZero();
			assertThat(phone.cspViolations()).isEmpty();
		}
		assertThat(jdbc.sql("select count(*) from competition_score s join competition_round r on r.id = s.round_id"
				+ " where r.name = '区级决赛' and s.judge = 'judge1' and s.score = 88.5").query(Long.class).single()).isEqualTo(1);
	}
}
