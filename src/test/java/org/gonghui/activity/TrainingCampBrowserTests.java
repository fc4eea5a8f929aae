package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 丰台 staff run a training camp on a desktop, all through the pages: create the camp with its rule and
 * partner institution, publish it, enrol a trainee by card number, check her in at the door, start and
 * finish the camp, see her completion, and download her certificate (a PDF). No CSP violation is allowed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class TrainingCampBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffCreateACampRecordAttendanceFinishItAndDownloadACertificate() {
		long member = ActivityFixtures.members(jdbc, "泛华集团工会", null, "学员", 1).get(0);
		String card = ActivityFixtures.card(jdbc, member);
		String title = "劳模创新培训营" + System.nanoTime() % 100000;
		try (Browser staff = BrowserTestSupport.desktop("http://localhost:" + port, 1280, 1000)) {
			staff.get("/login");
			staff.visible(By.id("username")).sendKeys("fengtai");
			staff.driver().findElement(By.id("password")).sendKeys("gonghui-demo");
			staff.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			staff.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));

			staff.get("/activities/manage/new");
			staff.pick("organizationId", "丰台区", "丰台区总工会");
			new Select(staff.driver().findElement(By.id("kind"))).selectByValue("TRAINING_CAMP");
			staff.driver().findElement(By.id("title")).sendKeys(title);
			staff.driver().findElement(By.id("capacity")).sendKeys("109");
			staff.driver().findElement(By.id("minAttendanceShare")).sendKeys("0.5");
			staff.driver().findElement(By.id("issuer")).sendKeys("清华大学继续教育学院");
			staff.driver().findElement(By.id("sessions0.title")).sendKeys("开班仪式");
			set(staff, staff.driver().findElement(By.id("sessions0.date")), "2030-07-01");
			set(staff, staff.driver().findElement(By.id("sessions0.starts")), "09:00");
			set(staff, staff.driver().findElement(By.id("sessions0.ends")), "10:00");
			staff.clickable(By.id("save-activity")).click();
			staff.await().until(ExpectedConditions.presenceOfElementLocated(By.id("activity-status")));
			assertThat(staff.visible(By.tagName("h1")).getText()).isEqualTo(title);
			long camp = jdbc.sql("select id from activity where title = :t").param("t", title).query(Long.class).single();

			move(staff, "PUBLISHED");
			staff.visible(By.id("entries")).sendKeys(card);
			staff.clickable(By.id("register-list-submit")).click();
			staff.await().until(ExpectedConditions.presenceOfElementLocated(By.id("list-results")));
			assertThat(staff.visible(By.id("list-results")).getText()).contains("已报名");

			String code = jdbc.sql("select check_in_code from registration where activity_id = :a").param("a", camp).query(String.class).single();
			staff.clickable(By.id("check-in-link")).click();
			staff.await().until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
			staff.visible(By.id("code")).sendKeys(code + Keys.ENTER);
			staff.await().until(ExpectedConditions.textToBe(By.id("result-status"), "已签到"));

			staff.get("/activities/manage/" + camp);
			move(staff, "ONGOING");
			move(staff, "FINISHED");
			assertThat(staff.visible(By.id("completions")).getText()).contains("已结业");
			staff.clickable(By.id("certificates-link")).click();
			WebElement download = staff.visible(By.cssSelector("#certificates a[href$='.pdf']"));
			String href = download.getDomAttribute("href");
			// Fetch the PDF with the page's own session: a download dialog is not something a headless test can read.
			Object answer = staff.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '"
					+ " + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))))", href);
			assertThat(answer).isEqualTo("200 application/pdf %PDF-");
			staff.screenshot("camp-certificates");
			assertThat(staff.cspViolations()).isEmpty();
		}
	}

	private static void move(Browser staff, String to) {
		new Select(staff.visible(By.id("to"))).selectByValue(to);
		staff.clickable(By.id("change-status")).click();
		staff.await().until(ExpectedConditions.presenceOfElementLocated(By.id("activity-status")));
		staff.waitForPage();
	}

	/** Date and time inputs take what a picker would set; typing into them depends on the browser's locale. */
	private static void set(Browser browser, WebElement input, String value) {
		browser.driver().executeScript("arguments[0].value = arguments[1]", input, value);
	}
}
