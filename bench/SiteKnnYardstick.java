import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Helper of bench/sites.sh (issue 4). Two modes:
 *
 *   points FILE N           N query points drawn like the sites (around 30 Chinese cities), as "lat lon" lines,
 *                           and FILE.lua for wrk (the same points, cycled)
 *   knn URL KIND THREADS SECONDS FILE
 *                           the yardstick: nearest-10 over JDBC with PostgreSQL's own KNN, KIND = point (SP-GiST on
 *                           point(lon, lat), planar degrees) or geography (PostGIS GiST, on the sphere); half the
 *                           queries unfiltered, half filtered (type + e-bike charging), as the HTTP run. Prints
 *                           queries/s and latency percentiles.
 *
 * Run with the PostgreSQL driver on the class path: java -cp postgresql.jar bench/SiteKnnYardstick.java ...
 */
public class SiteKnnYardstick {

	static final double[][] CITIES = { { 39.90, 116.40 }, { 31.23, 121.47 }, { 23.13, 113.26 }, { 22.54, 114.06 }, { 30.57, 104.07 },
			{ 29.56, 106.55 }, { 30.27, 120.16 }, { 34.27, 108.95 }, { 32.06, 118.80 }, { 30.59, 114.31 }, { 39.13, 117.20 },
			{ 41.80, 123.43 }, { 45.80, 126.53 }, { 43.82, 125.32 }, { 36.07, 120.38 }, { 36.65, 117.12 }, { 34.75, 113.63 },
			{ 28.23, 112.94 }, { 26.08, 119.30 }, { 24.48, 118.09 }, { 25.04, 102.71 }, { 26.65, 106.63 }, { 22.82, 108.37 },
			{ 20.04, 110.34 }, { 38.04, 114.51 }, { 37.87, 112.55 }, { 40.84, 111.75 }, { 36.06, 103.83 }, { 43.83, 87.62 },
			{ 29.65, 91.17 } };

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		switch (args[0]) {
			case "points" -> points(Path.of(args[1]), Integer.parseInt(args[2]));
			case "knn" -> knn(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static void points(Path file, int n) throws IOException {
		Random random = new Random(20261125);
		List<String> lines = new ArrayList<>();
		StringBuilder lua = new StringBuilder("points = {\n");
		for (int i = 0; i < n; i++) {
			double[] c = CITIES[random.nextInt(CITIES.length)];
			double lat = c[0] + random.nextGaussian() * 0.08;
			double lon = c[1] + random.nextGaussian() * 0.10;
			lines.add(String.format("%.6f %.6f", lat, lon));
			lua.append(String.format("{%.6f,%.6f},%n", lat, lon));
		}
		Files.write(file, lines);
		lua.append("}\n");
		// Every other request filtered: outdoor stations with e-bike charging, open now.
		lua.append("""
				counter = 0
				request = function()
				  counter = counter + 1
				  local p = points[(counter % #points) + 1]
				  local path = string.format("/api/sites/nearest?lat=%.6f&lon=%.6f&k=10", p[1], p[2])
				  if counter % 2 == 0 then
				    path = path .. "&type=OUTDOOR_WORKER_STATION&amenity=EBIKE_CHARGING&openNow=true"
				  end
				  return wrk.format("GET", path)
				end
				""");
		Files.writeString(Path.of(file + ".lua"), lua);
	}

	static void knn(String url, String kind, int threads, int seconds, Path file) throws Exception {
		List<double[]> points = Files.readAllLines(file).stream().map(l -> l.split(" "))
			.map(p -> new double[] { Double.parseDouble(p[0]), Double.parseDouble(p[1]) }).toList();
		String order = kind.equals("geography") ? "geog <-> cast(ST_SetSRID(ST_MakePoint(?, ?), 4326) as geography)"
				: "point(lon, lat) <-> point(?, ?)";
		String plain = "select id, name, type, lat, lon, amenities from site where status = 'OPEN' and is_public order by " + order + " limit 10";
		String filtered = "select id, name, type, lat, lon, amenities from site where status = 'OPEN' and is_public and type = 'OUTDOOR_WORKER_STATION'"
				+ " and (amenities & 8) = 8 order by " + order + " limit 10";
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		long warmupEnd = System.nanoTime() + 3_000_000_000L;
		AtomicLong counter = new AtomicLong();
		List<long[]> perThread = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long[] samples = new long[5_000_000];
			perThread.add(samples);
			int offset = t * 7919;
			Thread worker = new Thread(() -> {
				int n = 0;
				try (Connection c = DriverManager.getConnection(url); PreparedStatement a = c.prepareStatement(plain);
						PreparedStatement b = c.prepareStatement(filtered)) {
					for (int i = offset; System.nanoTime() < deadline; i++) {
						double[] p = points.get(i % points.size());
						PreparedStatement s = i % 2 == 0 ? b : a;
						s.setDouble(1, p[1]);
						s.setDouble(2, p[0]);
						long t0 = System.nanoTime();
						try (ResultSet rs = s.executeQuery()) {
							while (rs.next()) {
								rs.getLong(1);
								rs.getString(2);
							}
						}
						long took = System.nanoTime() - t0;
						if (t0 > warmupEnd && n < samples.length) {
							samples[n++] = took;
							counter.incrementAndGet();
						}
					}
				}
				catch (Exception e) {
					throw new RuntimeException(e);
				}
				samples[samples.length - 1] = n;
			});
			workers.add(worker);
			worker.start();
		}
		for (Thread w : workers) {
			w.join();
		}
		long total = counter.get();
		long[] all = new long[(int) total];
		int at = 0;
		for (long[] s : perThread) {
			int n = (int) s[s.length - 1];
			System.arraycopy(s, 0, all, at, n);
			at += n;
		}
		Arrays.sort(all);
		double measured = seconds - 3;
		System.out.printf("knn %s threads=%d: %.0f queries/s, p50 %.3f ms, p99 %.3f ms (%d queries)%n", kind, threads, total / measured,
				all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, total);
	}
}
