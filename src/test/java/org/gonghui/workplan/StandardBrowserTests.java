package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One union's standardisation assessment from end to end: 丰台's staff open next year's campaign on the form (the
 * district found by the live picker) at 1440 px; 泛华's chair assesses the union on a 375 px phone (a note for every
 * manual item, a photo for one, points, handed in); 丰台 reviews at 1440 px; 泛华 appeals once with a reason; 丰台
 * reviews again and makes the score final: the stars follow the template's levels and the ranking shows them. No
 * Content-Security-Policy violation on the way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class StandardBrowserTests {

	/** Next year: the demo's campaign is this year's, and a district has one a year. */
	private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;

	private static final String CAMPAIGN = YEAR + "年度基层工会规范化建设评估";

	/** A 1×1 PNG, the photo of a certificate as far as the check by content goes. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	private String base() {
		return "http://localhost:" + port;
	}

	@Test
	void aUnionAssessesItselfOnThePhoneAndTheDistrictReviewsHearsTheAppealAndGivesTheStars() throws Exception {
		String assessment;
		try (Browser desk = BrowserTestSupport.desktop(base(), 1440, 1000)) {
			desk.signIn("fengtai");
			refusedChecklist(desk);
			openCampaign(desk);
			assertThat(desk.visible(By.id("ranking")).getText()).contains("泛华集团工会").contains("自评中");
			assessment = desk.driver().findElement(By.linkText("泛华集团工会")).getDomAttribute("href");
			assertThat(desk.cspViolations()).isEmpty();
		}

		try (Browser phone = BrowserTestSupport.phone(base(), 375, 800)) {
			phone.signIn("fanhua");
			phone.get("/standard");
			phone.visible(By.linkText(CAMPAIGN)).click();
			phone.waitForPage();
			assertThat(phone.currentPath()).isEqualTo(assessment);
			assertThat(phone.visible(By.id("status")).getText()).isEqualTo("自评中");
			phone.screenshot("standard-self-375");
			List<String> manual = phone.driver().findElements(By.cssSelector("form[id^=evidence-]")).stream().map(f -> f.getDomAttribute("id"))
				.toList();
			assertThat(manual).hasSize(4);
			Path photo = Files.createTempFile("certificate-", ".png");
			Files.write(photo, PNG);
			for (int i = 0; i < manual.size(); i++) {
				WebElement form = phone.visible(By.id(manual.get(i)));
				form.findElement(By.name("note")).sendKeys("泛华集团工会" + YEAR + "年第" + (i + 1) + "项说明");
				if (i == 0) {
					form.findElement(By.name("file")).sendKeys(photo.toAbsolutePath().toString());
				}
				form.findElement(By.cssSelector("button[type=submit]")).click();
				phone.waitForPage();
			}
			Files.delete(photo);
			assertThat(phone.visible(By.id("items")).getText()).contains("certificate-").contains("第4项说明");
			assertThat(phone.horizontalOverflow()).isZero();
			points(phone, 10, 10, 15, 12);
			phone.screenshot("standard-self-points-375");
			phone.clickable(By.id("submit-self")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("status")).getText()).isEqualTo("待审核");
			phone.screenshot("standard-submitted-375");
			assertThat(phone.cspViolations()).isEmpty();
		}

		try (Browser desk = BrowserTestSupport.desktop(base(), 1440, 1000)) {
			desk.signIn("fengtai");
			desk.get(assessment);
			// The reviewer starts from the union's own points and grants less on the collective contract.
			assertThat(manualPoints(desk)).containsExactly("10", "10", "15", "12");
			points(desk, 10, 10, 8, 12);
			desk.screenshot("standard-review-1440");
			desk.clickable(By.id("submit-review")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.id("status")).getText()).isEqualTo("已审核");
			assertThat(desk.cspViolations()).isEmpty();
		}

		try (Browser phone = BrowserTestSupport.phone(base(), 375, 800)) {
			phone.signIn("fanhua");
			phone.get(assessment);
			phone.visible(By.cssSelector("#appeal-form textarea[name=reason]")).sendKeys("集体合同已经人社局审查备案，回执已上传，请复核第3项。");
			phone.screenshot("standard-appeal-375");
			phone.clickable(By.id("submit-appeal")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.id("status")).getText()).isEqualTo("申诉中");
			assertThat(phone.visible(By.id("appeal-reason")).getText()).contains("请复核第3项");
			assertThat(phone.driver().findElements(By.id("appeal-form"))).isEmpty();
			assertThat(phone.cspViolations()).isEmpty();
		}

		try (Browser desk = BrowserTestSupport.desktop(base(), 1440, 1000)) {
			desk.signIn("fengtai");
			desk.get(assessment);
			points(desk, 10, 10, 15, 12);
			desk.clickable(By.id("submit-review")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.id("status")).getText()).isEqualTo("已审核");
			// Once appealed, the union may not appeal again: the district makes it final.
			desk.clickable(By.id("finalise")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.id("status")).getText()).isEqualTo("已定级");
			int score = Integer.parseInt(desk.visible(By.id("score")).getText().replaceAll("^\\D*(\\d+) / 100$", "$1"));
			// 47 manual points and the computed items as the data has them (the chair account at least).
			assertThat(score).isGreaterThanOrEqualTo(57);
			int stars = score >= 90 ? 5 : score >= 80 ? 4 : score >= 70 ? 3 : score >= 60 ? 2 : score >= 50 ? 1 : 0;
			assertThat(desk.visible(By.id("stars")).getText()).startsWith("★".repeat(stars) + " ");
			desk.screenshot("standard-final-1440");
			desk.driver().findElement(By.cssSelector(".page-head .actions a")).click();
			desk.waitForPage();
			WebElement row = desk.visible(By.xpath("//table[@id='ranking']//tr[td/a[normalize-space()='泛华集团工会']]"));
			assertThat(row.getText()).contains("已定级").contains(Integer.toString(score));
			assertThat(row.findElement(By.cssSelector("td.stars")).getText()).isEqualTo("★".repeat(stars));
			desk.screenshot("standard-ranking-1440");
			assertThat(desk.cspViolations()).isEmpty();
		}
	}

	/** A checklist with a computed item lacking its metric and five stars above the total: refused at the fields. */
	private void refusedChecklist(Browser desk) {
		desk.get("/standard");
		desk.clickable(By.id("new-template")).click();
		desk.waitForPage();
		desk.visible(By.id("name")).sendKeys("六里桥街道评估标准");
		WebElement five = desk.driver().findElement(By.id("stars.five"));
		five.clear();
		five.sendKeys("200");
		desk.driver().findElement(By.id("sections0.name")).sendKeys("组织建设");
		desk.driver().findElement(By.id("sections0.items0.name")).sendKeys("有主席账号");
		desk.driver().findElement(By.id("sections0.items0.points")).sendKeys("10");
		new Select(desk.driver().findElement(By.id("sections0.items0.rule"))).selectByVisibleText("数据达标");
		desk.clickable(By.id("save-template")).click();
		desk.waitForPage();
		assertThat(desk.visible(By.cssSelector("#star-levels .field-error")).getText()).startsWith("星级分数线应从五星到一星依次降低");
		WebElement metric = desk.driver().findElement(By.id("sections0.items0.metric"));
		assertThat(metric.getDomAttribute("class")).contains("invalid");
		assertThat(metric.findElement(By.xpath("..")).getText()).contains("没有这个指标");
		assertThat(desk.driver().findElement(By.id("sections0.items0.name")).getDomProperty("value")).isEqualTo("有主席账号");
		desk.driver().executeScript("document.getElementById('sections0.name').scrollIntoView()");
		desk.screenshot("standard-template-errors-1440");
	}

	/** 丰台's staff open next year's campaign: the demo template, the district picked by typing, a period. */
	private void openCampaign(Browser desk) {
		desk.get("/standard");
		desk.clickable(By.id("new-campaign")).click();
		desk.waitForPage();
		new Select(desk.visible(By.id("templateId"))).selectByVisibleText("丰台区基层工会规范化建设评估标准（丰台区总工会，100 分）");
		WebElement year = desk.visible(By.id("year"));
		year.clear();
		year.sendKeys(Integer.toString(YEAR));
		desk.pick("districtId", "丰台区总", "丰台区总工会");
		// Date inputs take their value in ISO form from script; typing depends on the browser's locale.
		desk.driver().executeScript("document.getElementById('startsOn').value = arguments[0]; document.getElementById('endsOn').value = arguments[1]",
				YEAR + "-11-01", (YEAR + 1) + "-01-15");
		desk.screenshot("standard-campaign-form-1440");
		desk.clickable(By.id("save-campaign")).click();
		desk.waitForPage();
		assertThat(desk.visible(By.tagName("h1")).getText()).isEqualTo(CAMPAIGN);
		assertThat(desk.visible(By.id("period")).getText()).contains(YEAR + "-11-01 至 " + (YEAR + 1) + "-01-15");
		desk.screenshot("standard-campaign-opened-1440");
	}

	/** Types the points of the manual items, in the table's order. */
	private static void points(Browser browser, int... points) {
		List<WebElement> inputs = browser.driver().findElements(By.cssSelector("#points-form input.points"));
		assertThat(inputs).hasSize(points.length);
		for (int i = 0; i < points.length; i++) {
			inputs.get(i).clear();
			inputs.get(i).sendKeys(Integer.toString(points[i]));
		}
	}

	private static List<String> manualPoints(Browser browser) {
		return browser.driver().findElements(By.cssSelector("#points-form input.points")).stream().map(i -> i.getDomProperty("value")).toList();
	}
}
