package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The standardisation pages: scope (404 outside), roles (403), a bad form answering 400 with the reason and storing nothing, a review going through. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class StandardPageWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private long assessment(String union) {
		return jdbc.sql("select id from std_assessment where union_id = :u").param("u", id(jdbc, union)).query(Long.class).single();
	}

	private int version(long id) {
		return jdbc.sql("select version from std_assessment where id = :id").param("id", id).query(Integer.class).single();
	}

	private long manualItem(String name) {
		return jdbc.sql("select id from std_item where name = :n").param("n", name).query(Long.class).single();
	}

	@Test
	void pagesInScopeOnly() throws Exception {
		long campaign = jdbc.sql("select id from std_campaign order by id").query(Long.class).list().get(0);
		mvc.perform(get("/standard").with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("丰台区基层工会规范化建设评估")));
		mvc.perform(get("/standard/campaigns/" + campaign).with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("泛华集团工会"))).andExpect(content().string(containsString("各街道星级分布")));
		mvc.perform(get("/standard/campaigns/" + campaign).with(user(users.loadUserByUsername("fanhua")))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("丰台区教育工会</a>"))));
		mvc.perform(get("/standard/assessments/" + assessment("丰台区教育工会")).with(user(users.loadUserByUsername("fanhua"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/standard/campaigns/" + campaign).with(user(users.loadUserByUsername("chaoyang")))).andExpect(status().isNotFound());
		mvc.perform(get("/standard").with(user(users.loadUserByUsername("worker")))).andExpect(status().isForbidden());
		mvc.perform(get("/standard/campaigns/" + campaign + "/ranking.xlsx").with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk());
	}

	@Test
	void theMapOfStarsPlacesEachUnionAtItsOwnSiteAndNamesThoseWithout() throws Exception {
		long campaign = jdbc.sql("select id from std_campaign order by id").query(Long.class).list().get(0);
		String page = mvc.perform(get("/standard/campaigns/" + campaign).with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		// 泛华 has no 职工之家: it stands at its first open site; the 新就业形态 joint union at its riders' station.
		assertThat(page).contains("data-pick=\"places\"").contains("data-name=\"泛华集团工会\"").contains("泛华集团职工心理减压室")
			.contains("data-name=\"丰台区新就业形态劳动者联合工会\"").contains("骑手夜间驿站（丰台东大街）");
		// The education union has no site of its own: named beside the map, not silently left out.
		assertThat(page).doesNotContain("data-name=\"丰台区教育工会\"").containsPattern("id=\"star-unplaced\"[^>]*>[^<]*丰台区教育工会");
		// A union's chair sees only its own union, on the map as in the ranking.
		String own = mvc.perform(get("/standard/campaigns/" + campaign).with(user(users.loadUserByUsername("fanhua")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(own).contains("data-name=\"泛华集团工会\"").doesNotContain("骑手夜间驿站").doesNotContain("丰台区教育工会");
	}

	@Test
	void aBadReviewAnswers400AndAGoodOneMovesOn() throws Exception {
		long edu = assessment("丰台区教育工会");
		int v = version(edu);
		long contract = manualItem("签订集体合同和女职工权益保护专项集体合同");
		mvc.perform(post("/standard/assessments/" + edu + "/review").param("version", "" + v).param("points." + contract, "99")
			.with(user(users.loadUserByUsername("fengtai"))).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("分值应在 0 至 15 之间")));
		mvc.perform(post("/standard/assessments/" + edu + "/review").param("version", "" + v).param("points." + contract, "abc")
			.with(user(users.loadUserByUsername("fengtai"))).with(csrf())).andExpect(status().isBadRequest());
		assertThat(version(edu)).isEqualTo(v);
		// The union does not review itself.
		mvc.perform(post("/standard/assessments/" + edu + "/review").param("version", "" + v).with(user(users.loadUserByUsername("fengjiao")))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/standard/assessments/" + edu + "/review").param("version", "" + v).param("points." + contract, "12")
			.with(user(users.loadUserByUsername("fengtai"))).with(csrf())).andExpect(redirectedUrl("/standard/assessments/" + edu));
		assertThat(jdbc.sql("select status from std_assessment where id = :id").param("id", edu).query(String.class).single()).isEqualTo("REVIEWED");
		// A stale form is a conflict.
		mvc.perform(post("/standard/assessments/" + edu + "/final").param("version", "" + v).with(user(users.loadUserByUsername("fengtai")))
			.with(csrf())).andExpect(status().isConflict());
	}
}
