import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helper of bench/activity-rush.sh (issue 5): the sign-up rush over HTTP.
 *
 *   java bench/ActivityRush.java [--warmup ID,ID,...] ACTIVITY FIRST_MEMBER MEMBERS CLIENTS COOKIE CSRF URL [URL ...]
 *
 * Every member from FIRST_MEMBER to FIRST_MEMBER + MEMBERS - 1 registers twice (a double click: the two
 * attempts are queued next to each other, so different clients send them at nearly the same time);
 * CLIENTS threads take attempts from the queue and POST /api/activities/{id}/registrations with the
 * staff session, each over its own kept-alive connection (see {@link Connection}); with several URLs the attempts alternate between the instances. The same rush runs
 * first on each warm-up activity, in this JVM, so that neither the application's nor this client's JIT
 * is still compiling during the measured rush. Prints attempts/s, latency percentiles and status codes,
 * then what the answers show:
 *
 * - idempotent: both attempts of a member were answered with the same registration;
 * - arrival order: registration ids follow real time. If the answer for registration X was received
 *   before any attempt of member Y was sent, X arrived first, and its id must be the smaller one (the
 *   waitlist serves by id). Attempts in flight at the same time have no order to keep;
 * - seats by arrival: no member got a seat with an attempt sent after another member's WAITLISTED answer
 *   had been received (nobody cancels during the rush, so a full activity stays full).
 *
 * The exit status is 1 if any of these fails or any attempt was not answered 200 or 201.
 */
public class ActivityRush {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
	private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");

	/** One attempt: member, when it was sent and answered (nanoTime), the HTTP status, the registration's id and status. */
	record Attempt(long member, long sent, long done, int code, long id, String status) {
	}

	public static void main(String[] args) throws Exception {
		List<String> rest = new ArrayList<>(Arrays.asList(args));
		List<Long> warmups = new ArrayList<>();
		if (rest.get(0).equals("--warmup")) {
			for (String id : rest.get(1).split(",")) {
				if (!id.isBlank()) {
					warmups.add(Long.parseLong(id));
				}
			}
			rest = rest.subList(2, rest.size());
		}
		long activity = Long.parseLong(rest.get(0));
		long first = Long.parseLong(rest.get(1));
		int members = Integer.parseInt(rest.get(2));
		int clients = Integer.parseInt(rest.get(3));
		String cookie = rest.get(4);
		String csrf = rest.get(5);
		List<String> urls = rest.subList(6, rest.size());
		for (long warmup : warmups) {
			long start = System.nanoTime();
			List<Attempt> done = rush(warmup, first, members, clients, cookie, csrf, urls);
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("warm-up: %d attempts in %.1f s = %.0f attempts/s%n", done.size(), seconds, done.size() / seconds);
		}
		System.out.println("warm-up done; measuring");
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		long cpu = os.getProcessCpuTime();
		long start = System.nanoTime();
		List<Attempt> done = rush(activity, first, members, clients, cookie, csrf, urls);
		double seconds = (System.nanoTime() - start) / 1e9;
		cpu = os.getProcessCpuTime() - cpu;
		long[] latencies = done.stream().mapToLong(a -> a.done() - a.sent()).sorted().toArray();
		Map<Integer, Integer> codes = new java.util.TreeMap<>();
		done.forEach(a -> codes.merge(a.code(), 1, Integer::sum));
		StringBuilder statuses = new StringBuilder();
		codes.forEach((code, n) -> statuses.append(' ').append(code).append('×').append(n));
		System.out.printf("rush: %d attempts by %d clients on %d instance(s) in %.1f s = %.0f attempts/s; p50 %.1f ms, p99 %.1f ms;%s;"
				+ " client CPU %.1f s%n", done.size(), clients, urls.size(), seconds, done.size() / seconds, latencies[latencies.length / 2] / 1e6,
				latencies[(int) (latencies.length * 0.99)] / 1e6, statuses, cpu / 1e9);
		boolean ok = check(done);
		System.exit(ok && codes.keySet().stream().allMatch(c -> c == 200 || c == 201) ? 0 : 1);
	}

	static List<Attempt> rush(long activity, long first, int members, int clients, String cookie, String csrf, List<String> urls)
			throws InterruptedException {
		List<Long> order = new ArrayList<>();
		for (long m = first; m < first + members; m++) {
			order.add(m);
		}
		Collections.shuffle(order, new Random(5));
		ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>();
		for (Long m : order) {
			queue.add(m);
			queue.add(m);
		}
		ConcurrentLinkedQueue<Attempt> done = new ConcurrentLinkedQueue<>();
		AtomicInteger turn = new AtomicInteger();
		AtomicInteger reported = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < clients; t++) {
			Thread thread = new Thread(() -> {
				Map<String, Connection> connections = new HashMap<>();
				Long member;
				while ((member = queue.poll()) != null) {
					String base = urls.get(Math.floorMod(turn.getAndIncrement(), urls.size()));
					String path = "/api/activities/" + activity + "/registrations";
					String json = "{\"memberId\":" + member + "}";
					long sent = System.nanoTime();
					int code;
					String body = "";
					try {
						Connection connection = connections.computeIfAbsent(base, Connection::new);
						String[] answer = connection.post(path, cookie, csrf, json);
						code = Integer.parseInt(answer[0]);
						body = answer[1];
						if (connection.closing) {
							connections.remove(base).close();
						}
					}
					catch (Exception e) {
						Connection broken = connections.remove(base);
						if (broken != null) {
							broken.close();
						}
						code = 599;
						body = e.toString();
					}
					long answered = System.nanoTime();
					if (code != 200 && code != 201 && reported.incrementAndGet() <= 5) {
						System.err.println("member " + member + ": " + code + " " + body);
					}
					Matcher id = ID.matcher(body);
					Matcher status = STATUS.matcher(body);
					done.add(new Attempt(member, sent, answered, code, id.find() ? Long.parseLong(id.group(1)) : -1,
							status.find() ? status.group(1) : "?"));
				}
				connections.values().forEach(Connection::close);
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return new ArrayList<>(done);
	}

	/** What the answers alone show (see the class comment); prints one line. */
	static boolean check(List<Attempt> attempts) {
		// Per member: the registration both attempts were answered with, and when it existed at the latest
		// (the earliest answer naming it) and at the earliest (the first attempt of that member was sent).
		Map<Long, Long> idOf = new HashMap<>();
		Map<Long, String> statusOf = new HashMap<>();
		Map<Long, Long> firstSent = new HashMap<>();
		Map<Long, Long> firstAnswer = new HashMap<>();
		int notIdempotent = 0;
		for (Attempt a : attempts) {
			if (a.code() != 200 && a.code() != 201) {
				continue;
			}
			Long known = idOf.putIfAbsent(a.member(), a.id());
			if (known != null && known != a.id()) {
				notIdempotent++;
			}
			statusOf.putIfAbsent(a.member(), a.status());
			firstSent.merge(a.member(), a.sent(), Math::min);
			firstAnswer.merge(a.member(), a.done(), Math::min);
		}
		for (Attempt a : attempts) {
			firstSent.merge(a.member(), a.sent(), Math::min);
		}
		List<Long> byAnswer = new ArrayList<>(idOf.keySet());
		byAnswer.sort(Comparator.comparingLong(firstAnswer::get));
		List<Long> bySent = new ArrayList<>(idOf.keySet());
		bySent.sort(Comparator.comparingLong(firstSent::get));
		// Sweep: members in order of their first attempt; before each, take in every registration answered
		// before that attempt was sent.
		int i = 0;
		long maxIdBefore = Long.MIN_VALUE;
		boolean waitlistedBefore = false;
		int ordered = 0;
		int outOfOrder = 0;
		int seatAfterWaitlist = 0;
		long registered = statusOf.values().stream().filter("REGISTERED"::equals).count();
		long waitlisted = statusOf.values().stream().filter("WAITLISTED"::equals).count();
		for (Long member : bySent) {
			long sent = firstSent.get(member);
			while (i < byAnswer.size() && firstAnswer.get(byAnswer.get(i)) < sent) {
				Long earlier = byAnswer.get(i++);
				maxIdBefore = Math.max(maxIdBefore, idOf.get(earlier));
				waitlistedBefore |= "WAITLISTED".equals(statusOf.get(earlier));
			}
			if (i > 0) {
				ordered++;
				if (idOf.get(member) <= maxIdBefore) {
					outOfOrder++;
				}
			}
			if (waitlistedBefore && "REGISTERED".equals(statusOf.get(member))) {
				seatAfterWaitlist++;
			}
		}
		System.out.printf("answers: %d members, %d REGISTERED, %d WAITLISTED; not idempotent %d; arrival order: %d of %d registrations"
				+ " came after others had been answered, %d of them with a smaller id; seats after a WAITLISTED answer %d%n",
				idOf.size(), registered, waitlisted, notIdempotent, ordered, idOf.size(), outOfOrder, seatAfterWaitlist);
		return notIdempotent == 0 && outOfOrder == 0 && seatAfterWaitlist == 0;
	}

	/**
	 * One kept-alive HTTP/1.1 connection: the request written in one piece, the answer read by its
	 * Content-Length (or chunks). A load generator as light as the client pgbench is for the database, so
	 * that the two cores go to the application rather than to the client (Java's HttpClient cost the client
	 * about as much CPU per request as the application's own work).
	 */
	static final class Connection {

		private final String host;
		private final java.net.Socket socket;
		private final java.io.InputStream in;
		private final java.io.OutputStream out;
		/** The server said it closes the connection after this answer (Tomcat does every 100 requests). */
		boolean closing;

		Connection(String base) {
			try {
				URI uri = URI.create(base);
				this.host = uri.getHost() + ":" + uri.getPort();
				this.socket = new java.net.Socket(uri.getHost(), uri.getPort());
				socket.setTcpNoDelay(true);
				socket.setSoTimeout(60_000);
				this.in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
				this.out = socket.getOutputStream();
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}

		/** Status code and body. */
		String[] post(String path, String cookie, String csrf, String json) throws java.io.IOException {
			byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
					+ "Cookie: " + cookie + "\r\nX-CSRF-TOKEN: " + csrf + "\r\nContent-Length: " + body.length + "\r\n\r\n";
			byte[] headBytes = head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
			byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
			System.arraycopy(body, 0, request, headBytes.length, body.length);
			out.write(request);
			out.flush();
			String status = line();
			if (status == null) {
				throw new java.io.EOFException("connection closed");
			}
			int code = Integer.parseInt(status.split(" ")[1]);
			int length = -1;
			boolean chunked = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(header.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					closing = true;
				}
			}
			java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
			if (chunked) {
				for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
					content.write(in.readNBytes(size));
					line();
				}
				line();
			}
			else if (length > 0) {
				content.write(in.readNBytes(length));
			}
			return new String[] { String.valueOf(code), content.toString(java.nio.charset.StandardCharsets.UTF_8) };
		}

		private String line() throws java.io.IOException {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return c == -1 && line.length() == 0 ? null : line.toString();
		}

		void close() {
			try {
				socket.close();
			}
			catch (java.io.IOException e) {
				// closing anyway
			}
		}
	}
}
