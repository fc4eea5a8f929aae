package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Satisfaction in the browser. The demo courier 张伟 on a 375 px phone: 我的 tells him two services wait for his rating,
 * he opens the 龙潭 caravan, picks four stars with a tap and five with the arrow key (a real radio group, drawn as stars,
 * not as radios stretched into huge circles), writes a line and sends it; the page then says 已评价. 北京市总工会's staff
 * at 1440 px see the caravan at the top of the ranking, as a table and an ECharts chart, and moderate a comment.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class SatisfactionBrowserTests {

	private static final String AMBER = "rgba(199, 119, 0, 1)";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long caravan() {
		return jdbc.sql("select id from activity where title = '心理关爱大篷车走进京东快递龙潭站'").query(Long.class).single();
	}

	private static String colour(Browser b, String id) {
		return b.driver().findElement(By.cssSelector("label[for='" + id + "']")).getCssValue("color");
	}

	@Test
	void aCourierRatesTheCaravanOnHisPhone() {
		long caravan = caravan();
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.signIn("worker");
			phone.get("/me");
			WebElement notice = phone.visible(By.id("care-ratings"));
			assertThat(notice.getText()).contains("项服务待评价");
			notice.click();
			phone.await().until(ExpectedConditions.urlMatches("/care/ratings$"));
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("服务评价");
			WebElement item = phone.visible(By.id("to-rate-activity-" + caravan));
			assertThat(item.getText()).contains("心理关爱大篷车走进京东快递龙潭站", "心理关爱大篷车", "龙潭街道总工会");
			assertThat(phone.visible(By.id("to-rate")).getText()).contains("心理咨询 · 李静");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("satisfaction-list-375");
			item.findElement(By.cssSelector("a.rate-link")).click();
			phone.await().until(ExpectedConditions.urlMatches("/care/ratings/activity/" + caravan + "$"));
			assertThat(phone.visible(By.id("service-title")).getText()).isEqualTo("心理关爱大篷车走进京东快递龙潭站");

			// Five radios, each drawn by its 44 px star; the radio itself stays tiny (and focusable), never a huge circle.
			for (int n = 1; n <= 5; n++) {
				WebElement radio = phone.driver().findElement(By.id("score-" + n));
				WebElement star = phone.driver().findElement(By.cssSelector("label[for='score-" + n + "']"));
				assertThat(radio.getSize().getWidth()).as("radio %d", n).isLessThanOrEqualTo(18);
				assertThat(radio.getSize().getHeight()).as("radio %d", n).isLessThanOrEqualTo(18);
				assertThat(star.getSize().getWidth()).as("star %d", n).isBetween(40, 60);
				assertThat(star.getSize().getHeight()).as("star %d", n).isBetween(40, 60);
				assertThat(colour(phone, "score-" + n)).isNotEqualTo(AMBER);
			}
			assertThat(phone.driver().findElement(By.cssSelector("fieldset.star-rating legend")).getText()).isEqualTo("您的评分");
			phone.clickable(By.cssSelector("label[for='score-4']")).click();
			assertThat(phone.driver().findElement(By.id("score-4")).isSelected()).isTrue();
			// The chosen star and those before it light up, the fifth does not.
			assertThat(colour(phone, "score-1")).isEqualTo(AMBER);
			assertThat(colour(phone, "score-4")).isEqualTo(AMBER);
			assertThat(colour(phone, "score-5")).isNotEqualTo(AMBER);
			// The keyboard moves along the group as with any radio group.
			phone.driver().findElement(By.id("score-4")).sendKeys(Keys.ARROW_RIGHT);
			assertThat(phone.driver().findElement(By.id("score-5")).isSelected()).isTrue();
			assertThat(colour(phone, "score-5")).isEqualTo(AMBER);
			phone.driver().findElement(By.id("comment")).sendKeys("医生讲得很实在，下次还想参加。");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("satisfaction-rate-375");
			phone.clickable(By.id("send-rating")).click();
			phone.await().until(ExpectedConditions.presenceOfElementLocated(By.id("rated-tag")));
			assertThat(phone.visible(By.cssSelector("p.flash.ok")).getText()).isEqualTo("谢谢您的评价！");
			assertThat(phone.visible(By.id("rated-tag")).getText()).isEqualTo("已评价");
			assertThat(phone.visible(By.id("my-stars")).getText()).isEqualTo("★★★★★");
			assertThat(phone.visible(By.id("my-comment")).getText()).isEqualTo("医生讲得很实在，下次还想参加。");
			assertThat(phone.visible(By.id("my-comment-status")).getText()).contains("等待工会工作人员审核");
			assertThat(phone.driver().findElements(By.id("rating-form"))).isEmpty();
			// 刘洋's approved comment is there for him to read, without 刘洋's name.
			assertThat(phone.visible(By.id("other-comments")).getText()).contains("医生讲得很实在，教了几个缓解焦虑的小方法").doesNotContain("刘洋");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("satisfaction-rated-375");
			phone.get("/care/ratings");
			assertThat(phone.visible(By.id("rated-activity-" + caravan)).getText()).contains("★★★★★");
			assertThat(phone.driver().findElements(By.id("to-rate-activity-" + caravan))).isEmpty();
			assertThat(phone.cspViolations()).isEmpty();
		}
	}

	@Test
	void theFederationSeesTheCaravanAsTheBestLikedFormAndModeratesAComment() {
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("beijing");
			desk.get("/care/satisfaction");
			assertThat(desk.visible(By.tagName("h1")).getText()).isEqualTo("服务满意度");
			WebElement first = desk.visible(By.cssSelector("#forms-table tbody tr"));
			assertThat(first.getText()).startsWith("1").contains("心理关爱大篷车");
			assertThat(desk.visible(By.id("form-APPOINTMENT_VIDEO")).getText()).contains("<10");
			assertThat(desk.visible(By.id("services-table")).getText()).contains("心理关爱大篷车走进京东快递龙潭站", "心理关爱大篷车走进美团外卖丰台站点",
					"快递员团体心理辅导：情绪与压力", "职场压力与睡眠健康讲座");
			desk.await().until(d -> "true".equals(d.findElement(By.id("satisfaction-chart")).getDomAttribute("data-rendered")));
			assertThat(desk.driver().findElements(By.cssSelector("#satisfaction-chart svg"))).isNotEmpty();
			assertThat(desk.driver().findElement(By.id("satisfaction-chart")).getText()).contains("心理关爱大篷车");
			desk.screenshot("satisfaction-figures-1440");
			assertThat(desk.cspViolations()).as("console: %s", desk.console()).isEmpty();

			desk.clickable(By.id("comments-link")).click();
			desk.await().until(ExpectedConditions.urlContains("/care/satisfaction/comments"));
			long pending = jdbc.sql("select id from care_rating where comment = '老师带的放松练习回家也能做。'").query(Long.class).single();
			WebElement comment = desk.visible(By.id("comment-" + pending));
			assertThat(comment.getText()).contains("快递员团体心理辅导：情绪与压力", "待审核").doesNotContain("陈静");
			desk.screenshot("satisfaction-comments-1440");
			desk.clickable(By.id("approve-" + pending)).click();
			desk.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.flash.ok")));
			assertThat(desk.visible(By.cssSelector("p.flash.ok")).getText()).contains("留言已通过");
			assertThat(desk.driver().findElements(By.id("comment-" + pending))).isEmpty();
			assertThat(desk.cspViolations()).isEmpty();
		}
	}
}
