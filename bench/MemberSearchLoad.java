import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency of GET /api/members?q=... through the API, one client, one request at a time, for the query
 * texts in a file (one per line, "kind<TAB>text"). Signs in once (form login, the session cookie is
 * reused: HTTP Basic would run BCrypt on every request). Prints p50/p95/p99/max per kind after a warm-up
 * of the first WARMUP lines (not measured).
 *
 * Usage: java MemberSearchLoad.java BASE_URL USER PASSWORD QUERIES_FILE WARMUP
 */
public class MemberSearchLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + args[1] + "&password=" + args[2] + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login failed: " + signedIn.statusCode());
		}
		List<String[]> queries = Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList();
		int warmup = Integer.parseInt(args[4]);
		for (String[] q : queries.subList(0, Math.min(warmup, queries.size()))) {
			call(http, base, q[1]);
		}
		java.util.Map<String, List<Long>> byKind = new java.util.LinkedHashMap<>();
		long hits = 0;
		for (String[] q : queries) {
			long start = System.nanoTime();
			String body = call(http, base, q[1]);
			long micros = (System.nanoTime() - start) / 1000;
			byKind.computeIfAbsent(q[0], k -> new ArrayList<>()).add(micros);
			hits += body.contains("\"totalElements\":0") ? 0 : 1;
		}
		List<Long> all = new ArrayList<>();
		System.out.printf("%-12s %6s %8s %8s %8s %8s%n", "query", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
		for (var e : byKind.entrySet()) {
			all.addAll(e.getValue());
			print(e.getKey(), e.getValue());
		}
		print("all", all);
		System.out.println("requests with at least one member found: " + hits + " of " + queries.size());
	}

	static String call(HttpClient http, String base, String q) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/members?size=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
			.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " for " + q);
		}
		return response.body();
	}

	static void print(String kind, List<Long> micros) {
		long[] s = micros.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%-12s %6d %8.1f %8.1f %8.1f %8.1f%n", kind, s.length, pct(s, 50), pct(s, 95), pct(s, 99), s[s.length - 1] / 1000.0);
	}

	static double pct(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1000.0;
	}
}
