package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.employerId;
import static org.gonghui.TestOrganizations.id;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gonghui.BrowserTestSupport;
import org.gonghui.BrowserTestSupport.Browser;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.activity.internal.RegistrationService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * 丰台 staff at the door of a visit, on a desktop: the scanner types a registration's QR payload into the
 * check-in page and presses Enter; the page answers with the member's name, "已签到", and "重复签到" on the
 * second scan; a walk-in is recorded. No Content-Security-Policy violation is allowed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class CheckInBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ActivityService activities;

	@Autowired
	org.gonghui.activity.internal.ActivityLifecycle lifecycle;

	@Autowired
	RegistrationService registrations;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffScanACodeAndSeeWhoCheckedIn() {
		String memberName = "签到" + UUID.randomUUID().toString().substring(0, 4);
		long member = member(memberName);
		long activity;
		String code;
		var user = users.loadUserByUsername("fengtai");
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			Instant start = Instant.now().plus(Duration.ofDays(7));
			activity = activities.create(new NewActivity(id(jdbc, "丰台区总工会"), ActivityKind.VISIT, "泛华职工参观卢沟桥", null, "卢沟桥", 30, false,
					false, null, null, null, List.of(new NewSession("参观", "VISIT", start, start.plus(Duration.ofHours(3)), true))));
			lifecycle.publish(activity);
			code = registrations.get(registrations.register(activity, member).id()).checkInCode();
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		try (Browser staff = BrowserTestSupport.desktop("http://localhost:" + port, 1280, 900)) {
			staff.get("/login");
			staff.visible(By.id("username")).sendKeys("fengtai");
			staff.driver().findElement(By.id("password")).sendKeys("gonghui-demo");
			staff.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
			staff.await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
			staff.get("/activities/" + activity + "/check-in");
			assertThat(staff.visible(By.tagName("h1")).getText()).isEqualTo("签到：泛华职工参观卢沟桥");
			// The code field has the focus, so a scanner can type into it straight away.
			assertThat(staff.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("code");

			// What a hardware scanner does: types the QR payload and presses Enter.
			staff.driver().switchTo().activeElement().sendKeys("GONGHUI-CHECKIN:" + code + Keys.ENTER);
			staff.await().until(ExpectedConditions.textToBe(By.id("result-status"), "已签到"));
			staff.waitForPage();
			assertThat(staff.visible(By.id("result-name")).getText()).isEqualTo(memberName);
			assertThat(staff.visible(By.id("result-employer")).getText()).isEqualTo("泛华集团");
			assertThat(staff.visible(By.id("result-status")).getText()).isEqualTo("已签到");
			assertThat(staff.visible(By.id("people")).getText()).isEqualTo("1");
			assertThat(staff.driver().findElement(By.id("by-employer")).getText()).contains("泛华集团");
			staff.screenshot("check-in-desktop");

			// The same code again (a second scan): answered, not counted twice.
			staff.driver().switchTo().activeElement().sendKeys(code + Keys.ENTER);
			staff.await().until(ExpectedConditions.textToBe(By.id("result-status"), "重复签到"));
			staff.waitForPage();
			assertThat(staff.visible(By.id("people")).getText()).isEqualTo("1");

			// A worker who came without registering.
			staff.driver().findElement(By.id("walk-in-name")).sendKeys("王五");
			staff.driver().findElement(By.id("walk-in-employer")).sendKeys("京东快递");
			staff.clickable(By.id("walk-in-submit")).click();
			staff.await().until(ExpectedConditions.textToBe(By.id("result-status"), "现场登记"));
			staff.waitForPage();
			assertThat(staff.visible(By.id("result-name")).getText()).isEqualTo("王五");
			assertThat(staff.visible(By.id("people")).getText()).isEqualTo("2");

			// A code that is no registration's: the page says so.
			staff.driver().switchTo().activeElement().sendKeys("1234" + Keys.ENTER);
			staff.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.flash.error[role=alert]")));
			staff.waitForPage();
			assertThat(staff.visible(By.cssSelector("p.flash.error[role=alert]")).getText()).isEqualTo("签到码无效，或不是本活动的签到码");
			assertThat(staff.horizontalOverflow()).isZero();
			assertThat(staff.cspViolations()).isEmpty();
		}
		assertThat(jdbc.sql("select count(*) from check_in where activity_id = :a").param("a", activity).query(Long.class).single()).isEqualTo(2);
	}

	/** A member of 泛华集团工会 working at 泛华集团, made for the test. */
	private long member(String name) {
		String unique = UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, union_id, union_path, employer_id, work_form, join_date,"
				+ " status, card_number, created_at, updated_at) values (:name, 'FEMALE', 'x', :hash, '110***********0000', :union, (select path from organization where id = :union), :employer,"
				+ " 'EMPLOYEE', current_date, 'ACTIVE', :card, :now, :now)")
			.param("name", name)
			.param("hash", (unique + unique).substring(0, 64))
			.param("union", id(jdbc, "泛华集团工会"))
			.param("employer", employerId(jdbc, "泛华集团"))
			.param("card", "B" + unique.substring(0, 18))
			.param("now", Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("select id from member where card_number = :card").param("card", "B" + unique.substring(0, 18)).query(Long.class).single();
	}
}
