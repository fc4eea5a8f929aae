package org.gonghui.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The platform search over the API the acceptance checks use, on a real database (H2 {@link SearchH2Tests} and
 * PostgreSQL {@link SearchPostgresTests}), so every source's SQL runs on both. Writes commit (the index follows
 * commits, polled as another instance's would be) and are put back afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
abstract class SearchContract {

	private static final String PASSWORD = "gonghui-demo";
	private static final Duration SECONDS = Duration.ofSeconds(15);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** The start-up data is written after the index's first load and arrives by the poll; the news comes last. */
	@org.junit.jupiter.api.BeforeEach
	void demoDataIndexed() {
		await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(staff("admin", "全体会议"), "ARTICLE")).isNotEmpty());
	}

	String staff(String account, String q) throws Exception {
		return json(get("/api/search").param("q", q).param("size", "100").with(httpBasic(account, PASSWORD)));
	}

	String publicSearch(String q) throws Exception {
		return json(get("/api/public/search").param("q", q).param("size", "100"));
	}

	private String json(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	static List<String> titles(String json, String kind) {
		return JsonPath.read(json, "$.results[?(@.kind == '" + kind + "')].title");
	}

	static List<String> kinds(String json) {
		return JsonPath.read(json, "$.groups[*].kind");
	}

	@Test
	void aDistrictNeverSeesAnotherDistrictsMembersNotEvenAsACount() throws Exception {
		// 王强 rides for 丰台's new-economy joint union.
		String fengtai = staff("fengtai", "王强");
		assertThat(titles(fengtai, "MEMBER")).contains("王强");
		String chaoyang = staff("chaoyang", "王强");
		assertThat(titles(chaoyang, "MEMBER")).isEmpty();
		assertThat(kinds(chaoyang)).doesNotContain("MEMBER");
		assertThat((Integer) JsonPath.read(chaoyang, "$.total")).isZero();
		// Every hit of a one-character query lies in the caller's subtree: 朝阳 sees none of 丰台's sites.
		String station = staff("chaoyang", "站");
		assertThat(titles(station, "SITE")).noneMatch(t -> t.contains("丰台") || t.contains("龙潭"));
		assertThat(titles(staff("fengtai", "站"), "SITE")).contains("丰台站暖心驿站");
		// Narrowing to an organisation outside the scope is 404, as for any record outside it.
		long longtan = org.gonghui.TestOrganizations.id(jdbc, "龙潭街道总工会");
		mvc.perform(get("/api/search").param("q", "张伟").param("organizationId", String.valueOf(longtan)).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound());
		String narrowed = json(get("/api/search").param("q", "张").param("organizationId", String.valueOf(longtan)).with(httpBasic("beijing", PASSWORD)));
		assertThat(titles(narrowed, "MEMBER")).contains("张伟").doesNotContain("王强");
	}

	@Test
	void aMovedSubtreeIsFoundUnderItsNewAncestorsOnly() throws Exception {
		// 龙潭 (with its member 张伟 and employer 良苑餐厅) moves from 东城 to 丰台: each record's ancestor paths change.
		long longtan = org.gonghui.TestOrganizations.id(jdbc, "龙潭街道总工会");
		long dongcheng = org.gonghui.TestOrganizations.id(jdbc, "东城区总工会");
		long fengtai = org.gonghui.TestOrganizations.id(jdbc, "丰台区总工会");
		assertThat(titles(staff("fengtai", "良苑"), "EMPLOYER")).isEmpty();
		move(longtan, fengtai);
		try {
			await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(staff("fengtai", "良苑"), "EMPLOYER")).contains("良苑餐厅"));
			assertThat(titles(staff("fengtai", "张伟"), "MEMBER")).contains("张伟");
			assertThat(titles(within(dongcheng, "张伟"), "MEMBER")).doesNotContain("张伟");
			assertThat(titles(within(dongcheng, "良苑"), "EMPLOYER")).isEmpty();
			// The moved union's own path still holds its records: a scope below the move point is a term as well.
			assertThat(titles(within(longtan, "良苑"), "EMPLOYER")).contains("良苑餐厅");
		}
		finally {
			move(longtan, dongcheng);
		}
		await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(within(dongcheng, "良苑"), "EMPLOYER")).contains("良苑餐厅"));
		assertThat(titles(staff("fengtai", "良苑"), "EMPLOYER")).isEmpty();
		assertThat(kinds(staff("fengtai", "良苑"))).doesNotContain("EMPLOYER");
	}

	private void move(long organization, long parent) throws Exception {
		mvc.perform(post("/api/organizations/{id}/move", organization).with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + parent + "}")).andExpect(status().isOk());
	}

	/** The city federation's search narrowed to one organisation's subtree. */
	private String within(long organization, String q) throws Exception {
		return json(get("/api/search").param("q", q).param("organizationId", String.valueOf(organization)).param("size", "100")
			.with(httpBasic("beijing", PASSWORD)));
	}

	@Test
	void membersAreStaffOnlyMaskedAndNeverFoundByTheirNumbers() throws Exception {
		String json = staff("longtan", "张伟");
		List<String> snippets = JsonPath.read(json, "$.results[?(@.kind == 'MEMBER' && @.title == '张伟')].snippet");
		assertThat(snippets).hasSize(1);
		assertThat(snippets.get(0)).contains("139****9001").doesNotContain("13900139001").contains("********");
		String idNumber = jdbc.sql("select id_number_masked from member where name = '张伟'").query(String.class).single();
		assertThat(snippets.get(0)).contains(idNumber);
		assertThat(titles(staff("admin", "13900139001"), "MEMBER")).isEmpty();
		assertThat(titles(staff("admin", "9001"), "MEMBER")).isEmpty();
		assertThat(titles(staff("admin", "110101"), "MEMBER")).isEmpty();
		// The public never finds members or employers.
		assertThat(kinds(publicSearch("张伟"))).doesNotContain("MEMBER");
		assertThat(kinds(publicSearch("京东"))).doesNotContain("EMPLOYER");
		mvc.perform(get("/api/search").param("q", "张伟").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/search").param("q", "张伟")).andExpect(status().isUnauthorized());
	}

	@Test
	void aWriteIsFoundWithinSecondsAndALeaverIsGone() throws Exception {
		long siteId = jdbc.sql("select id from site where name = '丰台站暖心驿站'").query(Long.class).single();
		Map<String, Object> before = jdbc.sql("select name, updated_at from site where id = :id").param("id", siteId).query().singleRow();
		long memberId = jdbc.sql("select id from member where name = '王强'").query(Long.class).single();
		try {
			// Written straight into the table, as another instance would: the poll picks it up.
			touch("update site set name = '3号KFC暖心驿站' where id = :id", siteId);
			await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(publicSearch("KFC"), "SITE")).contains("3号KFC暖心驿站"));
			assertThat(titles(publicSearch("kfc"), "SITE")).contains("3号KFC暖心驿站");
			assertThat(titles(publicSearch("3号 驿站"), "SITE")).first().isEqualTo("3号KFC暖心驿站");
			assertThat(titles(publicSearch("丰台站暖心驿站"), "SITE")).doesNotContain("丰台站暖心驿站");

			touch("update member set status = 'LEFT' where id = :id", memberId);
			await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(staff("fengtai", "王强"), "MEMBER")).isEmpty());
		}
		finally {
			jdbc.sql("update site set name = :name, updated_at = :at where id = :id").param("name", before.get("name"))
				.param("at", Timestamp.from(Instant.now())).param("id", siteId).update();
			touch("update member set status = 'ACTIVE' where id = :id", memberId);
		}
		await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(staff("fengtai", "王强"), "MEMBER")).contains("王强"));
		await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(publicSearch("丰台站"), "SITE")).contains("丰台站暖心驿站"));
	}

	private void touch(String update, long id) {
		String sql = update.replace(" where ", ", updated_at = :at where ");
		jdbc.sql(sql).param("at", Timestamp.from(Instant.now())).param("id", id).update();
	}

	@Test
	void oneCharacterTwoCharacterWordsAndHighlights() throws Exception {
		String json = publicSearch("驿站");
		List<String> sites = titles(json, "SITE");
		assertThat(sites).isNotEmpty().allMatch(t -> t.contains("驿站") || t.contains("站"));
		List<String> marked = JsonPath.read(json, "$.results[?(@.kind == 'SITE')].titleHtml");
		assertThat(marked).anyMatch(t -> t.contains("<mark>驿站</mark>") || t.contains("<mark>驿</mark><mark>站</mark>"));
		// A two-character word needs both characters together: 母婴 finds the nursing rooms, not every 母 or 婴.
		assertThat(titles(publicSearch("母婴"), "SITE")).isNotEmpty().allMatch(t -> t.contains("母婴"));
		assertThat(titles(publicSearch("婴"), "SITE")).isNotEmpty();
		assertThat(titles(staff("admin", "泛华"), "ORGANIZATION")).contains("泛华集团工会");
		assertThat(titles(staff("admin", "泛华"), "EMPLOYER")).contains("泛华集团");
	}

	@Test
	void snippetsEscapeWhatTheRecordsHold() throws Exception {
		long siteId = jdbc.sql("select id from site where name = '六里桥暖心驿站'").query(Long.class).single();
		String before = jdbc.sql("select description from site where id = :id").param("id", siteId).query(String.class).optional().orElse(null);
		try {
			jdbc.sql("update site set description = :d, updated_at = :at where id = :id").param("d", "<script>alert(1)</script> 热水 微波炉")
				.param("at", Timestamp.from(Instant.now())).param("id", siteId).update();
			await().atMost(SECONDS).untilAsserted(() -> {
				List<String> snippets = JsonPath.read(publicSearch("微波炉"), "$.results[?(@.title == '六里桥暖心驿站')].snippet");
				assertThat(snippets).hasSize(1);
				assertThat(snippets.get(0)).doesNotContain("<script>").contains("&lt;script&gt;").contains("<mark>");
			});
		}
		finally {
			jdbc.sql("update site set description = :d, updated_at = :at where id = :id").param("d", before).param("at", Timestamp.from(Instant.now()))
				.param("id", siteId).update();
		}
	}

	@Test
	void badInputIsA400() throws Exception {
		mvc.perform(get("/api/public/search").param("q", "")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/public/search").param("q", "   ")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/public/search")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/public/search").param("q", "驿".repeat(51))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/public/search").param("q", "驿".repeat(50))).andExpect(status().isOk());
		mvc.perform(get("/api/search").param("q", "驿站").param("kind", "SECRET").with(httpBasic("admin", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/search").param("q", "驿站").param("size", "1000").with(httpBasic("admin", PASSWORD))).andExpect(status().isBadRequest());
		String onlyPunctuation = publicSearch("*?\"()");
		assertThat((Integer) JsonPath.read(onlyPunctuation, "$.total")).isZero();
		String kind = json(get("/api/search").param("q", "驿站").param("kind", "site").with(httpBasic("admin", PASSWORD)));
		assertThat(JsonPath.<List<String>>read(kind, "$.results[*].kind")).isNotEmpty().allMatch("SITE"::equals);
	}

	@Test
	void aWithdrawnArticleLeavesThePublicSearchAndAnActivityDraftIsForStaff() throws Exception {
		// The plenary's report: its kicker (引题) names the meeting, its headline the year's sites.
		String headline = "今年将建3个公共区域职工之家 50个户外劳动者驿站";
		long articleId = jdbc.sql("select id from news_article where headline = :h").param("h", headline).query(Long.class).single();
		assertThat(titles(publicSearch("全体会议"), "ARTICLE")).contains(headline);
		List<String> links = JsonPath.read(publicSearch("全体会议"), "$.results[?(@.kind == 'ARTICLE')].link");
		assertThat(links).contains("/news/" + articleId);
		long activityId = jdbc.sql("select id from activity where title = '“五月的鲜花”职工歌咏比赛'").query(Long.class).single();
		String status = jdbc.sql("select status from activity where id = :id").param("id", activityId).query(String.class).single();
		try {
			mvc.perform(post("/api/articles/{id}/withdraw", articleId).with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"数据有误\"}")).andExpect(status().isOk());
			await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(publicSearch("全体会议"), "ARTICLE")).doesNotContain(headline));
			assertThat(titles(staff("admin", "全体会议"), "ARTICLE")).doesNotContain(headline);

			assertThat(titles(publicSearch("歌咏"), "COMPETITION")).contains("“五月的鲜花”职工歌咏比赛");
			touch("update activity set status = 'DRAFT' where id = :id", activityId);
			// Other tests of the run leave published competitions of their own ("职工歌咏比赛…"): only this one must go.
			await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(publicSearch("歌咏"), "COMPETITION")).doesNotContain("“五月的鲜花”职工歌咏比赛"));
			assertThat(titles(staff("yanqing", "歌咏"), "COMPETITION")).contains("“五月的鲜花”职工歌咏比赛");
			assertThat(titles(staff("fengtai", "歌咏"), "COMPETITION")).doesNotContain("“五月的鲜花”职工歌咏比赛");
		}
		finally {
			touch("update news_article set status = 'PUBLISHED', withdrawn_reason = null where id = :id", articleId);
			jdbc.sql("update activity set status = :s, updated_at = :at where id = :id").param("s", status).param("at", Timestamp.from(Instant.now()))
				.param("id", activityId).update();
		}
		await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(publicSearch("全体会议"), "ARTICLE")).contains(headline));
		await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(publicSearch("歌咏"), "COMPETITION")).contains("“五月的鲜花”职工歌咏比赛"));
	}

	@Test
	void anArticleIsFoundByItsBylinesNamesAndItsTags() throws Exception {
		// 盛丽 and 杜弘光 are credited on a report of the seed page ("本报记者 盛丽 通讯员 杜弘光 摄影报道"); the credit line is
		// a byline, not part of the body, so only the bylines make the article findable by their names.
		Map<String, Object> credited = jdbc.sql("select distinct a.id, a.headline, a.body from news_article a join news_byline b on b.article_id = a.id"
				+ " where b.name = '盛丽'").query().singleRow();
		long id = ((Number) credited.get("id")).longValue();
		String headline = (String) credited.get("headline");
		assertThat((String) credited.get("body")).doesNotContain("盛丽").doesNotContain("杜弘光");
		assertThat(titles(publicSearch("盛丽"), "ARTICLE")).contains(headline);
		assertThat(titles(staff("admin", "杜弘光"), "ARTICLE")).contains(headline);
		// A tag of the article's own, written straight into the table as another instance would, is found after the poll.
		assertThat(titles(publicSearch("萤火虫计划"), "ARTICLE")).doesNotContain(headline);
		try {
			jdbc.sql("insert into news_tag (article_id, tag) values (:a, '萤火虫计划')").param("a", id).update();
			touch("update news_article set version = version where id = :id", id);
			await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(publicSearch("萤火虫计划"), "ARTICLE")).contains(headline));
		}
		finally {
			jdbc.sql("delete from news_tag where article_id = :a and tag = '萤火虫计划'").param("a", id).update();
			touch("update news_article set version = version where id = :id", id);
		}
		await().atMost(SECONDS).untilAsserted(() -> assertThat(titles(publicSearch("萤火虫计划"), "ARTICLE")).doesNotContain(headline));
	}

	@Test
	void honoreesByNameTitleAndMixedDigitsAndActivitiesByOneCharacter() throws Exception {
		assertThat(titles(publicSearch("高凤林"), "HONOREE")).first().isEqualTo("高凤林");
		assertThat(titles(publicSearch("211厂"), "HONOREE")).contains("高凤林");
		assertThat(titles(publicSearch("大国工匠"), "HONOREE")).contains("高凤林");
		assertThat(titles(publicSearch("营"), "ACTIVITY")).anyMatch(t -> t.contains("培训营"));
		assertThat(titles(staff("chaoyang", "大篷车"), "ACTIVITY")).contains("心理关爱大篷车走进北京市陈经纶中学")
			.noneMatch(t -> t.contains("京东快递龙潭站"));
		// 梁志刚 belongs to 泛华集团工会 in 丰台: 朝阳 does not find him, 丰台 does.
		assertThat(titles(staff("fengtai", "梁志刚"), "HONOREE")).contains("梁志刚");
		assertThat(titles(staff("chaoyang", "梁志刚"), "HONOREE")).isEmpty();
	}
}
