import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Helper of bench/activity-rush.sh (issue 5): the sign-up rush over HTTP.
 *
 *   java bench/ActivityRush.java ACTIVITY FIRST_MEMBER MEMBERS CLIENTS COOKIE CSRF URL [URL ...]
 *
 * Every member from FIRST_MEMBER to FIRST_MEMBER + MEMBERS - 1 registers twice (a double click: the two
 * attempts are queued next to each other, so different clients send them at nearly the same time);
 * CLIENTS threads take attempts from the queue and POST /api/activities/{id}/registrations with the
 * staff session; with several URLs the attempts alternate between the instances. Prints attempts/s,
 * latency percentiles and the status codes.
 */
public class ActivityRush {

	public static void main(String[] args) throws Exception {
		long activity = Long.parseLong(args[0]);
		long first = Long.parseLong(args[1]);
		int members = Integer.parseInt(args[2]);
		int clients = Integer.parseInt(args[3]);
		String cookie = args[4];
		String csrf = args[5];
		List<String> urls = Arrays.asList(args).subList(6, args.length);
		List<Long> attempts = new ArrayList<>();
		List<Long> order = new ArrayList<>();
		for (long m = first; m < first + members; m++) {
			order.add(m);
		}
		Collections.shuffle(order, new Random(5));
		for (Long m : order) {
			attempts.add(m);
			attempts.add(m);
		}
		ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(attempts);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
		long[] latencies = new long[attempts.size()];
		AtomicInteger done = new AtomicInteger();
		AtomicInteger[] codes = new AtomicInteger[600];
		for (int i = 0; i < codes.length; i++) {
			codes[i] = new AtomicInteger();
		}
		AtomicInteger turn = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < clients; t++) {
			Thread thread = new Thread(() -> {
				Long member;
				while ((member = queue.poll()) != null) {
					String base = urls.get(Math.floorMod(turn.getAndIncrement(), urls.size()));
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/activities/" + activity + "/registrations"))
						.header("Content-Type", "application/json")
						.header("Cookie", cookie)
						.header("X-CSRF-TOKEN", csrf)
						.POST(HttpRequest.BodyPublishers.ofString("{\"memberId\":" + member + "}"))
						.build();
					long t0 = System.nanoTime();
					int code;
					try {
						code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
					}
					catch (Exception e) {
						code = 599;
					}
					latencies[done.getAndIncrement()] = System.nanoTime() - t0;
					codes[code].incrementAndGet();
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] sorted = Arrays.copyOf(latencies, done.get());
		Arrays.sort(sorted);
		StringBuilder statuses = new StringBuilder();
		for (int i = 0; i < codes.length; i++) {
			if (codes[i].get() > 0) {
				statuses.append(' ').append(i).append('×').append(codes[i].get());
			}
		}
		System.out.printf("rush: %d attempts by %d clients on %d instance(s) in %.1f s = %.0f attempts/s; p50 %.1f ms, p99 %.1f ms;%s%n",
				sorted.length, clients, urls.size(), seconds, sorted.length / seconds, sorted[sorted.length / 2] / 1e6,
				sorted[(int) (sorted.length * 0.99)] / 1e6, statuses);
	}
}
