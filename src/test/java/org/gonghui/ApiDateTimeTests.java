package org.gonghui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON API that takes a date-time reads one without an offset as Beijing time and one with an
 * offset as given. The OpenAPI document is walked for request bodies with {@code date-time} fields, so a
 * new endpoint that takes one fails here until it is exercised below.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class ApiDateTimeTests {

	private static final String PASSWORD = "gonghui-demo";

	/** The operations exercised by the tests of this class. */
	private static final Set<String> EXERCISED = Set.of("POST /api/activities", "PUT /api/activities/{id}", "POST /api/caravans/{id}/schedule",
			"POST /api/counsellors/{id}/slots");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyRequestBodyWithADateTimeIsExercisedAndDocumented() throws Exception {
		JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		JsonNode schemas = docs.path("components").path("schemas");
		Set<String> taking = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json").path("schema");
				if (!body.isMissingNode() && !dateTimes(body, schemas, new HashSet<>()).isEmpty()) {
					taking.add(operation.getKey().toUpperCase() + " " + path.getKey());
				}
			}
		}
		assertThat(taking).as("operations whose request body has a date-time field").isEqualTo(new TreeSet<>(EXERCISED));

		// Every date-time field says how a value without an offset is read.
		List<JsonNode> fields = new ArrayList<>();
		schemas.properties().forEach(e -> fields.addAll(dateTimes(e.getValue(), schemas, new HashSet<>())));
		assertThat(fields).isNotEmpty().allSatisfy(f -> assertThat(f.path("description").asString()).contains("Beijing time", "北京时间"));
	}

	/** The date-time property schemas reachable from a schema, following $ref, items and properties. */
	private static List<JsonNode> dateTimes(JsonNode schema, JsonNode schemas, Set<String> seen) {
		List<JsonNode> found = new ArrayList<>();
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
			if (seen.add(name)) {
				found.addAll(dateTimes(schemas.path(name), schemas, seen));
			}
			return found;
		}
		if ("date-time".equals(schema.path("format").asString())) {
			found.add(schema);
		}
		for (Iterator<JsonNode> it = schema.path("properties").values().iterator(); it.hasNext();) {
			found.addAll(dateTimes(it.next(), schemas, seen));
		}
		if (schema.has("items")) {
			found.addAll(dateTimes(schema.get("items"), schemas, seen));
		}
		return found;
	}

	private static LocalDate day() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14);
	}

	private long createActivity(String startsAt, String endsAt, String closesAt) throws Exception {
		String body = """
				{"title":"时间测试活动","kind":"VISIT","organizationId":%d,"capacity":10,"registrationClosesAt":"%s",
				 "sessions":[{"title":"参观","type":"VISIT","startsAt":"%s","endsAt":"%s"}]}"""
			.formatted(id(jdbc, "丰台区总工会"), closesAt, startsAt, endsAt);
		String created = mvc.perform(post("/api/activities").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	@Test
	void anActivityTakesLocalTimesAsBeijingAndOffsetTimesAsGiven() throws Exception {
		LocalDate day = day();
		long local = createActivity(day + "T09:00:00", day + "T12:00", day.minusDays(1) + "T18:00:00");
		mvc.perform(get("/api/activities/" + local).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessions[0].startsAt").value(day + "T01:00:00Z"))
			.andExpect(jsonPath("$.sessions[0].endsAt").value(day + "T04:00:00Z"))
			.andExpect(jsonPath("$.registrationClosesAt").value(day.minusDays(1) + "T10:00:00Z"));

		long offset = createActivity(day + "T09:00:00+09:00", day + "T03:00:00Z", day.minusDays(1) + "T18:00:00+08:00");
		mvc.perform(get("/api/activities/" + offset).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessions[0].startsAt").value(day + "T00:00:00Z"))
			.andExpect(jsonPath("$.sessions[0].endsAt").value(day + "T03:00:00Z"))
			.andExpect(jsonPath("$.registrationClosesAt").value(day.minusDays(1) + "T10:00:00Z"));

		// The edit takes both forms too.
		int version = JsonPath.read(mvc.perform(get("/api/activities/" + local).with(httpBasic("fengtai", PASSWORD))).andReturn().getResponse()
			.getContentAsString(), "$.version");
		mvc.perform(put("/api/activities/" + local).with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"version":%d,"title":"时间测试活动","venue":"纪念馆","capacity":10,"registrationOpensAt":"%sT08:30",
						 "registrationClosesAt":"%sT20:00:00+08:00"}""".formatted(version, day.minusDays(3), day.minusDays(1))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.registrationOpensAt").value(day.minusDays(3) + "T00:30:00Z"))
			.andExpect(jsonPath("$.registrationClosesAt").value(day.minusDays(1) + "T12:00:00Z"));
	}

	@Test
	void aMalformedDateTimeNamesTheFieldAndStoresNothing() throws Exception {
		long before = jdbc.sql("select count(*) from activity").query(Long.class).single();
		String body = """
				{"title":"时间测试活动","kind":"VISIT","organizationId":%d,"capacity":10,
				 "sessions":[{"title":"参观","type":"VISIT","startsAt":"明天上午九点","endsAt":"%sT12:00"}]}"""
			.formatted(id(jdbc, "丰台区总工会"), day());
		mvc.perform(post("/api/activities").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sessions[0].startsAt"));
		assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aCaravanScheduleTakesLocalTimesAsBeijing() throws Exception {
		LocalDate day = day();
		String request = """
				{"unionId":%d,"windowFrom":"%s","windowTo":"%s","expectedParticipants":30,
				 "needs":"心理健康讲座","contactName":"周主席","contactPhone":"010-63800000"}"""
			.formatted(id(jdbc, "泛华集团工会"), day.minusDays(4), day.plusDays(6));
		String created = mvc.perform(post("/api/caravans").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(request))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long caravan = ((Number) JsonPath.read(created, "$.id")).longValue();
		mvc.perform(post("/api/caravans/" + caravan + "/accept").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk());
		String schedule = """
				{"sessions":[{"title":"心理健康讲座","startsAt":"%sT14:00:00","endsAt":"%sT17:00:00+08:00"}],"capacity":30,
				 "experts":[{"name":"李医生","affiliation":"北京安定医院"}]}""".formatted(day, day);
		String scheduled = mvc.perform(post("/api/caravans/" + caravan + "/schedule").with(httpBasic("fengtai", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(schedule))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long activity = ((Number) JsonPath.read(scheduled, "$.activityId")).longValue();
		mvc.perform(get("/api/activities/" + activity).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessions[0].startsAt").value(day + "T06:00:00Z"))
			.andExpect(jsonPath("$.sessions[0].endsAt").value(day + "T09:00:00Z"));
	}

	@Test
	void aCounsellorsSlotTakesLocalTimesAsBeijingAndOffsetTimesAsGiven() throws Exception {
		LocalDate day = day();
		long counsellor = jdbc.sql("select c.id from care_counsellor c join account a on a.id = c.account_id where a.username = 'counsellor'")
			.query(Long.class).single();
		mvc.perform(post("/api/counsellors/" + counsellor + "/slots").with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"startsAt":"%sT09:00:00","endsAt":"%sT09:50","mode":"PHONE","location":"010-62345678"}""".formatted(day, day)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.startsAt").value(day + "T01:00:00Z"))
			.andExpect(jsonPath("$.endsAt").value(day + "T01:50:00Z"));
		mvc.perform(post("/api/counsellors/" + counsellor + "/slots").with(httpBasic("counsellor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"startsAt":"%sT11:00:00+09:00","endsAt":"%sT02:50:00Z","mode":"PHONE","location":"010-62345678"}""".formatted(day, day)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.startsAt").value(day + "T02:00:00Z"))
			.andExpect(jsonPath("$.endsAt").value(day + "T02:50:00Z"));
	}
}
