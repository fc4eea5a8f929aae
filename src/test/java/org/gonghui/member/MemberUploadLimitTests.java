package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A file over the upload limit, through the real servlet container (the limit is enforced while the
 * request is parsed, which MockMvc does not do): the API answers 413 with a problem detail, the page
 * sends the user back to the form with the limit spelled out (its script refuses such files before sending). Limit lowered to 1 MB for the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gonghui.import.max-file-size=1MB")
@ActiveProfiles({ "demo", "test" })
class MemberUploadLimitTests {

	private static final String BOUNDARY = "----gonghui-test-boundary";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

	private static byte[] multipart(String fileName, int size) {
		var out = new ByteArrayOutputStream();
		out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] line = "姓名,身份证号,用工形式\r\n".getBytes(StandardCharsets.UTF_8);
		for (int written = 0; written < size; written += line.length) {
			out.writeBytes(line);
		}
		out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	@Test
	void apiAnswers413WithTheLimit() throws Exception {
		// announced by Content-Length: refused before the body is read
		assertApi413(HttpRequest.BodyPublishers.ofByteArray(multipart("big.csv", 2 << 20)));
		// chunked, no length: refused by the container while parsing, answered by the advice
		assertApi413(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(multipart("big.csv", 2 << 20))));
	}

	private void assertApi413(HttpRequest.BodyPublisher body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/members/import"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("fengtai:gonghui-demo".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(body)
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"field\":\"file\"", "文件超过 1 MB，请拆分后分批导入");
	}

	@Test
	void pageReturnsToTheFormWithTheLimit() throws Exception {
		String login = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		String csrf = find(login, "name=\"_csrf\" value=\"([^\"]+)\"");
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=fengtai&password=gonghui-demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

		String form = http.send(HttpRequest.newBuilder(uri("/members/import")).build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(form).contains("data-max-bytes=\"1048576\"");
		HttpResponse<String> upload = http.send(HttpRequest.newBuilder(uri("/members/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart("big.csv", 2 << 20)))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(upload.statusCode()).isEqualTo(303);
		assertThat(upload.headers().firstValue("Location")).hasValue("/members/import?tooLarge=1");
		String page = http.send(HttpRequest.newBuilder(uri("/members/import?tooLarge=1")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.body();
		assertThat(page).contains("id=\"file-error\"", "文件超过 1 MB，请拆分后分批导入");
	}

	private static String find(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		assertThat(m.find()).as("%s in the page", regex).isTrue();
		return m.group(1);
	}
}
