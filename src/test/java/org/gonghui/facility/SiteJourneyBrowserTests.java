package org.gonghui.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A courier at 丰台站 finds, on a 375 px phone, the nearest station that is open now and has e-bike
 * charging, from the phone's location, and opens its page; 丰台 staff create a site on a desktop by
 * clicking the map. The map tiles (OpenStreetMap by default) cannot load here, which is the point: the
 * pages must work without them. No Content-Security-Policy violation is allowed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class SiteJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCourierFindsTheNearestOpenStationWithACharger() {
		try (Browser phone = BrowserTestSupport.phone(baseUrl(), 375, 800)) {
			// The phone stands on 丰台站's south square.
			phone.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", baseUrl(), "permissions", List.of("geolocation")));
			phone.driver().executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 39.8475, "longitude", 116.3049, "accuracy", 20));
			phone.get("/sites");
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("附近的服务站点");
			new Select(phone.driver().findElement(By.id("type"))).selectByVisibleText("户外劳动者服务站点");
			phone.clickable(By.cssSelector("label.chip:has(#amenity-EBIKE_CHARGING)")).click();
			phone.clickable(By.cssSelector("label.check:has(#openNow)")).click();
			phone.clickable(By.id("locate")).click();
			phone.await().until(ExpectedConditions.urlContains("lat="));
			phone.waitForPage();
			List<WebElement> results = phone.driver().findElements(By.cssSelector(".site-result"));
			assertThat(results).isNotEmpty();
			WebElement first = results.get(0);
			assertThat(first.findElement(By.cssSelector(".site-name")).getText()).isEqualTo("丰台站暖心驿站");
			assertThat(first.findElement(By.cssSelector(".distance")).getText()).endsWith("米");
			assertThat(first.getText()).contains("电动车充电", "开放中");
			assertThat(first.findElement(By.cssSelector("a.navigate")).getDomAttribute("href")).startsWith("https://uri.amap.com/navigation?to=116.");
			// Every result matches the filters.
			assertThat(results).allSatisfy(r -> assertThat(r.getText()).contains("电动车充电", "开放中", "户外劳动者服务站点"));
			// Leaflet drew a marker for the courier and for each result, tiles or not.
			phone.await().until(d -> d.findElements(By.cssSelector("#map path.leaflet-interactive")).size() == results.size() + 1);
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("sites-nearest-phone");

			first.findElement(By.cssSelector(".site-name")).click();
			phone.waitForPage();
			assertThat(phone.visible(By.tagName("h1")).getText()).isEqualTo("丰台站暖心驿站");
			assertThat(phone.visible(By.id("open-now")).getText()).isEqualTo("开放中");
			assertThat(phone.driver().findElement(By.cssSelector("a.navigate")).getDomAttribute("href")).contains("coordinate=gaode");
			assertThat(phone.visible(By.cssSelector(".always-open")).getText()).contains("24 小时");
			assertThat(phone.horizontalOverflow()).isZero();
			phone.screenshot("site-page-phone");
			assertThat(phone.cspViolations()).isEmpty();
		}
	}

	@Test
	void staffCreateASiteByClickingTheMap() {
		try (Browser staff = BrowserTestSupport.desktop(baseUrl(), 1280, 1000)) {
			staff.get("/login");
			staff.visible(By.id("username")).sendKeys("fengtai");
			staff.driver().findElement(By.id("password")).sendKeys("gonghui-demo");
			staff.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			staff.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
			staff.get("/sites/manage");
			staff.clickable(By.id("new-site")).click();
			staff.waitForPage();
			staff.pick("organizationId", "丰台区", "丰台区总工会");
			new Select(staff.driver().findElement(By.id("type"))).selectByVisibleText("户外劳动者服务站点");
			staff.driver().findElement(By.id("name")).sendKeys("看丹暖心驿站");
			staff.driver().findElement(By.id("address")).sendKeys("丰台区看丹路");
			// A click on the map, a little off its centre (Beijing), sets the coordinates.
			WebElement map = staff.visible(By.id("map"));
			staff.await().until(d -> !d.findElements(By.cssSelector("#map.leaflet-container")).isEmpty());
			new Actions(staff.driver()).moveToElement(map, -60, 40).click().perform();
			staff.await().until(d -> !d.findElement(By.id("lat")).getDomProperty("value").isEmpty());
			double lat = Double.parseDouble(staff.driver().findElement(By.id("lat")).getDomProperty("value"));
			double lon = Double.parseDouble(staff.driver().findElement(By.id("lon")).getDomProperty("value"));
			assertThat(lat).isBetween(39.6, 40.2);
			assertThat(lon).isBetween(116.0, 116.7);
			staff.driver().findElement(By.id("openingHours")).sendKeys("Mo-Su 07:00-21:00");
			staff.driver().findElement(By.cssSelector("input[name=amenities][value=EBIKE_CHARGING]")).click();
			new Select(staff.driver().findElement(By.id("status"))).selectByVisibleText("开放");
			staff.clickable(By.id("save-site")).click();
			staff.await().until(ExpectedConditions.urlMatches("/sites/manage/\\d+$"));
			staff.waitForPage();
			assertThat(staff.visible(By.tagName("h1")).getText()).isEqualTo("看丹暖心驿站");
			assertThat(staff.visible(By.id("site-status")).getText()).isEqualTo("开放");
			var stored = jdbc.sql("select lat, lon from site where name = '看丹暖心驿站'")
				.query((rs, n) -> new double[] { rs.getDouble("lat"), rs.getDouble("lon") }).single();
			assertThat(stored[0]).isCloseTo(lat, within(1e-6));
			assertThat(stored[1]).isCloseTo(lon, within(1e-6));
			staff.screenshot("site-created-desktop");
			assertThat(staff.cspViolations()).isEmpty();
		}
	}

	private String baseUrl() {
		return "http://localhost:" + port;
	}
}
