package org.gonghui.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Instant;
import java.sql.Timestamp;

import org.gonghui.TestOrganizations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * The correspondents' points (通讯员积分) against a hand count over articles of 2019 (no demo article is that
 * old): published ones only, in the period, per organisation subtree, inside the caller's scope; a period that
 * ends before it starts and an organisation outside the scope are 400; the page sorts and the .xlsx is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class ContributorWebTests {

	private static final String PERIOD = "from=2019-01-01&to=2019-12-31";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void articles() {
		// 六里桥 (under 丰台): published in March with 测甲 通讯员 and 测乙 记者.
		article("六里桥街道总工会", "PUBLISHED", "2019-03-01", new String[] { "CORRESPONDENT", "测甲" }, new String[] { "REPORTER", "测乙" });
		// 朝阳: published in May, 测甲 both 通讯员 and 摄影.
		article("朝阳区总工会", "PUBLISHED", "2019-05-01", new String[] { "CORRESPONDENT", "测甲" }, new String[] { "PHOTOGRAPHER", "测甲" });
		// Not counted: a draft, a withdrawn one and one published the day before the period.
		article("六里桥街道总工会", "DRAFT", null, new String[] { "CORRESPONDENT", "测甲" });
		article("六里桥街道总工会", "WITHDRAWN", "2019-06-01", new String[] { "CORRESPONDENT", "测甲" });
		article("六里桥街道总工会", "PUBLISHED", "2018-12-31", new String[] { "REPORTER", "测乙" });
	}

	@Test
	void countsMatchTheHandCountInScope() throws Exception {
		api("beijing", "/api/articles/contributors?" + PERIOD + "&size=200").andExpect(status().isOk())
			.andExpect(jsonPath("$.articles").value(2))
			.andExpect(jsonPath("$.contributors.totalElements").value(3))
			.andExpect(jsonPath("$.contributors.content[0].role").value("CORRESPONDENT")).andExpect(jsonPath("$.contributors.content[0].articles").value(2))
			.andExpect(jsonPath("$.contributors.content[1].role").value("REPORTER")).andExpect(jsonPath("$.contributors.content[1].articles").value(1))
			.andExpect(jsonPath("$.contributors.content[2].role").value("PHOTOGRAPHER")).andExpect(jsonPath("$.contributors.content[2].articles").value(1));
		// 丰台 sees 六里桥's article only; narrowed to 六里桥 the same; 朝阳 sees its own.
		api("fengtai", "/api/articles/contributors?" + PERIOD + "&size=200")
			.andExpect(jsonPath("$.articles").value(1)).andExpect(jsonPath("$.contributors.totalElements").value(2))
			.andExpect(jsonPath("$.contributors.content[?(@.role == 'PHOTOGRAPHER')]").isEmpty());
		api("fengtai", "/api/articles/contributors?" + PERIOD + "&organizationId=" + id(jdbc, "六里桥街道总工会"))
			.andExpect(jsonPath("$.articles").value(1)).andExpect(jsonPath("$.contributors.totalElements").value(2))
			.andExpect(jsonPath("$.contributors.content[0].role").value("REPORTER"));
		api("chaoyang", "/api/articles/contributors?" + PERIOD + "&organizationId=" + id(jdbc, "朝阳区总工会") + "&sort=ROLE")
			.andExpect(jsonPath("$.articles").value(1)).andExpect(jsonPath("$.contributors.content[0].role").value("CORRESPONDENT"))
			.andExpect(jsonPath("$.contributors.content[1].role").value("PHOTOGRAPHER"));
	}

	@Test
	void anotherDistrictAndABadPeriodAre400() throws Exception {
		api("fengtai", "/api/articles/contributors?" + PERIOD + "&organizationId=" + id(jdbc, "朝阳区总工会")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organizationId"));
		api("fengtai", "/api/articles/contributors?from=2019-12-31&to=2019-01-01").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		api("fengtai", "/api/articles/contributors?from=2000-01-01&to=2019-01-01").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		api("fengtai", "/api/articles/contributors?from=2019-02-30").andExpect(status().isBadRequest());
		api("worker", "/api/articles/contributors").andExpect(status().isForbidden());
	}

	@Test
	void thePageSortsAndTheWorkbookIsAudited() throws Exception {
		page("fengtai", "/articles/contributors?" + PERIOD + "&sort=NAME").andExpect(status().isOk())
			.andExpect(content().string(containsString("测甲"))).andExpect(content().string(containsString("contributors.xlsx")));
		long audits = TestOrganizations.count(jdbc, "audit_entry");
		byte[] xlsx = page("fengtai", "/articles/contributors.xlsx?" + PERIOD).andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).andReturn().getResponse()
			.getContentAsByteArray();
		assertThat(xlsx).startsWith('P', 'K');
		assertThat(TestOrganizations.count(jdbc, "audit_entry")).isEqualTo(audits + 1);
	}

	private ResultActions api(String user, String path) throws Exception {
		return mvc.perform(get(path).with(httpBasic(user, "gonghui-demo")));
	}

	private ResultActions page(String user, String path) throws Exception {
		return mvc.perform(get(path).with(user(users.loadUserByUsername(user))));
	}

	private void article(String org, String status, String on, String[]... bylines) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into news_article (organization_id, headline, body, status, published_on, created_by, created_at, updated_at)"
				+ " values (:o, '测试稿件', '<p>x</p>', :s, :on, 'test', :now, :now)").param("o", id(jdbc, org)).param("s", status)
			.param("on", on == null ? null : Date.valueOf(on)).param("now", now).update();
		long id = jdbc.sql("select max(id) from news_article").query(Long.class).single();
		for (int i = 0; i < bylines.length; i++) {
			jdbc.sql("insert into news_byline (article_id, position, role, name) values (:a, :p, :r, :n)").param("a", id).param("p", i)
				.param("r", bylines[i][0]).param("n", bylines[i][1]).update();
		}
	}
}
