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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The database session store: a session's row is not rewritten for every access (the last access is
 * recorded once it is {@code gonghui.session.touch-interval}, one minute, old; the times are set
 * explicitly, nothing here waits), and a signed-in session works over real HTTP as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class SessionStoreTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

	@Autowired
	org.springframework.session.FindByIndexNameSessionRepository<? extends org.springframework.session.Session> sessions;

	@Test
	void theStoredLastAccessMovesOnlyAfterTheInterval() {
		@SuppressWarnings("unchecked")
		var repository = (org.springframework.session.FindByIndexNameSessionRepository<org.springframework.session.Session>) sessions;
		java.time.Instant login = java.time.Instant.now().minusSeconds(600);
		var session = repository.createSession();
		session.setLastAccessedTime(login);
		session.setAttribute("probe", "x");
		repository.save(session);
		String id = session.getId();
		assertThat(lastAccess(id)).isEqualTo(login.toEpochMilli());

		var again = repository.findById(id);
		again.setLastAccessedTime(login.plusSeconds(59));
		repository.save(again);
		assertThat(lastAccess(id)).isEqualTo(login.toEpochMilli());

		var later = repository.findById(id);
		later.setLastAccessedTime(login.plusSeconds(60));
		repository.save(later);
		assertThat(lastAccess(id)).isEqualTo(login.plusSeconds(60).toEpochMilli());
		assertThat(repository.findById(id).<String>getAttribute("probe")).isEqualTo("x");
		repository.deleteById(id);
		assertThat(repository.findById(id)).isNull();
	}

	@Test
	void aSignedInSessionServesPagesAndTheApi() throws Exception {
		login("fengtai");
		String id = sessionCookie();
		String csrf = csrfToken(get("/").body());
		for (int i = 0; i < 3; i++) {
			assertThat(get("/organizations").statusCode()).isEqualTo(200);
			HttpResponse<String> api = client.send(HttpRequest.newBuilder(uri("/api/organizations?q=" + URLEncoder.encode("丰台", StandardCharsets.UTF_8)))
				.header("X-CSRF-TOKEN", csrf).GET().build(), HttpResponse.BodyHandlers.ofString());
			assertThat(api.statusCode()).isEqualTo(200);
		}
		assertThat(sessionCookie()).isEqualTo(id);
		// The cookie carries the session id in base64 (Spring Session's default cookie serializer).
		String sessionId = new String(java.util.Base64.getDecoder().decode(id), StandardCharsets.UTF_8);
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", sessionId).query(Long.class).single())
			.isEqualTo(1);
	}

	private long lastAccess(String sessionId) {
		return jdbc.sql("select last_access_time from spring_session where session_id = :id").param("id", sessionId).query(Long.class).single();
	}

	private String sessionCookie() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION")).map(java.net.HttpCookie::getValue)
			.findFirst().orElse(null);
	}

	private static String csrfToken(String page) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private void login(String username) throws Exception {
		String form = "username=" + username + "&password=gonghui-demo&_csrf=" + URLEncoder.encode(csrfToken(get("/login").body()), StandardCharsets.UTF_8);
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json").GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
