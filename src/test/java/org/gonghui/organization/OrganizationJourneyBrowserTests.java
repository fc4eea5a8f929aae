package org.gonghui.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A union staff member's first visit, in a real browser (headless Chromium), on a desktop and on a phone: log in on the
 * Chinese login page, find 六里桥街道总工会 in the organisation tree (children loaded by htmx), read it in English, log out.
 * The strict Content-Security-Policy must not block anything on the way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class OrganizationJourneyBrowserTests {

	private static final String PASSWORD = "gonghui-demo";

	@LocalServerPort
	int port;

	@Test
	void staffFindsASubordinateUnionOnADesktop() {
		try (Browser browser = BrowserTestSupport.desktop(baseUrl(), 1280, 900)) {
			journey(browser, 1280, "organization-journey-desktop");
		}
	}

	@Test
	void staffFindsASubordinateUnionOnAPhone() {
		try (Browser browser = BrowserTestSupport.phone(baseUrl(), 375, 800)) {
			journey(browser, 375, "organization-journey-phone");
		}
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}

	private static void journey(Browser browser, int width, String screenshotName) {
		// The login page is Chinese whatever the browser's own language (headless Chromium asks for en-US).
		browser.get("/login");
		assertThat(browser.viewport().getWidth()).as("CSS width of the page").isEqualTo(width);
		assertThat(browser.visible(By.tagName("h1")).getText()).contains("登录");
		assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
		browser.visible(By.id("username")).sendKeys("fengtai");
		browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
		browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
		browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		browser.waitForPage();
		assertThat(browser.driver().findElement(By.cssSelector(".user-name")).getText()).isEqualTo("丰台区总工会工作人员");

		// 工会组织 from the main menu, which is folded on phones.
		assertThat(browser.driver().findElement(By.cssSelector("details.menu")).getDomProperty("open"))
			.isEqualTo(width < 800 ? "false" : "true");
		openMenuIfFolded(browser);
		if (width < 800) {
			browser.screenshot(screenshotName + "-menu");
		}
		browser.clickable(By.xpath("//details[contains(@class,'menu')]//nav//a[normalize-space()='工会组织']")).click();
		browser.await().until(ExpectedConditions.urlMatches("/organizations$"));
		browser.waitForPage();
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("工会组织");

		// The tree starts at the caller's scope; opening a node makes htmx fetch its children.
		By fengtai = By.xpath("//div[@id='results']//details[summary/a[normalize-space()='丰台区总工会']]");
		WebElement node = browser.visible(fengtai);
		assertThat(node.getDomProperty("open")).isEqualTo("false");
		WebElement summary = node.findElement(By.tagName("summary"));
		// Tap the row, not the name: the name is a link to the detail page.
		new Actions(browser.driver()).moveToElement(summary, summary.getSize().getWidth() / 2 - 6, 0).click().perform();
		By liuliqiao = By.xpath("//div[@id='results']//details[summary/a[normalize-space()='丰台区总工会']]"
				+ "/ul[contains(@class,'tree')]//a[normalize-space()='六里桥街道总工会']");
		WebElement child = browser.visible(liuliqiao);
		assertThat(browser.driver().findElement(fengtai).getDomProperty("open")).isEqualTo("true");
		assertThat(browser.driver().findElements(By.xpath("//div[@id='results']//li[normalize-space()='加载中…']"))).isEmpty();
		if (width < 800) {
			browser.screenshot(screenshotName + "-tree");
			assertThat(browser.horizontalOverflow()).as("sideways scrolling on the tree page").isZero();
		}

		child.click();
		browser.await().until(ExpectedConditions.urlMatches("/organizations/\\d+$"));
		browser.waitForPage();
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("六里桥街道总工会");
		assertThat(browser.driver().findElement(By.cssSelector("nav.breadcrumb")).getText()).contains("工会组织", "丰台区总工会");
		assertThat(browser.driver().findElement(By.cssSelector("dl.facts")).getText()).contains("北京市丰台区六里桥街道");

		// English, on the same page.
		browser.clickable(By.id("lang-en")).click();
		browser.await().until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
		browser.waitForPage();
		assertThat(browser.currentPath()).matches("/organizations/\\d+\\?lang=en");
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("六里桥街道总工会");
		assertThat(browser.driver().findElement(By.cssSelector("nav.breadcrumb a")).getText()).isEqualTo("Union organisations");
		assertThat(browser.driver().findElement(By.cssSelector("dl.facts")).getText()).contains("Level", "Street / township");
		assertThat(browser.driver().findElement(By.id("logout")).getText()).isEqualTo("Log out");
		browser.screenshot(screenshotName + "-detail-en");
		if (width < 800) {
			assertThat(browser.horizontalOverflow()).as("sideways scrolling on the detail page").isZero();
			openMenuIfFolded(browser);
			browser.screenshot(screenshotName + "-menu-en");
			assertThat(browser.horizontalOverflow()).as("sideways scrolling with the menu open").isZero();
		}

		// Log out: back on the login page (still in English), and the pages are closed again.
		browser.clickable(By.id("logout")).click();
		browser.await().until(ExpectedConditions.urlContains("/login"));
		browser.waitForPage();
		assertThat(browser.currentPath()).isEqualTo("/login?logout");
		assertThat(browser.visible(By.cssSelector("p.flash.ok")).getText()).isEqualTo("You have logged out.");
		assertThat(browser.driver().findElements(By.id("logout"))).isEmpty();
		browser.get("/organizations");
		assertThat(browser.currentPath()).startsWith("/login");
		assertThat(browser.visible(By.id("username")).isDisplayed()).isTrue();

		browser.console().forEach(line -> System.out.println("[browser console] " + line));
		assertThat(browser.cspViolations()).as("CSP violations in the browser console; whole console: %s", browser.console())
			.isEmpty();

		// The console check can see a violation: an inline <style> is refused under style-src 'self'.
		browser.driver().executeScript(
				"var s = document.createElement('style'); s.textContent = 'body { color: red; }'; document.head.appendChild(s);");
		browser.await().until(d -> !browser.cspViolations().isEmpty());
	}

	private static void openMenuIfFolded(Browser browser) {
		WebElement menu = browser.visible(By.cssSelector("details.menu"));
		WebElement summary = menu.findElement(By.tagName("summary"));
		if (summary.isDisplayed() && !"true".equals(menu.getDomProperty("open"))) {
			summary.click();
			browser.await().until(d -> "true".equals(d.findElement(By.cssSelector("details.menu")).getDomProperty("open")));
		}
	}
}
