package org.gonghui.care.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;

import javax.imageio.ImageIO;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * The demo courier (张伟, 京东, 龙潭) on a 375 px phone: opens his accident claim waiting for the accident report from
 * 我的, photographs the report, uploads it and submits again; 龙潭 checks it and 北京 (above his district) approves it
 * with the payout computed by the plan's rules and records the bank transfer on the desktop; he sees the payout on
 * his phone. The demo claim is put back afterwards, since the page tour and other browser tests show it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class AidBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long claim;
	private long lastStep;
	private long lastDocument;
	private long lastClaim;
	private Timestamp dueAt;
	private String reason;

	@BeforeEach
	void remember() {
		claim = jdbc.sql("select c.id from aid_claim c join member m on m.id = c.member_id where m.name = '张伟' and c.status = 'WAITING_DOCUMENTS'")
			.query(Long.class).list().get(0);
		lastStep = jdbc.sql("select max(id) from aid_claim_step").query(Long.class).single();
		lastDocument = jdbc.sql("select max(id) from aid_claim_document").query(Long.class).single();
		lastClaim = jdbc.sql("select max(id) from aid_claim").query(Long.class).single();
		dueAt = jdbc.sql("select step_due_at from aid_claim where id = :id").param("id", claim).query(Timestamp.class).single();
		reason = jdbc.sql("select reason from aid_claim where id = :id").param("id", claim).query(String.class).single();
	}

	@AfterEach
	void putTheDemoClaimBack() {
		jdbc.sql("delete from aid_claim_step where id > :s").param("s", lastStep).update();
		jdbc.sql("delete from aid_claim_document where id > :d").param("d", lastDocument).update();
		jdbc.sql("delete from aid_claim where id > :c").param("c", lastClaim).update();
		jdbc.sql("update aid_claim set status = 'WAITING_DOCUMENTS', payout_fen = null, payout_trace = null, payment_reference = null, paid_at = null,"
				+ " reason = :reason, step_due_at = :due where id = :id")
			.param("reason", reason).param("due", dueAt).param("id", claim).update();
	}

	private static Path photoOfTheReport() throws Exception {
		var image = new BufferedImage(240, 320, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 240, 320);
		g.setColor(Color.DARK_GRAY);
		for (int y = 30; y < 300; y += 20) {
			g.fillRect(20, y, 200, 6);
		}
		g.dispose();
		Path file = Files.createTempFile("事故证明", ".png");
		file.toFile().deleteOnExit();
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	@Test
	void aCourierSendsTheMissingReportFromHisPhoneAndSeesThePayout() throws Exception {
		Path photo = photoOfTheReport();
		String base = "http://localhost:" + port;
		try (Browser phone = BrowserTestSupport.phone(base, 375, 800)) {
			phone.signIn("worker");
			phone.get("/me");
			phone.clickable(By.id("aid-claim-" + claim)).click();
			phone.await().until(ExpectedConditions.urlMatches("/aid/my/claims/" + claim + "$"));
			assertThat(phone.visible(By.id("claim-status")).getText()).isEqualTo("待补充材料");
			assertThat(phone.visible(By.id("claim-reason")).getText()).contains("事故证明");
			assertThat(phone.visible(By.id("claim-checklist")).getText()).contains("事故证明：缺少");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("aid-journey-waiting-375");
			new Select(phone.visible(By.id("kind"))).selectByValue("ACCIDENT_REPORT");
			phone.driver().findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
			phone.clickable(By.id("upload-document")).click();
			phone.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-checklist"), "事故证明：已上传"));
			assertThat(phone.visible(By.cssSelector("p.flash.ok")).getText()).contains("材料已上传");
			assertThat(phone.visible(By.id("claim-documents")).getText()).contains("事故证明：");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("aid-journey-uploaded-375");
			phone.clickable(By.id("resubmit")).click();
			phone.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-status"), "待单位审核"));
			assertThat(phone.driver().findElements(By.id("resubmit"))).isEmpty();
			assertThat(phone.cspViolations()).isEmpty();
		}
		try (Browser unit = BrowserTestSupport.desktop(base, 1440, 900)) {
			unit.signIn("longtan");
			unit.get("/aid/claims/" + claim);
			assertThat(unit.visible(By.id("claim-checklist")).getText()).contains("事故证明：已上传");
			unit.clickable(By.id("approve")).click();
			unit.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-status"), "待区总工会审核"));
			assertThat(unit.driver().findElements(By.id("review-form"))).isEmpty();
			assertThat(unit.cspViolations()).isEmpty();
		}
		try (Browser federation = BrowserTestSupport.desktop(base, 1440, 900)) {
			// 北京 stands above 张伟's district and may do the district's review; (2,300 − 100) × 80 % = 1,760 元.
			federation.signIn("beijing");
			federation.get("/aid/claims/" + claim);
			federation.clickable(By.id("approve")).click();
			federation.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-status"), "已批准待给付"));
			assertThat(federation.visible(By.id("claim-payout")).getText()).isEqualTo("1,760.00 元");
			assertThat(federation.visible(By.id("payout-steps")).isDisplayed()).isTrue();
			federation.screenshot("aid-journey-approved-1440");
			federation.visible(By.id("paymentReference")).sendKeys("BJ-2026-1207");
			federation.clickable(By.id("record-payout")).click();
			federation.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-status"), "已给付"));
			assertThat(federation.visible(By.id("claim-reference")).getText()).isEqualTo("BJ-2026-1207");
			assertThat(federation.horizontalOverflow()).isZero();
			assertThat(federation.cspViolations()).isEmpty();
		}
		try (Browser phone = BrowserTestSupport.phone(base, 375, 800)) {
			phone.signIn("worker");
			phone.get("/aid/my");
			assertThat(phone.visible(By.id("my-claim-" + claim)).getText()).contains("已给付", "1,760.00 元");
			phone.clickable(By.id("my-claim-" + claim)).click();
			phone.await().until(ExpectedConditions.urlMatches("/aid/my/claims/" + claim + "$"));
			assertThat(phone.visible(By.id("claim-status")).getText()).isEqualTo("已给付");
			assertThat(phone.visible(By.id("claim-payout")).getText()).isEqualTo("1,760.00 元");
			assertThat(phone.visible(By.id("claim-steps")).getText()).contains("已给付");
			assertThat(phone.driver().findElements(By.id("document-form"))).isEmpty();
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("aid-journey-paid-375");
			assertThat(phone.cspViolations()).isEmpty();
		}
	}
	/** 丰台 chooses, member by member, whom to enrol in the city's hospital plan; the list stays readable on a phone. */
	@Test
	void theDistrictUnticksMembersOnTheChoicePage() {
		String base = "http://localhost:" + port;
		long plan = jdbc.sql("select id from aid_plan where name = '北京市在职职工住院医疗互助保障'").query(Long.class).single();
		String union = "泛华集团工会";
		for (int width : new int[] { 1440, 375 }) {
			try (Browser desk = width > 400 ? BrowserTestSupport.desktop(base, width, 900) : BrowserTestSupport.phone(base, width, 800)) {
				desk.signIn("fengtai");
				desk.get("/aid/plans/" + plan);
				desk.pick("unionId", union, union);
				WebElement start = desk.visible(By.id("termStartsOn"));
				desk.driver().executeScript("arguments[0].value = arguments[1]", start, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString());
				desk.clickable(By.id("enrol-choose")).click();
				// The choice page, or the plan page again with the problem: say which problem.
				desk.await().until(d -> !d.findElements(By.id("choose-form")).isEmpty() || !d.findElements(By.cssSelector("p.flash.error")).isEmpty());
				assertThat(desk.driver().findElements(By.cssSelector("p.flash.error"))).as("problem on the plan page")
					.extracting(WebElement::getText).isEmpty();
				var boxes = desk.driver().findElements(By.cssSelector("#eligible input[name=memberIds]"));
				assertThat(boxes).isNotEmpty().allSatisfy(b -> {
					assertThat(b.isSelected()).isTrue();
					assertThat(b.getSize().getWidth()).isLessThanOrEqualTo(24);
				});
				assertThat(desk.horizontalOverflow()).isZero();
				desk.screenshot("aid-enrol-choose-" + width);
				assertThat(desk.cspViolations()).isEmpty();
			}
		}
	}
	/** 张伟 claims the accident benefit on his phone: the form, then a photo of the invoice, and the checklist tells what is still missing. */
	@Test
	void aCourierSubmitsAClaimWithAPhotoOfTheInvoiceFromHisPhone() throws Exception {
		Path photo = photoOfTheReport();
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.signIn("worker");
			phone.get("/aid/my");
			phone.clickable(By.cssSelector("a[id^=claim-for-]")).click();
			phone.await().until(ExpectedConditions.presenceOfElementLocated(By.id("claim-form")));
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("aid-claim-form-375");
			phone.driver().executeScript("arguments[0].value = arguments[1]", phone.visible(By.id("eventDate")),
					java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(3).toString());
			phone.visible(By.id("hospital")).sendKeys("北京市朝阳医院");
			phone.visible(By.id("diagnosis")).sendKeys("送餐途中摔伤");
			phone.visible(By.id("expensesYuan")).sendKeys("1200");
			phone.clickable(By.id("submit-claim")).click();
			phone.await().until(ExpectedConditions.urlMatches("/aid/my/claims/\\d+$"));
			assertThat(phone.visible(By.id("claim-status")).getText()).isEqualTo("待单位审核");
			assertThat(phone.visible(By.id("claim-checklist")).getText()).contains("发票：缺少");
			new Select(phone.visible(By.id("kind"))).selectByValue("INVOICE");
			phone.driver().findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
			phone.clickable(By.id("upload-document")).click();
			phone.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-checklist"), "发票：已上传"));
			assertThat(phone.visible(By.id("claim-checklist")).getText()).contains("事故证明：缺少");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("aid-claim-submitted-375");
			assertThat(phone.cspViolations()).isEmpty();
		}
		long claim = jdbc.sql("select max(id) from aid_claim").query(Long.class).single();
		assertThat(claim).isGreaterThan(lastClaim);
		assertThat(jdbc.sql("select expenses_fen from aid_claim where id = :id").param("id", claim).query(Long.class).single()).isEqualTo(120_000);
	}
}
