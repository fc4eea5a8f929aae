package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The member pages and API against the data-scope and personal-information rules. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class MemberWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void apiListsMembersInScopeWithMaskedIdentifiers() throws Exception {
		mvc.perform(get("/api/members").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].name", hasItem("王强")))
			.andExpect(jsonPath("$.content[*].name", not(hasItem("张伟"))))
			.andExpect(jsonPath("$.content[*].idNumber", everyItem(matchesPattern("\\d{6}\\*{8}\\d{3}[\\dX]"))))
			.andExpect(jsonPath("$.content[*].phone", everyItem(matchesPattern("1\\d{2}\\*{4}\\d{4}"))))
			.andExpect(content().string(not(containsString("13800138001"))))
			.andExpect(content().string(not(containsString("cipher"))));
		mvc.perform(get("/api/members").param("q", "13900139001").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(get("/api/members").param("q", "13900139001").with(httpBasic("longtan", PASSWORD)))
			.andExpect(jsonPath("$.content[0].name").value("张伟"));
		mvc.perform(get("/api/members/" + memberId("张伟")).with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/members").param("unionId", String.valueOf(id(jdbc, "龙潭街道总工会"))).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/members")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/members").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void theJoinApiIsPublicAndNamesTheBadFields() throws Exception {
		long riders = id(jdbc, "丰台区新就业形态劳动者联合工会");
		mvc.perform(post("/api/join-applications").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"idNumber\":\"110106199003121011\",\"phone\":\"12345\",\"workForm\":\"PLATFORM\",\"unionId\":" + riders
					+ ",\"consent\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("idNumber")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("phone")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("platform")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("consent")));
		String id = MemberRegistryContract.validId("110106", "19970707", 141);
		mvc.perform(post("/api/join-applications").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"API骑手\",\"idNumber\":\"" + id + "\",\"phone\":\"13912345678\",\"workForm\":\"PLATFORM\",\"platform\":\"饿了么\","
					+ "\"occupation\":\"外卖骑手\",\"unionId\":" + riders + ",\"consent\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.status").value("PENDING"));
		// the same person again: a clear answer, not a duplicate
		mvc.perform(post("/api/join-applications").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"API骑手\",\"idNumber\":\"" + id + "\",\"phone\":\"13912345678\",\"workForm\":\"PLATFORM\",\"platform\":\"饿了么\","
					+ "\"unionId\":" + riders + ",\"consent\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].message", containsString("待审核")));
		assertThat(jdbc.sql("select count(*) from join_application where name = 'API骑手'").query(Long.class).single()).isEqualTo(1);
		mvc.perform(get("/api/join-applications")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/join-applications").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("API骑手"))));
	}

	@Test
	void approvalOutsideTheScopeIs404() throws Exception {
		long pending = jdbc.sql("select id from join_application where name = '吴昊'").query(Long.class).single();
		mvc.perform(post("/api/join-applications/" + pending + "/approve").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/join-applications/" + pending + "/approve").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/join-applications/" + pending + "/approve").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.memberId").isNumber());
	}

	@Test
	@WithUserDetails("fengtai")
	void revealIsAPostWithCsrfAndWritesAnAuditRow() throws Exception {
		long id = memberId("王强");
		mvc.perform(get("/members/" + id)).andExpect(status().isOk())
			.andExpect(content().string(containsString("110106********101")))
			.andExpect(content().string(not(containsString("110106199003121"))));
		mvc.perform(post("/members/" + id + "/reveal").param("what", "idNumber")).andExpect(status().isForbidden());
		mvc.perform(post("/members/" + id + "/reveal").param("what", "idNumber").with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("110106199003121")))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'member.reveal.idNumber' and target_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		mvc.perform(post("/members/" + memberId("张伟") + "/reveal").param("what", "idNumber").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	@WithUserDetails("fengtai")
	void memberPagesRenderInScope() throws Exception {
		mvc.perform(get("/members")).andExpect(status().isOk()).andExpect(content().string(containsString("王强")))
			.andExpect(content().string(not(containsString("张伟"))));
		mvc.perform(get("/members/applications")).andExpect(status().isOk()).andExpect(content().string(containsString("吴昊")));
		mvc.perform(get("/members/" + memberId("张伟"))).andExpect(status().isNotFound());
		mvc.perform(get("/members/coverage")).andExpect(status().isOk()).andExpect(content().string(containsString("建会率")));
		mvc.perform(get("/members/coverage").param("organizationId", String.valueOf(id(jdbc, "朝阳区总工会")))).andExpect(status().isNotFound());
		mvc.perform(get("/members/welcome-packages").param("districtId", String.valueOf(id(jdbc, "丰台区总工会")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("意外伤害互助保障")));
		mvc.perform(get("/members/welcome-packages").param("districtId", String.valueOf(id(jdbc, "东城区总工会")))).andExpect(status().isNotFound());
	}

	@Test
	void coverageIsComputedFromTheRecordsAndScoped() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long gig = jdbc.sql("select count(*) from member m where status = 'ACTIVE' and work_form = 'PLATFORM' and union_id in"
				+ " (select id from organization where path like (select path from organization where id = :f) || '%')").param("f", fengtai)
			.query(Long.class).single();
		mvc.perform(get("/api/organizations/" + fengtai + "/coverage").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organizationName").value("丰台区总工会"))
			.andExpect(jsonPath("$.gigWorkerMembers").value(gig))
			.andExpect(jsonPath("$.members").isNumber())
			.andExpect(jsonPath("$.employers").isNumber())
			.andExpect(jsonPath("$.monthly.length()").value(12));
		mvc.perform(get("/api/organizations/" + id(jdbc, "朝阳区总工会") + "/coverage").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void joinPagesArePublicAndChinese() throws Exception {
		mvc.perform(get("/join")).andExpect(status().isOk()).andExpect(content().string(containsString("申请加入工会")))
			.andExpect(content().string(containsString("data-url=\"/api/join/unions\"")));
		mvc.perform(get("/privacy")).andExpect(status().isOk()).andExpect(content().string(containsString("加密保存")));
		mvc.perform(get("/join/status/not-a-token")).andExpect(status().isNotFound());
		mvc.perform(post("/join").param("name", "x")).andExpect(status().isForbidden());
	}

	private long memberId(String name) {
		return jdbc.sql("select id from member where name = :n").param("n", name).query(Long.class).single();
	}
}
