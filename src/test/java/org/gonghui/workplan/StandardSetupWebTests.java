package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.count;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pages that set the assessment up: a checklist template (rows left blank are skipped, problems shown next to
 * the row they came from) and a yearly campaign over every union below a district; bad input answers 400 with
 * nothing stored, a union's chair may not, and nobody sets up for an organisation outside their scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class StandardSetupWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
		return request.with(user(users.loadUserByUsername(username))).with(csrf());
	}

	private long demoTemplate() {
		return jdbc.sql("select id from std_template where name = '丰台区基层工会规范化建设评估标准'").query(Long.class).single();
	}

	/**
	 * A good checklist of 40 points: row 1 of section 1 and the whole of section 2 are left blank; {@code changes}
	 * (name, value pairs) replace or add fields.
	 */
	private MockHttpServletRequestBuilder template(String username, String federation, String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("federationId", "" + id(jdbc, federation));
		fields.put("name", "街道试点评估标准");
		String[] stars = { "five", "four", "three", "two", "one" };
		for (int i = 0; i < stars.length; i++) {
			fields.put("stars." + stars[i], "" + (36 - 4 * i));
		}
		fields.put("sections[0].name", "组织建设");
		item(fields, "sections[0].items[0]", "取得工会法人资格", "10", "MANUAL", "", "", "");
		item(fields, "sections[0].items[1]", "", "", "MANUAL", "", "", "");
		item(fields, "sections[0].items[2]", "有主席账号", "10", "AT_LEAST", "chair-accounts", "", "1");
		fields.put("sections[1].name", "");
		item(fields, "sections[1].items[0]", "", "", "MANUAL", "", "", "");
		fields.put("sections[2].name", "会员发展");
		item(fields, "sections[2].items[0]", "会员占职工 80%", "20", "SHARE", "members-active", "employer-workers", "80");
		for (int i = 0; i + 1 < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = as(post("/standard/templates/new"), username);
		fields.forEach(request::param);
		return request;
	}

	private static void item(Map<String, String> fields, String row, String name, String points, String rule, String metric, String base,
			String threshold) {
		fields.put(row + ".name", name);
		fields.put(row + ".points", points);
		fields.put(row + ".rule", rule);
		fields.put(row + ".metric", metric);
		fields.put(row + ".baseMetric", base);
		fields.put(row + ".threshold", threshold);
	}

	private static Element fieldOf(Document page, String name) {
		return page.selectFirst("[name=\"" + name + "\"]");
	}

	/** The error paragraph in the same table cell or column as the field. */
	private static String errorNextTo(Document page, String name) {
		Element field = fieldOf(page, name);
		assertThat(field).as(name).isNotNull();
		assertThat(field.hasClass("invalid")).as(name + " marked").isTrue();
		Element error = field.parent().selectFirst(".field-error");
		return error == null ? "" : error.text();
	}

	@Test
	void staffFindTheFormsOnTheStandardPageAndAChairDoesNot() throws Exception {
		mvc.perform(get("/standard").with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("/standard/templates/new"))).andExpect(content().string(containsString("/standard/campaigns/new")))
			.andExpect(content().string(containsString("丰台区基层工会规范化建设评估标准</td>")));
		mvc.perform(get("/standard").with(user(users.loadUserByUsername("fanhua")))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/standard/templates/new"))));
		mvc.perform(get("/standard/templates/new").with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("星级分数线"))).andExpect(content().string(containsString("org-picker")));
		mvc.perform(get("/standard/campaigns/new").with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("丰台区基层工会规范化建设评估标准")))
			.andExpect(content().string(containsString("/api/organizations/picker?kind=DISTRICT")));
		mvc.perform(get("/standard/templates/new").with(user(users.loadUserByUsername("fanhua")))).andExpect(status().isForbidden());
		mvc.perform(get("/standard/campaigns/new").with(user(users.loadUserByUsername("fanhua")))).andExpect(status().isForbidden());
		mvc.perform(template("fanhua", "泛华集团工会")).andExpect(status().isForbidden());
	}

	@Test
	void aChecklistIsSavedWithoutItsBlankRowsAndAudited() throws Exception {
		mvc.perform(template("fengtai", "丰台区总工会")).andExpect(redirectedUrl("/standard"));
		long id = jdbc.sql("select id from std_template where name = '街道试点评估标准'").query(Long.class).single();
		assertThat(jdbc.sql("select total_points from std_template where id = :id").param("id", id).query(Integer.class).single()).isEqualTo(40);
		assertThat(jdbc.sql("select name || ' ' || points from std_section where template_id = :id order by position").param("id", id).query(String.class)
			.list()).containsExactly("组织建设 20", "会员发展 20");
		assertThat(jdbc.sql("select i.name || ' ' || i.rule from std_item i join std_section s on s.id = i.section_id where s.template_id = :id"
				+ " order by s.position, i.position").param("id", id).query(String.class).list())
			.containsExactly("取得工会法人资格 MANUAL", "有主席账号 AT_LEAST", "会员占职工 80% SHARE");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'standard.template.create' and target_id = :id").param("id", "" + id)
			.query(Long.class).single()).isOne();
		mvc.perform(get("/standard").with(user(users.loadUserByUsername("fengtai")))).andExpect(content().string(containsString("街道试点评估标准")));
	}

	@Test
	void aBadChecklistShowsEachProblemAtItsRowAndStoresNothing() throws Exception {
		long before = count(jdbc, "std_template");
		String html = mvc.perform(template("fengtai", "丰台区总工会", "stars.four", "99", "sections[2].items[0].threshold", "120",
			"sections[0].items[2].metric", "", "sections[3].name", "财务管理", "sections[3].items[4].name", "经费公开", "sections[3].items[4].points", "0",
			"sections[3].items[4].rule", "MANUAL")).andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		Document page = Jsoup.parse(html);
		// The rows keep their places on the form although the blank ones were not sent.
		assertThat(errorNextTo(page, "sections[2].items[0].threshold")).isEqualTo("比例应在 1% 至 100% 之间");
		assertThat(errorNextTo(page, "sections[0].items[2].metric")).isEqualTo("没有这个指标");
		assertThat(errorNextTo(page, "sections[3].items[4].points")).isEqualTo("每项分值应在 1 至 1000 之间");
		assertThat(page.selectFirst("#star-levels .field-error").text()).startsWith("星级分数线应从五星到一星依次降低");
		assertThat(fieldOf(page, "sections[2].items[0].name").val()).isEqualTo("会员占职工 80%");
		assertThat(count(jdbc, "std_template")).isEqualTo(before);
		// A number that is no number is refused before the service.
		mvc.perform(template("fengtai", "丰台区总工会", "sections[0].items[0].points", "十")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("格式不正确")));
		assertThat(count(jdbc, "std_template")).isEqualTo(before);
	}

	@Test
	void nobodySetsUpForAnOrganisationOutsideTheirScope() throws Exception {
		long templates = count(jdbc, "std_template");
		long campaigns = count(jdbc, "std_campaign");
		// 龙潭's staff (a street in 东城) for 丰台: refused next to the field, as if 丰台 did not exist.
		String html = mvc.perform(template("longtan", "丰台区总工会")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(html).selectFirst("#federationId-search").parent().parent().text()).contains("请选择范围内的地方总工会");
		mvc.perform(as(post("/standard/campaigns/new"), "longtan").param("templateId", "" + demoTemplate()).param("year", "" + (YEAR + 1))
			.param("districtId", "" + id(jdbc, "丰台区总工会"))).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择范围内的地方总工会"))).andExpect(content().string(containsString("没有这个评估标准")));
		// 朝阳's staff over their own district with 丰台's template: the template is not theirs to see.
		mvc.perform(as(post("/standard/campaigns/new"), "chaoyang").param("templateId", "" + demoTemplate()).param("year", "" + (YEAR + 1))
			.param("districtId", "" + id(jdbc, "朝阳区总工会"))).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("没有这个评估标准")));
		assertThat(count(jdbc, "std_template")).isEqualTo(templates);
		assertThat(count(jdbc, "std_campaign")).isEqualTo(campaigns);
	}

	@Test
	void aCampaignAssessesEveryUnionBelowTheDistrict() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		mvc.perform(as(post("/standard/campaigns/new"), "fengtai").param("templateId", "" + demoTemplate()).param("year", "" + (YEAR + 1))
			.param("districtId", "" + fengtai).param("name", "").param("startsOn", (YEAR + 1) + "-11-01").param("endsOn", (YEAR + 2) + "-01-15"))
			.andExpect(redirectedUrlPattern("/standard/campaigns/*"));
		long id = jdbc.sql("select id from std_campaign where district_id = :d and campaign_year = :y").param("d", fengtai).param("y", YEAR + 1)
			.query(Long.class).single();
		assertThat(jdbc.sql("select name from std_campaign where id = :id").param("id", id).query(String.class).single())
			.isEqualTo((YEAR + 1) + "年度基层工会规范化建设评估");
		List<String> assessed = jdbc.sql("select o.name from std_assessment a join organization o on o.id = a.union_id where a.campaign_id = :c")
			.param("c", id).query(String.class).list();
		List<String> below = jdbc.sql("select name from organization where path like :p and id <> :d and org_type <> 'REGIONAL_FEDERATION'")
			.param("p", jdbc.sql("select path from organization where id = :d").param("d", fengtai).query(String.class).single() + "%").param("d", fengtai)
			.query(String.class).list();
		assertThat(assessed).contains("泛华集团工会", "丰台区教育工会").doesNotContain("六里桥街道总工会").containsExactlyInAnyOrderElementsOf(below);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'standard.campaign.create' and target_id = :id").param("id", "" + id)
			.query(Long.class).single()).isOne();
		mvc.perform(get("/standard/campaigns/" + id).with(user(users.loadUserByUsername("fengtai"))))
			.andExpect(content().string(containsString((YEAR + 1) + "-11-01 至 " + (YEAR + 2) + "-01-15")));
	}

	@Test
	void aBadCampaignShowsItsProblemsAndStoresNothing() throws Exception {
		long before = count(jdbc, "std_campaign");
		// This year's campaign of 丰台 is the demo's; the dates run backwards.
		String html = mvc.perform(as(post("/standard/campaigns/new"), "fengtai").param("templateId", "" + demoTemplate()).param("year", "" + YEAR)
			.param("districtId", "" + id(jdbc, "丰台区总工会")).param("startsOn", YEAR + "-12-01").param("endsOn", YEAR + "-11-01"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(errorNextTo(page, "year")).isEqualTo("该组织 " + YEAR + " 年度的评估已经发起过了");
		assertThat(errorNextTo(page, "endsOn")).isEqualTo("截止日期不能早于开始日期");
		mvc.perform(as(post("/standard/campaigns/new"), "fengtai").param("year", "" + (YEAR + 1)).param("districtId", "")
			.param("startsOn", (YEAR + 1) + "-12-01")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("开始日期和截止日期要同时填写")));
		assertThat(count(jdbc, "std_campaign")).isEqualTo(before);
	}
}
