package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standardisation API over the demo campaign of 丰台: the three unions at their stages, scope (a union sees only
 * itself, 朝阳 nothing), roles, bad input answering 400 with nothing stored, and the ranking export.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class StandardApiWebTests {

	static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private long campaign() {
		return jdbc.sql("select id from std_campaign where district_id = :d").param("d", id(jdbc, "丰台区总工会")).query(Long.class).single();
	}

	private long assessment(String union) {
		return jdbc.sql("select id from std_assessment where campaign_id = :c and union_id = :u").param("c", campaign()).param("u", id(jdbc, union))
			.query(Long.class).single();
	}

	@Test
	void theDemoCampaignHasOneFinalOneUnderReviewAndOneAppealed() throws Exception {
		mvc.perform(get("/api/standard/campaigns/" + campaign() + "/ranking").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.content[*].status", containsInAnyOrder("FINAL", "SUBMITTED", "APPEALED")))
			.andExpect(jsonPath("$.content[0].unionName").value("丰台区新就业形态劳动者联合工会"));
		// The final one has its stars from the data and the review (a chair, all manual items granted: 60, 二星).
		assertThat(jdbc.sql("select stars from std_assessment where id = :id").param("id", assessment("丰台区新就业形态劳动者联合工会")).query(Integer.class)
			.single()).isPositive();
		mvc.perform(get("/api/standard/assessments/" + assessment("泛华集团工会")).with(httpBasic("fanhua", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPEALED")).andExpect(jsonPath("$.appealReason").isString())
			.andExpect(jsonPath("$.items[?(@.rule == 'AT_LEAST' && @.name == '依法选举产生工会主席（平台有主席账号）')].computedPoints", hasItem(10)));
		mvc.perform(get("/api/standard/campaigns/" + campaign() + "/stars").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].streetName").value("丰台区总工会"));
	}

	@Test
	void aUnionSeesOnlyItselfAndOtherDistrictsNothing() throws Exception {
		mvc.perform(get("/api/standard/campaigns/" + campaign() + "/ranking").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1)).andExpect(jsonPath("$.content[0].unionName").value("泛华集团工会"));
		mvc.perform(get("/api/standard/assessments/" + assessment("丰台区教育工会")).with(httpBasic("fanhua", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/standard/assessments/" + assessment("泛华集团工会")).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/standard/campaigns/" + campaign()).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/standard/campaigns/" + campaign() + "/ranking.xlsx").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/standard/campaigns").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/standard/campaigns")).andExpect(status().isUnauthorized());
		// 丰台 reviews; the union may not, and the chair does not make templates.
		long edu = assessment("丰台区教育工会");
		mvc.perform(post("/api/standard/assessments/" + edu + "/review").with(httpBasic("fengjiao", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 9, \"points\": []}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/standard/templates").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void badInputAnswers400AndStoresNothing() throws Exception {
		long templates = jdbc.sql("select count(*) from std_template").query(Long.class).single();
		mvc.perform(post("/api/standard/templates").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"federationId\": " + id(jdbc, "丰台区总工会") + ", \"name\": \"\", \"sections\": [{\"name\": \"一\", \"items\": [{\"name\": \"x\","
					+ " \"points\": 10, \"rule\": \"GUESS\"}]}]}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("stars"))).andExpect(jsonPath("$.errors[*].field", hasItem("sections[0].items[0].rule")));
		assertThat(jdbc.sql("select count(*) from std_template").query(Long.class).single()).isEqualTo(templates);
		long edu = assessment("丰台区教育工会");
		int version = jdbc.sql("select version from std_assessment where id = :id").param("id", edu).query(Integer.class).single();
		mvc.perform(post("/api/standard/assessments/" + edu + "/review").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"points\": []}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("version")));
		mvc.perform(post("/api/standard/assessments/" + edu + "/review").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + version + ", \"points\": [{\"itemId\": 999999, \"points\": 1}]}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/standard/assessments/" + edu + "/review").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + (version + 5) + ", \"points\": []}")).andExpect(status().isConflict());
		long item = jdbc.sql("select min(i.id) from std_item i where i.rule = 'MANUAL'").query(Long.class).single();
		mvc.perform(multipart("/api/standard/assessments/" + edu + "/items/" + item + "/evidence")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", "<html>not a pdf</html>".getBytes())).param("version", "" + version)
			.with(httpBasic("fengtai", PASSWORD))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
		assertThat(jdbc.sql("select version from std_assessment where id = :id").param("id", edu).query(Integer.class).single()).isEqualTo(version);
		// The appealed 泛华 cannot appeal twice (it is not reviewed again yet: a conflict either way).
		long fh = assessment("泛华集团工会");
		int fhVersion = jdbc.sql("select version from std_assessment where id = :id").param("id", fh).query(Integer.class).single();
		mvc.perform(post("/api/standard/assessments/" + fh + "/appeal").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + fhVersion + ", \"reason\": \"再次申诉\"}")).andExpect(status().isConflict());
	}

	@Test
	void theRankingExportsAsXlsx() throws Exception {
		mvc.perform(get("/api/standard/campaigns/" + campaign() + "/ranking.xlsx").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		mvc.perform(get("/api/standard/campaigns/" + campaign() + "/ranking").param("sort", "evil").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isBadRequest());
	}
}
