package org.gonghui.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.employerId;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

/**
 * Tries to cross the data-scope rule through every door: pages, API, exports, guessed ids, missing
 * login, missing CSRF token. {@code fengtai} is staff of 丰台区总工会; 朝阳区总工会 is outside its scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class OrganizationDataScopeWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymousCallersGetTheLoginPageOr401() throws Exception {
		mvc.perform(get("/organizations")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/organizations")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/organizations/" + id(jdbc, "丰台区总工会"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/organizations/" + id(jdbc, "丰台区总工会") + "/export")).andExpect(status().isFound());
		mvc.perform(get("/api/organizations").with(httpBasic("fengtai", "wrong-password"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("登录工会服务平台")));
	}

	@Test
	void apiListsOnlyTheCallersSubtree() throws Exception {
		mvc.perform(get("/api/organizations").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(5))
			.andExpect(jsonPath("$.content[*].name", hasItem("六里桥街道总工会")))
			.andExpect(jsonPath("$.content[*].name", not(hasItem("朝阳区总工会"))))
			.andExpect(jsonPath("$.content[*].path", everyItem(startsWith("/1/3/"))))
			.andExpect(jsonPath("$.content[0].id").isNumber())
			.andExpect(jsonPath("$.content[0].level").exists())
			.andExpect(jsonPath("$.content[0].parentId").exists());
		mvc.perform(get("/api/organizations").param("q", "朝阳").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(get("/api/organizations").param("q", "朝阳").with(httpBasic("chaoyang", PASSWORD)))
			.andExpect(jsonPath("$.content[*].name", hasItem("朝阳区总工会")));
	}

	@Test
	void guessedIdsOutsideTheScopeLookExactlyLikeMissingOnes() throws Exception {
		long max = jdbc.sql("select max(id) from organization").query(Long.class).single();
		String fengtaiPath = jdbc.sql("select path from organization where name = '丰台区总工会'").query(String.class).single();
		String missingBody = mvc.perform(get("/api/organizations/" + (max + 1000)).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		for (long id = 1; id <= max + 3; id++) {
			String path = jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).optional().orElse(null);
			boolean visible = path != null && path.startsWith(fengtaiPath);
			var result = mvc.perform(get("/api/organizations/" + id).with(httpBasic("fengtai", PASSWORD)))
				.andExpect(status().is(visible ? 200 : 404)).andReturn();
			if (!visible) {
				assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
					.isEqualTo(missingBody.replace(String.valueOf(max + 1000), String.valueOf(id)));
			}
		}
	}

	@Test
	void apiWritesOutsideTheScopeAnswer404AndChangeNothing() throws Exception {
		long chaoyang = id(jdbc, "朝阳区总工会");
		mvc.perform(put("/api/organizations/" + chaoyang).with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"被篡改\",\"level\":\"DISTRICT\",\"type\":\"REGIONAL_FEDERATION\"}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/organizations/" + chaoyang + "/move").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + id(jdbc, "丰台区总工会") + "}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/organizations").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + chaoyang + ",\"name\":\"越界\",\"level\":\"GRASSROOTS\",\"type\":\"WORKPLACE_UNION\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parentId"));
		mvc.perform(get("/api/employers/" + employerId(jdbc, "北京市陈经纶中学")).with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/employers").param("organizationId", String.valueOf(chaoyang)).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select name from organization where id = :id").param("id", chaoyang).query(String.class).single()).isEqualTo("朝阳区总工会");
		assertThat(jdbc.sql("select count(*) from organization where name in ('被篡改', '越界')").query(Long.class).single()).isZero();
	}

	@Test
	@WithUserDetails("fengtai")
	void pagesOutsideTheScopeAnswer404() throws Exception {
		long chaoyang = id(jdbc, "朝阳区总工会");
		for (String url : List.of("/organizations/" + chaoyang, "/organizations/" + chaoyang + "/edit", "/organizations/" + chaoyang + "/move",
				"/organizations/" + chaoyang + "/children", "/organizations/" + chaoyang + "/export", "/organizations/new?parentId=" + chaoyang,
				"/employers/" + employerId(jdbc, "北京市陈经纶中学"), "/employers?organizationId=" + chaoyang,
				"/employers/export?organizationId=" + chaoyang, "/organizations/abc")) {
			mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("Exception"))));
		}
		mvc.perform(post("/organizations/" + chaoyang).with(csrf()).param("name", "被篡改").param("level", "DISTRICT").param("type", "REGIONAL_FEDERATION"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/organizations/" + chaoyang + "/move").with(csrf()).param("parentId", String.valueOf(id(jdbc, "丰台区总工会"))))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select name from organization where id = :id").param("id", chaoyang).query(String.class).single()).isEqualTo("朝阳区总工会");
	}

	@Test
	@WithUserDetails("fengtai")
	void exportsHoldOnlyTheScopeAndAreAudited() throws Exception {
		String csv = mvc.perform(get("/employers/export")).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("泛华集团", "美团外卖丰台站点").doesNotContain("良苑餐厅", "陈经纶");
		String orgs = mvc.perform(get("/organizations/" + id(jdbc, "丰台区总工会") + "/export")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(orgs).contains("六里桥街道总工会").doesNotContain("朝阳");
		assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'fengtai' and action in ('employer.export', 'organization.export')")
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	@WithUserDetails("fengtai")
	void formsNeedTheCsrfToken() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		mvc.perform(post("/organizations").param("parentId", String.valueOf(fengtai)).param("name", "无令牌工会").param("level", "GRASSROOTS")
			.param("type", "WORKPLACE_UNION")).andExpect(status().isForbidden());
		mvc.perform(post("/api/organizations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + fengtai + ",\"name\":\"会话无令牌\",\"level\":\"GRASSROOTS\",\"type\":\"WORKPLACE_UNION\"}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from organization where name in ('无令牌工会', '会话无令牌')").query(Long.class).single()).isZero();
		mvc.perform(post("/organizations").with(csrf()).param("parentId", String.valueOf(fengtai)).param("name", "有令牌工会")
			.param("level", "GRASSROOTS").param("type", "WORKPLACE_UNION")).andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/organizations/*"));
	}

	@Test
	void scriptsUseBasicAuthWithoutCsrf() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		mvc.perform(post("/api/organizations").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + fengtai + ",\"name\":\"脚本创建工会\",\"level\":\"GRASSROOTS\",\"type\":\"WORKPLACE_UNION\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/organizations/")))
			.andExpect(jsonPath("$.path", startsWith("/1/3/")));
	}

	@Test
	void apiRejectsBadInputWithAFieldList() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long before = jdbc.sql("select count(*) from organization").query(Long.class).single();
		mvc.perform(post("/api/organizations").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + fengtai + ",\"name\":\"\",\"level\":\"GRASSROOTS\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.title").value("请求有误"))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(hasItem("必填")))
			.andExpect(jsonPath("$.errors[?(@.field == 'type')].message").value(hasItem("必填")));
		mvc.perform(post("/api/organizations").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parentId\":" + fengtai + ",\"name\":\"x\",\"level\":\"EMPEROR\",\"type\":\"WORKPLACE_UNION\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/organizations").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/organizations/abc").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(post("/api/employers").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"某公司\",\"creditCode\":\"914403001922038217\",\"ownership\":\"PRIVATE\",\"headcount\":5,\"organizationId\":" + fengtai + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("creditCode"))
			.andExpect(jsonPath("$.errors[0].message", containsString("统一社会信用代码无效")));
		assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	@WithUserDetails("fengtai")
	void pagesShowValidationMessagesInChineseAndEscapeHtml() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		mvc.perform(post("/organizations").with(csrf()).param("parentId", String.valueOf(fengtai)).param("name", "")
			.param("level", "NOT_A_LEVEL").param("type", "WORKPLACE_UNION"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("必填")))
			.andExpect(content().string(containsString("格式不正确")));
		String evil = "<img src=x onerror=alert(1)>";
		String location = mvc.perform(post("/organizations").with(csrf()).param("parentId", String.valueOf(fengtai)).param("name", evil)
			.param("level", "GRASSROOTS").param("type", "WORKPLACE_UNION")).andExpect(status().isFound())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location)).andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
			.andExpect(content().string(not(containsString(evil))));
	}

	@Test
	@WithUserDetails("worker")
	void workersCannotOpenStaffPages() throws Exception {
		// The friendly 403 page itself is rendered by the container's error dispatch: see ErrorPagesHttpTests.
		mvc.perform(get("/organizations").accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
		mvc.perform(get("/api/organizations")).andExpect(status().isForbidden());
		mvc.perform(get("/accounts")).andExpect(status().isForbidden());
		mvc.perform(get("/audit")).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("fengtai")
	void pagesCarryTheSecurityHeaders() throws Exception {
		mvc.perform(get("/organizations"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(not(containsString(" style=\""))));
	}

	@Test
	@WithUserDetails("fengtai")
	void htmxGetsFragmentsNotWholePages() throws Exception {
		mvc.perform(get("/organizations/" + id(jdbc, "丰台区总工会") + "/children"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("六里桥街道总工会")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/organizations").param("q", "六里").header("HX-Request", "true"))
			.andExpect(content().string(containsString("六里桥街道总工会")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/organizations").param("q", "朝阳").header("HX-Request", "true"))
			.andExpect(content().string(containsString("暂无记录")));
	}

	@Test
	void switchesToEnglishAndRemembersIt() throws Exception {
		var result = mvc.perform(get("/login").param("lang", "en")).andExpect(content().string(containsString("Log in to Gonghui"))).andReturn();
		var cookie = result.getResponse().getCookie("GONGHUI_LANG");
		assertThat(cookie).isNotNull();
		mvc.perform(get("/login").cookie(cookie)).andExpect(content().string(containsString("Log in to Gonghui")));
		mvc.perform(get("/login").header("Accept-Language", "en-US")).andExpect(content().string(containsString("登录工会服务平台")));
	}

	@Test
	void loginRedirectsHomeAndLogoutEndsTheSession() throws Exception {
		// Session fixation is checked over real HTTP with the database-backed session: see HttpSessionTests.
		var login = mvc.perform(post("/login").with(csrf()).param("username", "fengtai").param("password", PASSWORD))
			.andExpect(status().isFound()).andExpect(redirectedUrl("/")).andReturn();
		mvc.perform(post("/logout").session((org.springframework.mock.web.MockHttpSession) login.getRequest().getSession()).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
		mvc.perform(post("/login").with(csrf()).param("username", "fengtai").param("password", "nope"))
			.andExpect(redirectedUrl("/login?error"));
	}
}
