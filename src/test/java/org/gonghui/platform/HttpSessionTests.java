package org.gonghui.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over real HTTP: error pages from the container's error dispatch (friendly, Chinese, leaking nothing)
 * and the database-backed session (a new id at login, gone at logout).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class HttpSessionTests {

	@LocalServerPort
	int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

	@Test
	void unknownPagesGetTheFriendly404() throws Exception {
		login("fengtai");
		HttpResponse<String> response = get("/no/such/page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("未找到", "返回首页").doesNotContainIgnoringCase("exception").doesNotContain("Whitelabel", "trace");
	}

	@Test
	void forbiddenPagesGetTheFriendly403() throws Exception {
		login("worker");
		HttpResponse<String> response = get("/organizations");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("无权访问").doesNotContainIgnoringCase("exception");
	}

	@Test
	void outOfScopeRecordsGetThe404Page() throws Exception {
		login("fengtai");
		HttpResponse<String> response = get("/organizations/99999999");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("不在您的管理范围内");
	}

	@Test
	void healthAndApiDocsAreOpen() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
		HttpResponse<String> docs = get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/organizations/{id}", "/api/employers");
	}

	@Test
	void loginIssuesANewSessionAndLogoutEndsIt() throws Exception {
		get("/login");
		String before = sessionCookie();
		assertThat(before).isNotNull();
		login("fengtai");
		String after = sessionCookie();
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(get("/organizations").statusCode()).isEqualTo(200);
		String page = get("/").body();
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		client.send(HttpRequest.newBuilder(uri("/logout")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get("/organizations").statusCode()).isEqualTo(302);
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.gonghui.platform.internal.AccountService accountService;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.security.core.userdetails.UserDetailsService userDetails;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void changingAnAccountEndsItsSessions() throws Exception {
		login("longtan");
		assertThat(get("/organizations").statusCode()).isEqualTo(200);
		var admin = userDetails.loadUserByUsername("admin");
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(admin, null,
				admin.getAuthorities()));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			long id = jdbc.sql("select id from account where username = 'longtan'").query(Long.class).single();
			accountService.resetPassword(id, "gonghui-demo");
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
		// The old session is gone: the next page asks for a login again.
		assertThat(get("/organizations").statusCode()).isEqualTo(302);
	}

	private String sessionCookie() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION")).map(java.net.HttpCookie::getValue)
			.findFirst().orElse(null);
	}

	private void login(String username) throws Exception {
		String page = get("/login").body();
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		String form = "username=" + username + "&password=gonghui-demo&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json").GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
