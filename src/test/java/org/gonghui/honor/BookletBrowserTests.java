package org.gonghui.honor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * 北京市总工会's staff give a model worker a photo, then choose the 物业管理中心's honorees on the desktop, leave
 * one out, make an A4 booklet and download its PDF; the booklet has the photo and everyone ticked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class BookletBrowserTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void staffChooseHonoreesMakeABookletAndDownloadIt() throws IOException {
		Path downloads = Files.createTempDirectory("gonghui-booklet-");
		Path photo = downloads.resolve("portrait.png");
		Files.write(photo, BookletPdfTests.png(300, 400));
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000, downloads)) {
			desk.signIn("beijing");
			desk.get("/honorees?q=" + java.net.URLEncoder.encode("钱秀兰", java.nio.charset.StandardCharsets.UTF_8));
			desk.clickable(By.linkText("钱秀兰")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector("#portrait .portrait.placeholder")).getText()).isEqualTo("钱");
			desk.driver().findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
			desk.driver().findElement(By.cssSelector("#photo-form button[type=submit]")).click();
			desk.waitForPage();
			assertThat(desk.visible(By.cssSelector("#portrait img.portrait")).getDomAttribute("src")).contains("/photo?v=1");
			desk.screenshot("honoree-photo-desktop");

			desk.get("/booklets");
			desk.screenshot("booklets-list-desktop");
			desk.clickable(By.id("new-booklet")).click();
			desk.waitForPage();
			desk.pick("unit", "物业管理", "物业管理中心工会");
			desk.driver().findElement(By.id("filter-candidates")).click();
			desk.waitForPage();
			List<String> listed = desk.driver().findElements(By.cssSelector("#candidates tbody input[name=honoreeIds]")).stream()
				.map(e -> e.getDomAttribute("value")).toList();
			assertThat(listed).hasSize(19);
			assertThat(desk.driver().findElements(By.cssSelector("#candidates tbody input[name=honoreeIds]:checked"))).hasSize(19);
			// Leave 尤振华 out.
			desk.driver().findElement(By.xpath("//table[@id='candidates']//tr[td/label[normalize-space()='尤振华']]//input")).click();
			desk.visible(By.id("title")).sendKeys("物业管理中心劳模风采（2026）");
			desk.driver().findElement(By.id("paper2")).click();
			desk.screenshot("booklet-new-desktop");
			desk.driver().findElement(By.id("create-booklet")).click();
			desk.await().until(ExpectedConditions.urlMatches("/booklets/\\d+$"));
			assertThat(desk.visible(By.id("booklet-facts")).getText()).contains("物业管理中心工会", "A4", "18");
			desk.screenshot("booklet-detail-desktop");
			desk.clickable(By.id("download")).click();
			Path pdf = desk.await().withTimeout(Duration.ofSeconds(60)).until(d -> downloaded(downloads));
			assertThat(desk.cspViolations()).isEmpty();

			var read = BookletPdfTests.read(Files.readAllBytes(pdf));
			assertThat(read.pages()).isEqualTo(1 + 1 + 18);
			assertThat(read.width()).isGreaterThan(590f);
			assertThat(read.text()).contains("钱秀兰", "赵国栋", "秦雅琴").doesNotContain("尤振华");
			assertThat(read.images()).isEqualTo(1);
			assertThat(read.fonts()).allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
		}
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.signIn("beijing");
			phone.get("/booklets");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("booklets-list-phone");
			phone.get("/showcase?q=" + java.net.URLEncoder.encode("钱秀兰", java.nio.charset.StandardCharsets.UTF_8));
			assertThat(phone.visible(By.cssSelector("#showcase li img.portrait")).getDomAttribute("src")).contains("/showcase/");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("showcase-photo-phone");
		}
	}

	/**
	 * The pages this part changed, at 1440 and 375 px, as their users: the camp with its expert linked (a worker and
	 * the administrator), the expert's profile with its placeholder, and a booklet's page; none scrolls sideways.
	 */
	@Test
	void changedPagesOnTheDesktopAndOnAPhone() {
		long camp = jdbc.sql("select id from activity where title = '全国总工会首期劳模本科生创新培训营'").query(Long.class).single();
		long gao = jdbc.sql("select id from honoree where name = '高凤林'").query(Long.class).single();
		long booklet = jdbc.sql("select id from booklet order by id").query(Long.class).list().get(0);
		for (int width : new int[] { 1440, 375 }) {
			try (Browser b = width == 375 ? BrowserTestSupport.phone("http://localhost:" + port, 375, 800)
					: BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
				b.get("/showcase/" + gao);
				assertThat(b.visible(By.cssSelector(".portrait.placeholder")).getText()).isEqualTo("高");
				b.screenshot("showcase-profile-" + width);
				b.signIn("worker");
				b.get("/activities/" + camp);
				b.clickable(By.cssSelector("#experts a.expert-profile")).click();
				b.waitForPage();
				assertThat(b.currentPath()).isEqualTo("/showcase/" + gao);
				b.get("/activities/" + camp);
				b.screenshot("activity-expert-" + width);
				assertThat(b.horizontalOverflow()).isZero();
				b.driver().manage().deleteAllCookies();
				b.signIn("admin");
				for (String page : new String[] { "/activities/manage/" + camp, "/booklets/" + booklet, "/booklets/new" }) {
					b.get(page);
					b.screenshot("changed-" + page.replaceAll("[^A-Za-z0-9]+", "-") + "-" + width);
					assertThat(b.driver().findElements(By.tagName("h1"))).isNotEmpty();
					assertThat(b.horizontalOverflow()).as(page).isZero();
				}
				assertThat(b.cspViolations()).isEmpty();
			}
		}
	}

	/** The finished PDF in the download folder (Chromium writes a .crdownload until it is complete). */
	private static Path downloaded(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".pdf")).findFirst().orElse(null);
		}
		catch (IOException e) {
			return null;
		}
	}
}
