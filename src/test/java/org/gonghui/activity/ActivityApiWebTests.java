package org.gonghui.activity;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import com.jayway.jsonpath.JsonPath;

/** The activities API paths the acceptance checks use, with the scope and refusals around them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class ActivityApiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private long member(String name) {
		return jdbc.sql("select id from member where name = :name order by id").param("name", name).query(Long.class).list().get(0);
	}

	private long demoMemberOf(String union) {
		return jdbc.sql("select m.id from member m join organization o on o.id = m.union_id where o.name = :union and m.status = 'ACTIVE' order by m.id")
			.param("union", union).query(Long.class).list().get(0);
	}

	@Test
	void anActivityIsCreatedPublishedAndRegisteredForOnce() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		String body = """
				{"title":"新就业形态劳动者参观活动","kind":"VISIT","organizationId":%d,"capacity":60,"waitlistEnabled":true,
				 "sessions":[{"title":"参观纪念馆","type":"VISIT","startsAt":"2030-06-01T01:00:00Z","endsAt":"2030-06-01T04:00:00Z","counts":true}]}"""
			.formatted(fengtai);
		String created = mvc.perform(post("/api/activities").with(httpBasic("fengtai", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(notNullValue()))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.sessions[0].id").value(notNullValue()))
			.andExpect(jsonPath("$.registrationClosesAt").value("2030-06-01T01:00:00Z"))
			.andReturn().getResponse().getContentAsString();
		long activity = ((Number) JsonPath.read(created, "$.id")).longValue();
		mvc.perform(post("/api/activities/" + activity + "/publish").with(httpBasic("fengtai", "gonghui-demo")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
		mvc.perform(post("/api/activities/" + activity + "/publish").with(httpBasic("fengtai", "gonghui-demo")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("只有草稿状态的活动可以发布"));

		long memberId = demoMemberOf("泛华集团工会");
		String registration = mvc.perform(post("/api/activities/" + activity + "/registrations").with(httpBasic("fengtai", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"memberId\":" + memberId + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REGISTERED"))
			.andReturn().getResponse().getContentAsString();
		long registrationId = ((Number) JsonPath.read(registration, "$.id")).longValue();
		// The double click: same registration, 200.
		mvc.perform(post("/api/activities/" + activity + "/registrations").with(httpBasic("fengtai", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"memberId\":" + memberId + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(registrationId));
		mvc.perform(get("/api/activities/" + activity + "/registrations?page=0&size=10").with(httpBasic("fengtai", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].memberId").value(memberId))
			.andExpect(jsonPath("$.content[0].createdAt").value(notNullValue()))
			.andExpect(jsonPath("$.content[0].checkInCode").doesNotExist());
		mvc.perform(get("/api/registrations/" + registrationId).with(httpBasic("fengtai", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checkInCode", hasLength(32)));
		mvc.perform(post("/api/registrations/" + registrationId + "/cancel").with(httpBasic("fengtai", "gonghui-demo")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

		// Outside the scope: 404, as for a missing id; workers and anonymous callers are kept out.
		mvc.perform(get("/api/activities/" + activity).with(httpBasic("chaoyang", "gonghui-demo"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/registrations/" + registrationId).with(httpBasic("chaoyang", "gonghui-demo"))).andExpect(status().isNotFound());
		// A worker sees only published activities of their own audience (this one is 丰台's; the courier is in 龙潭).
		mvc.perform(get("/api/activities/" + activity).with(httpBasic("worker", "gonghui-demo"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/activities/" + activity)).andExpect(status().isUnauthorized());
	}

	@Test
	void badRequestsAreClearRefusals() throws Exception {
		mvc.perform(post("/api/activities").with(httpBasic("fengtai", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"x\",\"kind\":\"PARTY\",\"capacity\":10}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(post("/api/activities").with(httpBasic("fengtai", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"x\",\"kind\":\"VISIT\",\"capacity\":0,\"organizationId\":" + id(jdbc, "丰台区总工会") + "}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("名额应为 1 到 100000 之间的整数"));
		mvc.perform(post("/api/activities/999999/registrations").with(httpBasic("fengtai", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"memberId\":1}"))
			.andExpect(status().isNotFound());
	}
}
