package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Workers' own accounts: opening one with the three facts, the answers that must not tell which fact was
 * wrong, the password rules, the limits, staff linking and resetting in scope, and the one-time password.
 * Each test makes its own member through the public join form and Fengtai's approval, so the per-member
 * limit of one test never counts another's attempts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class MemberAccountWebTests {

	private static final String STAFF_PASSWORD = "gonghui-demo";

	private static final String PASSWORD = "Kuaidi-2026-spring";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	/** Pages sign in with a form, not Basic: the signed-in principal as the login would make it. */
	RequestPostProcessor signedIn(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	/** A new ACTIVE member of the riders' union, as the join form and an approval make one. */
	record NewMember(long id, String idNumber, String phone, String card, String token) {
	}

	NewMember newMember(String name, String birth, int seq, String phone) throws Exception {
		String idNumber = MemberRegistryContract.validId("110106", birth, seq);
		long riders = id(jdbc, "丰台区新就业形态劳动者联合工会");
		String receipt = mvc.perform(post("/api/join-applications").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"phone\":\"" + phone + "\",\"workForm\":\"PLATFORM\","
					+ "\"platform\":\"美团\",\"unionId\":" + riders + ",\"consent\":true}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		JsonNode r = JSON.readTree(receipt);
		String approved = mvc.perform(post("/api/join-applications/" + r.get("id").asLong() + "/approve").with(httpBasic("fengtai", STAFF_PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long memberId = JSON.readTree(approved).get("memberId").asLong();
		String card = jdbc.sql("select card_number from member where id = :id").param("id", memberId).query(String.class).single();
		return new NewMember(memberId, idNumber, phone, card, r.get("token").asString());
	}

	static MockHttpServletRequestBuilder claim(String idNumber, String phone, String card, String password) {
		return post("/api/me/account").contentType(MediaType.APPLICATION_JSON)
			.content("{\"idNumber\":\"" + idNumber + "\",\"phone\":\"" + phone + "\",\"cardNumber\":\"" + card + "\",\"password\":\"" + password + "\"}");
	}

	long accounts(String username) {
		return jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Long.class).single();
	}

	long audits(String action, long memberId) {
		return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :id").param("a", action)
			.param("id", String.valueOf(memberId)).query(Long.class).single();
	}

	@Test
	void theThreeFactsOpenAnAccountAndAnyWrongOneAnswersTheSame() throws Exception {
		NewMember m = newMember("账号骑手", "19950101", 201, "13911110001");
		String otherId = MemberRegistryContract.validId("110106", "19950101", 203);
		List<String> bodies = new ArrayList<>();
		for (var wrong : List.of(claim(otherId, m.phone(), m.card(), PASSWORD), claim(m.idNumber(), "13911110009", m.card(), PASSWORD),
				claim(m.idNumber(), m.phone(), "GH00000000000000", PASSWORD), claim("not-an-id", m.phone(), m.card(), PASSWORD))) {
			bodies.add(mvc.perform(wrong).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message", containsString("不一致")))
				.andReturn().getResponse().getContentAsString());
		}
		assertThat(bodies).as("the answer never tells which fact was wrong").containsOnly(bodies.get(0));
		assertThat(accounts(m.phone())).isZero();

		// Spaces in the phone number and a lower-case card number are what people type.
		mvc.perform(claim(m.idNumber(), "139 1111 0001", m.card().toLowerCase(), PASSWORD))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.username").value(m.phone()));
		assertThat(audits("member.account.open", m.id())).isEqualTo(1);
		// Audit texts name the account by its masked phone number, never the number itself.
		assertThat(jdbc.sql("select count(*) from audit_entry where detail like :p").param("p", "%" + m.phone() + "%").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from audit_entry where detail like '%139****0001%'").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select role from account where username = :u").param("u", m.phone()).query(String.class).single()).isEqualTo("WORKER");

		mvc.perform(get("/api/me").with(httpBasic(m.phone(), PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.memberId").value(m.id()))
			.andExpect(jsonPath("$.name").value("账号骑手"))
			.andExpect(jsonPath("$.cardNumber").value(m.card()))
			.andExpect(jsonPath("$.unionName").value("丰台区新就业形态劳动者联合工会"))
			.andExpect(jsonPath("$.readOnly").value(false));
		mvc.perform(get("/api/me/registrations").with(httpBasic(m.phone(), PASSWORD))).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/me/certificates").with(httpBasic(m.phone(), PASSWORD))).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
		// The worker signs in with the phone number however it is written.
		mvc.perform(get("/api/me").with(httpBasic("139-1111-0001", PASSWORD))).andExpect(status().isOk());

		mvc.perform(claim(m.idNumber(), m.phone(), m.card(), "Another-pass-99")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("account.claim.exists"));
		assertThat(audits("member.account.open", m.id())).isEqualTo(1);
	}

	@Test
	void weakPasswordsAreRefusedBeforeAnythingIsStored() throws Exception {
		NewMember m = newMember("密码骑手", "19960202", 211, "13911110002");
		for (String weak : List.of("short", "12345678", "password1", "aaaaaaaaaa", "x" + m.phone(), m.idNumber(), "a19960202z")) {
			mvc.perform(claim(m.idNumber(), m.phone(), m.card(), weak)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("password"));
		}
		assertThat(accounts(m.phone())).isZero();
		assertThat(audits("member.account.open", m.id())).isZero();
	}

	@Test
	void aMemberWhoLeftCannotOpenOneButKeepsTheirsReadOnly() throws Exception {
		NewMember left = newMember("退会骑手", "19870303", 221, "13911110003");
		jdbc.sql("update member set status = 'LEFT' where id = :id").param("id", left.id()).update();
		mvc.perform(claim(left.idNumber(), left.phone(), left.card(), PASSWORD)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("不一致")));

		NewMember m = newMember("离开骑手", "19880404", 231, "13911110004");
		mvc.perform(claim(m.idNumber(), m.phone(), m.card(), PASSWORD)).andExpect(status().isCreated());
		jdbc.sql("update member set status = 'LEFT' where id = :id").param("id", m.id()).update();
		mvc.perform(get("/api/me").with(httpBasic(m.phone(), PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("LEFT"))
			.andExpect(jsonPath("$.readOnly").value(true));
		mvc.perform(get("/me").with(signedIn(m.phone()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"read-only\"")))
			.andExpect(content().string(not(containsString("id=\"card-qr\""))));
	}

	@Test
	void tooManyTriesForOneIdNumberAreRefusedWhatever() throws Exception {
		NewMember m = newMember("限流骑手", "19890505", 241, "13911110005");
		for (int i = 0; i < 5; i++) {
			mvc.perform(claim(m.idNumber(), m.phone(), "GH0000000000000" + i, PASSWORD)).andExpect(status().isBadRequest());
		}
		// Even the right card now: someone has been guessing at this ID number.
		mvc.perform(claim(m.idNumber(), m.phone(), m.card(), PASSWORD)).andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail", containsString("一小时")));
		assertThat(accounts(m.phone())).isZero();
	}

	@Test
	void failedSignInsLockAWorkerOutWhateverTheSpellingOfThePhone() throws Exception {
		NewMember m = newMember("锁定骑手", "19900606", 251, "13911110006");
		mvc.perform(claim(m.idNumber(), m.phone(), m.card(), PASSWORD)).andExpect(status().isCreated());
		for (int i = 0; i < 5; i++) {
			String spelling = i % 2 == 0 ? m.phone() : "139 1111 0006";
			mvc.perform(get("/api/me").with(httpBasic(spelling, "wrong-" + i))).andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/me").with(httpBasic(m.phone(), PASSWORD))).andExpect(status().isUnauthorized());
		mvc.perform(post("/login").with(csrf()).param("username", m.phone()).param("password", PASSWORD)).andExpect(redirectedUrl("/login?locked"));
		// The failures and the lock are logged, with the phone (the username) masked.
		assertThat(jdbc.sql("select count(*) from audit_entry where action in ('login.failed', 'account.locked') and target_id = '139****0006'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(6);
		assertThat(jdbc.sql("select count(*) from audit_entry where target_id like '%13911110006%' or actor like '%13911110006%'"
				+ " or detail like '%13911110006%'").query(Long.class).single()).isZero();
	}

	@Test
	void theApprovedApplicationsLinkOpensTheAccountOnce() throws Exception {
		NewMember m = newMember("链接骑手", "19910707", 261, "13911110007");
		mvc.perform(get("/join/status/" + m.token())).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"open-account-form\"")));
		mvc.perform(post("/join/status/" + m.token() + "/account").with(csrf()).param("password", PASSWORD).param("repeatPassword", "different-99"))
			.andExpect(status().isFound());
		assertThat(accounts(m.phone())).isZero();
		mvc.perform(post("/join/status/" + m.token() + "/account").with(csrf()).param("password", PASSWORD).param("repeatPassword", PASSWORD))
			.andExpect(redirectedUrl("/login?claimed"));
		assertThat(accounts(m.phone())).isEqualTo(1);
		mvc.perform(get("/join/status/" + m.token())).andExpect(content().string(containsString("id=\"account-open\"")))
			.andExpect(content().string(not(containsString("id=\"open-account-form\""))));
		mvc.perform(get("/api/me").with(httpBasic(m.phone(), PASSWORD))).andExpect(jsonPath("$.memberId").value(m.id()));
		mvc.perform(post("/join/status/not-a-token/account").with(csrf()).param("password", PASSWORD).param("repeatPassword", PASSWORD))
			.andExpect(status().isNotFound());
	}

	@Test
	void theClaimPageShowsTheSameMessageAndKeepsNothingHalfDone() throws Exception {
		NewMember m = newMember("页面骑手", "19920808", 271, "13911110008");
		mvc.perform(post("/me/claim").with(csrf()).param("idNumber", m.idNumber()).param("phone", m.phone()).param("cardNumber", "GH1")
			.param("password", PASSWORD).param("repeatPassword", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("与会员档案不一致")));
		mvc.perform(post("/me/claim").with(csrf()).param("idNumber", m.idNumber()).param("phone", m.phone()).param("cardNumber", m.card())
			.param("password", "12345678").param("repeatPassword", "12345678"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("太常见")));
		assertThat(accounts(m.phone())).isZero();
		mvc.perform(post("/me/claim").with(csrf()).param("idNumber", m.idNumber()).param("phone", m.phone()).param("cardNumber", m.card())
			.param("password", PASSWORD).param("repeatPassword", PASSWORD))
			.andExpect(redirectedUrl("/login?claimed"));
		mvc.perform(get("/login").param("claimed", "")).andExpect(content().string(containsString("账号已开通")));
		// Signed in, the worker lands on 我的.
		mvc.perform(get("/").with(signedIn(m.phone()))).andExpect(redirectedUrl("/me"));
		mvc.perform(get("/me").with(signedIn(m.phone()))).andExpect(status().isOk())
			.andExpect(content().string(containsString(m.card())))
			.andExpect(content().string(containsString("href=\"/my/registrations\"")))
			.andExpect(content().string(containsString("丰台区总工会")));
		mvc.perform(get("/me/card.svg").with(signedIn(m.phone()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("<svg")));
	}

	@Test
	void staffInScopeSeeLinkUnlinkAndResetOthersGet404() throws Exception {
		long zhangWei = jdbc.sql("select id from member where name = '张伟'").query(Long.class).single();
		String api = "/api/members/" + zhangWei + "/account";
		mvc.perform(get(api).with(httpBasic("fengtai", STAFF_PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post(api + "/reset-password").with(httpBasic("fengtai", STAFF_PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(delete(api).with(httpBasic("fengtai", STAFF_PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post(api + "/reset-password").with(httpBasic("counsellor", STAFF_PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get(api).with(httpBasic("worker", STAFF_PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(post("/members/" + zhangWei + "/account/unlink").with(signedIn("fengtai")).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(audits("member.account.unlink", zhangWei)).isZero();

		mvc.perform(get(api).with(httpBasic("longtan", STAFF_PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.hasAccount").value(true)).andExpect(jsonPath("$.username").value("worker"));
		mvc.perform(post(api).contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"worker\"}").with(httpBasic("longtan", STAFF_PASSWORD)))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("account.link.memberHasOne"));
		mvc.perform(delete(api).with(httpBasic("longtan", STAFF_PASSWORD))).andExpect(status().isNoContent());
		mvc.perform(get(api).with(httpBasic("longtan", STAFF_PASSWORD))).andExpect(jsonPath("$.hasAccount").value(false));
		// The account stays; the member's records stay; the worker simply has no member page now.
		mvc.perform(get("/api/me").with(httpBasic("worker", STAFF_PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post(api).contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"longtan\"}").with(httpBasic("longtan", STAFF_PASSWORD)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));
		mvc.perform(post(api).contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"worker\"}").with(httpBasic("longtan", STAFF_PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.hasAccount").value(true));
		assertThat(audits("member.account.unlink", zhangWei)).isEqualTo(1);
		assertThat(audits("member.account.link", zhangWei)).isEqualTo(1);

		// An account already linked to one member cannot be linked to a second.
		NewMember other = newMember("第二骑手", "19930909", 281, "13911110010");
		mvc.perform(post("/api/members/" + other.id() + "/account").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"worker\"}")
			.with(httpBasic("fengtai", STAFF_PASSWORD)))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("account.link.accountTaken"));

		mvc.perform(get("/members/" + zhangWei).with(signedIn("longtan"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reset-account\"")));
	}

	@Test
	void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
		NewMember m = newMember("重置骑手", "19941010", 291, "13911110011");
		mvc.perform(claim(m.idNumber(), m.phone(), m.card(), PASSWORD)).andExpect(status().isCreated());
		String answer = mvc.perform(post("/api/members/" + m.id() + "/account/reset-password").with(httpBasic("fengtai", STAFF_PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String code = JSON.readTree(answer).get("oneTimePassword").asString();
		assertThat(code).hasSize(10);
		assertThat(audits("member.account.reset", m.id())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_entry where detail like :c").param("c", "%" + code + "%").query(Long.class).single())
			.as("the code is never written down").isZero();

		mvc.perform(get("/api/me").with(httpBasic(m.phone(), PASSWORD))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/me").with(httpBasic(m.phone(), code))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
		mvc.perform(get("/me").with(signedIn(m.phone()))).andExpect(redirectedUrl("/account/password?required"));
		mvc.perform(get("/account/password").param("required", "").with(signedIn(m.phone()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("一次性密码")));

		mvc.perform(post("/api/me/password").contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\":\"" + code + "\",\"newPassword\":\"12345678\"}")
			.with(httpBasic(m.phone(), code))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("newPassword"));
		mvc.perform(post("/api/me/password").contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\":\"wrong\",\"newPassword\":\"Brand-new-99x\"}")
			.with(httpBasic(m.phone(), code))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
		mvc.perform(post("/api/me/password").contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\":\"" + code + "\",\"newPassword\":\"Brand-new-99x\"}")
			.with(httpBasic(m.phone(), code))).andExpect(status().isNoContent());
		mvc.perform(get("/api/me").with(httpBasic(m.phone(), "Brand-new-99x"))).andExpect(status().isOk());
		mvc.perform(get("/api/me").with(httpBasic(m.phone(), code))).andExpect(status().isUnauthorized());
		// What the worker did is logged under their masked phone and account id, never the phone itself.
		assertThat(jdbc.sql("select actor from audit_entry where actor like '139****0011 #%'").query(String.class).list()).isNotEmpty();
		assertThat(jdbc.sql("select count(*) from audit_entry where actor like '%13911110011%' or target_id like '%13911110011%'")
			.query(Long.class).single()).isZero();
	}
}
