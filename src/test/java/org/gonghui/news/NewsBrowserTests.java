package org.gonghui.news;

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
 * 龙潭's editor, on the desktop at 1440 px, turns the summary of the 时传祥 memorial visit into a draft in one
 * click, rewrites the headline and submits it; she signs the first review, 北京市总工会's staff the second, the
 * administrator the final one; she publishes it and it shows on the public news page with its byline and share
 * metadata, with no CSP violation on the way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class NewsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static void signOut(Browser b) {
		b.clickable(By.id("logout")).click();
		b.await().until(ExpectedConditions.urlMatches(".*/login\\?logout$"));
	}

	private static void review(Browser b, String user, long id) {
		b.signIn(user);
		b.get("/articles/" + id);
		b.clickable(By.id("review-article")).click();
		b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.ok")));
		signOut(b);
	}

	@Test
	void anEditorDraftsFromTheVisitGetsItReviewedAndPublishesIt() {
		long visit = jdbc.sql("select id from activity where title like '%时传祥纪念馆%' and status = 'FINISHED'").query(Long.class).single();
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 900)) {
			desk.signIn("longtan");
			desk.get("/activities/manage/" + visit + "/summary");
			desk.clickable(By.id("draft-article")).click();
			desk.await().until(ExpectedConditions.urlMatches(".*/articles/\\d+/edit$"));
			long id = Long.parseLong(desk.currentPath().replaceAll(".*/articles/(\\d+)/edit$", "$1"));
			assertThat(desk.visible(By.id("body")).getDomProperty("value")).contains("本报讯（记者").contains("时传祥");
			desk.screenshot("news-draft-1440");
			var headline = desk.visible(By.id("headline"));
			headline.clear();
			headline.sendKeys("龙潭街道职工参观时传祥纪念馆");
			desk.visible(By.id("tags")).sendKeys("参观学习，劳模精神");
			desk.clickable(By.id("save-article")).click();
			desk.await().until(ExpectedConditions.urlMatches(".*/articles/" + id + "$"));
			desk.clickable(By.id("submit-article")).click();
			desk.await().until(ExpectedConditions.presenceOfElementLocated(By.id("review-article")));
			desk.clickable(By.id("review-article")).click();
			desk.await().until(ExpectedConditions.textToBe(By.id("next-stage"), "复审（部门负责人） 已审 1/3"));
			desk.screenshot("news-review-1440");
			signOut(desk);
			review(desk, "beijing", id);
			review(desk, "admin", id);
			desk.signIn("longtan");
			desk.get("/articles/" + id);
			desk.clickable(By.id("publish-article")).click();
			desk.await().until(ExpectedConditions.textToBe(By.id("article-status"), "已发布"));
			assertThat(desk.driver().findElements(By.cssSelector("#steps tbody tr"))).hasSize(6);
			desk.screenshot("news-published-1440");
			desk.clickable(By.id("public-link")).click();
			desk.await().until(ExpectedConditions.urlMatches(".*/news/" + id + "$"));
			assertThat(desk.visible(By.cssSelector("#news-article h1")).getText()).isEqualTo("龙潭街道职工参观时传祥纪念馆");
			assertThat(desk.visible(By.id("news-byline")).getText()).startsWith("记者 ");
			assertThat(desk.driver().findElement(By.cssSelector("meta[property='og:title']")).getDomAttribute("content"))
				.isEqualTo("龙潭街道职工参观时传祥纪念馆");
			desk.screenshot("news-article-1440");
			assertThat(desk.horizontalOverflow()).isZero();
			assertThat(desk.cspViolations()).isEmpty();
		}
	}

	@Test
	void theNewsOnAPhone() {
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.get("/news");
			phone.clickable(By.linkText("汲取榜样力量")).click();
			phone.await().until(ExpectedConditions.urlMatches(".*/news/\\d+$"));
			assertThat(phone.visible(By.id("news-byline")).getText()).isEqualTo("记者 边磊 摄影 边磊");
			phone.screenshot("news-article-375");
			assertThat(phone.horizontalOverflow()).isZero();
			assertThat(phone.cspViolations()).isEmpty();
		}
	}
}
