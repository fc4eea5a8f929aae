package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipInputStream;

import org.gonghui.activity.internal.ActivityLifecycle;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.activity.internal.CertificateService;
import org.gonghui.activity.internal.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import com.jayway.jsonpath.JsonPath;

/** Certificates over HTTP: the API's codes, scope and roles, the downloads, the staff page, and the public verify page. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class CertificateWebTests {

	static final String ISSUER = "清华大学继续教育学院";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityService activities;

	@Autowired
	ActivityLifecycle lifecycle;

	@Autowired
	RegistrationService registrations;

	@Autowired
	CertificateService certificates;

	@Autowired
	UserDetailsService users;

	/** A camp of 龙潭 whose results say the trainees named completed, with their certificates issued. */
	record Camp(long id, List<Long> members) {
	}

	Camp camp(String... names) {
		return runAs("longtan", () -> {
			Instant start = Instant.now().plus(Duration.ofDays(7));
			long id = activities.create(new NewActivity(id(jdbc, "龙潭街道总工会"), ActivityKind.TRAINING_CAMP, "劳模创新培训营", null, "清华大学", 50, false,
					false, null, null, null, List.of(new NewSession("讲座", "LECTURE", start, start.plus(Duration.ofHours(4)), true))));
			lifecycle.publish(id);
			jdbc.sql("update activity set issuer = :issuer where id = :id").param("issuer", ISSUER).param("id", id).update();
			List<Long> members = new ArrayList<>();
			for (String name : names) {
				long member = name.equals("张伟") ? worker()
						: ActivityFixtures.members(jdbc, "龙潭街道总工会", null, "学员", 1).get(0);
				jdbc.sql("update member set name = :name where id = :id").param("name", name).param("id", member).update();
				long registration = registrations.register(id, member).id();
				jdbc.sql("insert into camp_result (activity_id, member_id, registration_id, attended_sessions, counting_sessions, completed_by_rule,"
						+ " completed, evaluated_at) values (:a, :m, :r, 1, 1, true, true, :now)")
					.param("a", id).param("m", member).param("r", registration).param("now", Timestamp.from(Instant.now())).update();
				members.add(member);
			}
			certificates.issueForCompleted(id);
			return new Camp(id, members);
		});
	}

	long worker() {
		return jdbc.sql("select id from member where account_username = 'worker'").query(Long.class).single();
	}

	String number(Camp camp, int index) {
		long member = camp.members().get(index);
		return runAs("longtan", () -> certificates.list(camp.id()).stream().filter(c -> c.memberId() == member).findFirst().orElseThrow().number());
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void theApiListsDownloadsAndRevokesWithinTheScope() throws Exception {
		Camp camp = camp("王建国", "李秀英");
		String list = "/api/activities/" + camp.id() + "/certificates";
		String body = mvc.perform(get(list).with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].status").value("VALID"))
			.andExpect(jsonPath("$[0].holderName").exists())
			.andExpect(jsonPath("$[0].memberId").exists())
			.andReturn().getResponse().getContentAsString();
		String number = JsonPath.read(body, "$[0].number");
		mvc.perform(get(list).with(httpBasic("chaoyang", "gonghui-demo"))).andExpect(status().isNotFound());
		mvc.perform(get(list).with(httpBasic("worker", "gonghui-demo"))).andExpect(status().isForbidden());
		mvc.perform(get(list)).andExpect(status().isUnauthorized());

		byte[] pdf = mvc.perform(get("/api/certificates/" + number + ".pdf").with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(CertificatePdfChecks.read(pdf).text()).contains(ISSUER);
		mvc.perform(get("/api/certificates/" + number + ".pdf").with(httpBasic("chaoyang", "gonghui-demo"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/certificates/2026-0000-0000-0000-0000.pdf").with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isNotFound());

		String revoke = "/api/certificates/" + number + "/revoke";
		mvc.perform(post(revoke).with(httpBasic("longtan", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post(revoke).with(httpBasic("chaoyang", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"误发\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post(revoke).with(httpBasic("longtan", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"信息有误\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"))
			.andExpect(jsonPath("$.revokedReason").value("信息有误"));
		mvc.perform(post(revoke).with(httpBasic("longtan", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再次\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("该证书已撤销"));

		mvc.perform(post("/api/activities/" + camp.id() + "/certificates/issue").with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.issued").value(0));
	}

	@Test
	void aWorkerDownloadsTheirOwnPdfAndNoOneElses() throws Exception {
		Camp camp = camp("张伟", "陈建华");
		mvc.perform(get("/api/certificates/" + number(camp, 0) + ".pdf").with(httpBasic("worker", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF));
		mvc.perform(get("/api/certificates/" + number(camp, 1) + ".pdf").with(httpBasic("worker", "gonghui-demo"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/certificates/" + number(camp, 0) + ".pdf")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/certificates/" + number(camp, 0) + "/revoke").with(httpBasic("worker", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theZipHoldsTheValidCertificates() throws Exception {
		Camp camp = camp("周明", "吴刚", "郑爽");
		runAs("longtan", () -> certificates.revoke(number(camp, 2), "重复"));
		byte[] zip = mvc.perform(get("/api/activities/" + camp.id() + "/certificates.zip").with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/zip"))
			.andExpect(header().string("Content-Disposition", containsString("certificates-" + camp.id() + ".zip")))
			.andReturn().getResponse().getContentAsByteArray();
		List<String> names = new ArrayList<>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
				assertThat(new String(in.readNBytes(5), java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
			}
		}
		assertThat(names).containsExactlyInAnyOrder(number(camp, 0) + "-周明.pdf", number(camp, 1) + "-吴刚.pdf");
		mvc.perform(get("/api/activities/" + camp.id() + "/certificates.zip").with(httpBasic("chaoyang", "gonghui-demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theVerifyPageShowsValidOrRevokedWithAMaskedNameAndNothingElse() throws Exception {
		Camp camp = camp("欧阳娜娜", "李娜");
		String valid = number(camp, 0);
		mvc.perform(get("/verify/certificates/" + valid).with(from("203.0.113.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有效")))
			.andExpect(content().string(containsString("欧**娜")))
			.andExpect(content().string(containsString("劳模创新培训营")))
			.andExpect(content().string(containsString(ISSUER)))
			.andExpect(content().string(not(containsString("欧阳娜娜"))))
			.andExpect(content().string(not(containsString("已撤销"))));

		String revoked = number(camp, 1);
		runAs("longtan", () -> certificates.revoke(revoked, "冒名顶替"));
		mvc.perform(get("/verify/certificates/" + revoked).with(from("203.0.113.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已撤销")))
			.andExpect(content().string(containsString("李*")))
			.andExpect(content().string(not(containsString("冒名顶替"))))
			.andExpect(content().string(not(containsString("李娜"))));

		mvc.perform(get("/verify/certificates/2026-0000-0000-0000-0000").with(from("203.0.113.1")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("证书编号不存在")))
			.andExpect(content().string(not(containsString("有效"))));
		// A wrong check character (whatever the right one is, this one differs).
		char wrongCheck = valid.endsWith("X") ? '0' : 'X';
		mvc.perform(get("/verify/certificates/" + valid.substring(0, valid.length() - 1) + wrongCheck).with(from("203.0.113.1")))
			.andExpect(status().isNotFound());
		// No login needed, and none asked for: the page is public.
		mvc.perform(get("/verify/certificates/" + valid.toLowerCase().replace("-", "")).with(from("203.0.113.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(valid)));
	}

	@Test
	void oneAddressWalkingTheVerifyPageIsSlowedDown() throws Exception {
		Camp camp = camp("赵小明");
		String valid = number(camp, 0);
		for (int i = 0; i < 30; i++) {
			mvc.perform(get("/verify/certificates/2026-AAAA-AAAA-AAAA-AAA" + (char) ('A' + i % 20)).with(from("198.51.100.7")))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/verify/certificates/" + valid).with(from("198.51.100.7")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(not(containsString("赵*"))));
		// Another address is not affected.
		mvc.perform(get("/verify/certificates/" + valid).with(from("198.51.100.8"))).andExpect(status().isOk());
	}

	@Test
	void theStaffPageListsIssuesAndRevokes() throws Exception {
		Camp camp = camp("孙立平");
		String number = number(camp, 0);
		var longtan = user(users.loadUserByUsername("longtan"));
		String page = "/activities/manage/" + camp.id() + "/certificates";
		mvc.perform(get(page).with(longtan))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("孙立平")))
			.andExpect(content().string(containsString("/api/certificates/" + number + ".pdf")))
			.andExpect(content().string(containsString("/api/activities/" + camp.id() + "/certificates.zip")));
		mvc.perform(get(page).with(user(users.loadUserByUsername("chaoyang")))).andExpect(status().isNotFound());
		mvc.perform(get(page).with(user(users.loadUserByUsername("worker")))).andExpect(status().isForbidden());

		mvc.perform(post(page + "/issue").with(longtan).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("issued", 0));
		mvc.perform(post(page + "/" + number + "/revoke").with(longtan).with(csrf()).param("reason", ""))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("errorText", "必填"));
		mvc.perform(post(page + "/" + number + "/revoke").with(longtan).with(csrf()).param("reason", "信息有误"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("message", "certificate.revoke.done"));
		mvc.perform(get(page).with(longtan))
			.andExpect(content().string(containsString("已撤销")))
			.andExpect(content().string(containsString("信息有误")));
		mvc.perform(post(page + "/" + number + "/revoke").with(longtan).with(csrf()).param("reason", "再次"))
			.andExpect(flash().attribute("errorText", "该证书已撤销"));
	}

	<T> T runAs(String username, Supplier<T> action) {
		return org.gonghui.TestUsers.runAs(users, username, action);
	}
}
