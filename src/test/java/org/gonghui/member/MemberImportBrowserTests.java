package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A union chair's roster import in a real browser: upload a CSV as Excel in China writes it (GB18030),
 * watch the progress bar finish, read the counts and the rejected rows, and fetch the error report.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class MemberImportBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aUnionChairImportsARosterAndReadsTheErrorReport(@TempDir Path dir) throws Exception {
		String good1 = MemberRegistryContract.validId("110106", "19880808", 161);
		String good2 = MemberRegistryContract.validId("110106", "19890909", 163);
		String wrongCheck = good1.substring(0, 10) + "0101" + good1.substring(14, 17) + "0";
		String csv = "姓名,性别,身份证号,手机号,工作单位,用工形式,职业,入会日期,备注\r\n"
				+ "冯一," + gender(good1) + "," + good1 + ",13611110001,泛华集团,在职职工,工程师,2024-03-01,多余的列\r\n"
				+ "冯二," + gender(good2) + "," + good2 + ",1.3611110002E10,泛华集团,在职职工,会计,2024/3/2,\r\n"
				+ "冯三,男," + wrongCheck + ",13611110003,泛华集团,在职职工,司机,2024-03-03,\r\n"
				+ "冯四,男," + good1 + ",13611110004,泛华集团,在职职工,司机,2024-03-04,\r\n"
				+ ",,,,,,,,\r\n";
		Path file = dir.resolve("泛华集团会员名册.csv");
		Files.write(file, csv.getBytes("GB18030"));

		try (Browser browser = BrowserTestSupport.desktop("http://localhost:" + port, 1280, 900)) {
			browser.get("/login");
			browser.visible(By.id("username")).sendKeys("fanhua");
			browser.driver().findElement(By.id("password")).sendKeys("gonghui-demo");
			browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
			browser.get("/members/import");
			// A union chair may import only into their own union.
			assertThat(browser.visible(By.id("unionId-search")).getDomProperty("value")).isEqualTo("泛华集团工会");
			// The picker proposes nothing outside the chair's scope.
			assertThat(browser.typeInPicker("unionId", "工会")).containsExactly("泛华集团工会");
			browser.pick("unionId", "泛华", "泛华集团工会");
			browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			browser.clickable(By.id("start-import")).click();
			browser.await().until(ExpectedConditions.urlMatches("/members/import/\\d+$"));
			browser.visible(By.id("import-bar"));
			browser.await().until(d -> "100".equals(d.findElement(By.id("import-bar")).getDomProperty("value")));
			browser.await().until(d -> d.findElements(By.id("download-errors")).size() == 1);
			assertThat(browser.driver().findElement(By.id("count-created")).getText()).isEqualTo("2");
			assertThat(browser.driver().findElement(By.id("count-rejected")).getText()).isEqualTo("2");
			String errors = browser.visible(By.id("import-errors")).getText();
			assertThat(errors).contains("4 身份证号 身份证号校验位不正确").contains("5 身份证号 与第 2 行是同一人");
			browser.screenshot("member-import-done");

			String href = browser.driver().findElement(By.id("download-errors")).getDomAttribute("href");
			Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
					"var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));",
					href);
			assertThat(String.valueOf(status)).startsWith("200").contains("spreadsheetml");
			assertThat(browser.cspViolations()).isEmpty();
		}
	}

	private static String gender(String id) {
		return (id.charAt(16) - '0') % 2 == 1 ? "男" : "女";
	}

}
