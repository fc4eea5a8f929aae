package org.gonghui.honor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

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
 * 泛华集团's union chair nominates a craftsman into 丰台's selection on the desktop (a failed democratic vote
 * first, nothing typed lost); 丰台's staff vet it, record the panel vote and start the public notice; a citizen
 * objects on a 375 px phone (anonymously refused first); staff see the objection with the phone masked and
 * record their finding.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class SelectionCampaignBrowserTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static void date(Browser b, String id, LocalDate value) {
		b.driver().executeScript("arguments[0].value = arguments[1]", b.visible(By.id(id)), value.toString());
	}

	@Test
	void aChairNominatesStaffPutTheCandidateOnNoticeAndACitizenObjectsOnAPhone() {
		// An administrator enters a year's holidays once it is published; a notice needs the current year.
		if (jdbc.sql("select count(*) from calendar_year where calendar_year = :y").param("y", TODAY.getYear()).query(Long.class).single() == 0) {
			jdbc.sql("insert into calendar_year (calendar_year, source, updated_at, updated_by) values (:y, 'test', current_timestamp, 'test')")
				.param("y", TODAY.getYear()).update();
		}
		long campaign = jdbc.sql("select id from honor_campaign where title like '%丰台区工匠评选'").query(Long.class).single();
		String nominationPath;
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("fanhua");
			desk.get("/campaigns");
			assertThat(desk.visible(By.id("campaigns")).getText()).contains("丰台区工匠评选", "推荐中");
			desk.screenshot("campaigns-list-desktop");
			desk.get("/campaigns/" + campaign);
			assertThat(desk.visible(By.id("nominations")).getText()).contains("马卫国").doesNotContain("胡晓光");
			desk.clickable(By.id("nominate")).click();
			desk.waitForPage();
			desk.pick("organizationId", "泛华", "泛华集团工会");
			desk.visible(By.id("name")).sendKeys("雷振华");
			desk.driver().findElement(By.id("employer")).sendKeys("泛华集团");
			desk.driver().findElement(By.id("occupation")).sendKeys("模具钳工");
			desk.driver().findElement(By.id("frontLine1")).click();
			date(desk, "meetingOn", TODAY.minusDays(12));
			desk.driver().findElement(By.id("meetingAttendance")).sendKeys("120");
			desk.driver().findElement(By.id("meetingVotesFor")).sendKeys("50");
			date(desk, "unitNoticeStartsOn", TODAY.minusDays(10));
			date(desk, "unitNoticeEndsOn", TODAY.minusDays(3));
			desk.driver().findElement(By.id("summary")).sendKeys("三十年磨一副好模具。");
			desk.driver().findElement(By.id("deeds")).sendKeys("主持精密冲压模具国产化，寿命提高一倍；带徒二十人。");
			desk.driver().findElement(By.cssSelector("#nomination-form button[type=submit]")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector(".field-error")).getText()).contains("民主推荐未通过");
			assertThat(desk.driver().findElement(By.id("name")).getDomProperty("value")).isEqualTo("雷振华");
			assertThat(desk.driver().findElement(By.id("organizationId-search")).getDomProperty("value")).isEqualTo("泛华集团工会");
			desk.screenshot("nomination-form-error-desktop");
			WebElement votes = desk.driver().findElement(By.id("meetingVotesFor"));
			votes.clear();
			votes.sendKeys("98");
			desk.driver().findElement(By.cssSelector("#nomination-form button[type=submit]")).click();
			desk.await().until(ExpectedConditions.urlMatches("/nominations/\\d+$"));
			nominationPath = desk.currentPath();
			assertThat(desk.visible(By.id("stage")).getText()).isEqualTo("已推荐，待审核");
			// The chair does not vet their own nomination.
			assertThat(desk.driver().findElements(By.id("vet-form"))).isEmpty();
			desk.screenshot("nomination-submitted-desktop");
			assertThat(desk.cspViolations()).isEmpty();
		}
		long noticeId;
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("fengtai");
			desk.get(nominationPath);
			desk.driver().findElement(By.cssSelector("#vet-form button[value=PASS]")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.id("stage")).getText()).isEqualTo("审核通过，待评审");
			desk.visible(By.name("votesFor")).sendKeys("8");
			desk.driver().findElement(By.cssSelector("#panel-form button[type=submit]")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.id("stage")).getText()).isEqualTo("评审通过，待公示");
			assertThat(desk.visible(By.id("history")).getText()).contains("已推荐，待审核", "审核通过，待评审", "评审通过，待公示", "fengtai");
			desk.screenshot("nomination-passed-desktop");
			desk.get("/campaigns/" + campaign);
			date(desk, "startsOn", TODAY);
			desk.screenshot("campaign-detail-desktop");
			desk.driver().findElement(By.cssSelector("#notice-form button[type=submit]")).click();
			desk.await().until(ExpectedConditions.urlMatches("/notices/\\d+$"));
			noticeId = Long.parseLong(desk.currentPath().replaceAll("\\D+", ""));
			assertThat(desk.visible(By.id("candidates")).getText()).contains("雷振华");
			assertThat(desk.visible(By.id("notice-state")).getText()).isEqualTo("公示中");
		}
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.get("/gongshi");
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("评选公示");
			phone.screenshot("gongshi-list-phone");
			phone.get("/gongshi/" + noticeId);
			WebElement candidate = phone.visible(By.xpath("//div[@class='notice-candidate'][h3[normalize-space()='雷振华']]"));
			assertThat(candidate.getText()).contains("泛华集团", "三十年磨一副好模具");
			candidate.findElement(By.tagName("a")).click();
			phone.waitForPage();
			phone.visible(By.id("reason")).sendKeys("据了解，模具国产化项目的主要完成人是另一位同志。");
			phone.driver().findElement(By.cssSelector("#objection button[type=submit]")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.cssSelector("#objection .field-error")).getText()).contains("不受理匿名异议");
			assertThat(phone.driver().findElement(By.id("reason")).getDomProperty("value")).contains("模具国产化");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("gongshi-objection-error-phone");
			phone.driver().findElement(By.id("name")).sendKeys("何静");
			phone.driver().findElement(By.id("phone")).sendKeys("13500135000");
			phone.driver().findElement(By.cssSelector("#objection button[type=submit]")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.cssSelector(".flash.ok")).getText()).contains("异议已收到");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("gongshi-notice-phone");
			assertThat(phone.cspViolations()).isEmpty();
		}
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("fengtai");
			desk.get("/notices/" + noticeId);
			WebElement objection = desk.visible(By.cssSelector(".objection"));
			assertThat(objection.getText()).contains("对 雷振华 的异议", "何静", "135****5000").doesNotContain("13500135000");
			objection.findElement(By.name("assignee")).sendKeys("fengtai");
			objection.findElement(By.cssSelector("form[action$='/assign'] button")).click();
			desk.waitForPage();
			objection = desk.visible(By.cssSelector(".objection"));
			assertThat(objection.getText()).contains("调查中");
			objection.findElement(By.name("finding")).sendKeys("经向企业核实，该同志为项目第一完成人，异议不成立。");
			objection.findElement(By.cssSelector("button[value=DISMISSED]")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector(".objection")).getText()).contains("不成立", "第一完成人");
			desk.screenshot("notice-staff-desktop");
		}
	}
}
