package org.gonghui.facility.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.internal.SiteIndex.Entry;
import org.gonghui.facility.internal.SiteIndex.Filter;
import org.gonghui.facility.internal.SiteIndex.Hit;
import org.gonghui.facility.internal.SiteIndex.WeeklySchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The index against a brute-force great-circle ranking (haversine on doubles) written here. */
class SiteIndexTests {

	private static final double R = 6_371_008.8;

	private static final double TOLERANCE_METERS = 1e-6;

	private static final int MONDAY_NOON = 12 * 60;

	/** Daily hours on the days in {@code days} (bit 0 Monday); {@code close <= open} runs past midnight. */
	record Hours(int open, int close, int days) implements WeeklySchedule {

		@Override
		public boolean isOpenAtMinuteOfWeek(int minuteOfWeek) {
			int day = minuteOfWeek / 1440, minute = minuteOfWeek % 1440;
			if (open < close) {
				return (days >>> day & 1) != 0 && minute >= open && minute < close;
			}
			return ((days >>> day & 1) != 0 && minute >= open) || ((days >>> ((day + 6) % 7) & 1) != 0 && minute < close);
		}
	}

	private static final List<WeeklySchedule> SCHEDULES = List.of(new Hours(0, 0, 0x7f), new Hours(8 * 60, 18 * 60, 0x1f),
			new Hours(22 * 60, 6 * 60, 0x7f), new Hours(9 * 60, 21 * 60, 0x60), new Hours(7 * 60, 19 * 60, 0x7f));

	static List<Integer> seeds() {
		List<Integer> seeds = new ArrayList<>();
		for (int seed = 0; seed < 50; seed++) {
			seeds.add(seed);
		}
		return seeds;
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void nearestEqualsBruteForceGreatCircleRanking(int seed) {
		var random = new Random(seed);
		int n = seed % 10 == 0 ? random.nextInt(20) : seed % 25 == 7 ? 20_000 : 100 + random.nextInt(seed % 3 == 0 ? 3000 : 600);
		List<Entry> entries = randomEntries(random, n, seed % 4);
		var index = new SiteIndex(8 + random.nextInt(300));
		// Some through a full load, the rest through writes (overlay and, past the limit, rebuilds).
		int loaded = random.nextInt(n + 1);
		index.replaceAll(entries.subList(0, loaded));
		for (Entry entry : entries.subList(loaded, n)) {
			assertThat(index.upsert(entry)).isTrue();
		}
		assertThat(index.size()).isEqualTo(n);
		for (int q = 0; q < 40; q++) {
			double[] query = randomPoint(random, seed % 4);
			int k = List.of(1, 5, 10, 50, n + 3).get(random.nextInt(5));
			Filter filter = randomFilter(random, seed % 5 == 0);
			int minute = random.nextInt(SiteIndex.MINUTES_PER_WEEK);
			assertMatchesBruteForce(index, entries, query[0], query[1], k, filter, minute);
		}
	}

	@Test
	void emptyIndex() {
		var index = new SiteIndex();
		assertThat(index.nearest(39.9, 116.4, 10, Filter.NONE, 0)).isEmpty();
		assertThat(index.size()).isZero();
		assertThat(index.stats()).isEqualTo(new SiteIndex.Stats(0, 0, 0, 0, 0));
		assertThat(index.remove(1, 1)).isFalse();
		index.compact();
		index.replaceAll(List.of());
		assertThat(index.nearest(-90, 180, 1, new Filter(SiteType.NURSING_ROOM, Amenity.WIFI.mask(), true), 10_079)).isEmpty();
	}

	@Test
	void rejectsBadArguments() {
		var index = new SiteIndex();
		assertThatThrownBy(() -> index.nearest(91, 0, 1, Filter.NONE, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> index.nearest(0, Double.NaN, 1, Filter.NONE, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> index.nearest(0, 0, -1, Filter.NONE, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> index.nearest(0, 0, 1, Filter.NONE, 10_080)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> entry(1, 1, 0, 181)).isInstanceOf(IllegalArgumentException.class);
		assertThat(index.nearest(0, 0, 0, Filter.NONE, 0)).isEmpty();
	}

	@Test
	void hitCarriesTheSite() {
		var index = new SiteIndex();
		WeeklySchedule office = new Hours(8 * 60, 18 * 60, 0x1f);
		long mask = Amenity.DRINKING_WATER.mask() | Amenity.EBIKE_CHARGING.mask() | 1L << 63;
		index.replaceAll(List.of(new Entry(7, "丰台区卢沟桥街道暖心驿站123", SiteType.OUTDOOR_WORKER_STATION, 39.8494, 116.2196, mask, office, 3)));
		Hit hit = index.nearest(39.8494, 116.2296, 1, Filter.NONE, MONDAY_NOON).get(0);
		assertThat(hit.id()).isEqualTo(7);
		assertThat(hit.name()).isEqualTo("丰台区卢沟桥街道暖心驿站123");
		assertThat(hit.type()).isEqualTo(SiteType.OUTDOOR_WORKER_STATION);
		assertThat(hit.lat()).isCloseTo(39.8494, within(1e-9));
		assertThat(hit.lon()).isCloseTo(116.2196, within(1e-9));
		assertThat(hit.distanceMeters()).isCloseTo(haversine(39.8494, 116.2296, 39.8494, 116.2196), within(1e-6));
		assertThat(hit.amenityMask()).isEqualTo(mask);
		assertThat(hit.openNow()).isTrue();
		assertThat(index.nearest(39.8494, 116.2296, 1, Filter.NONE, 5 * 1440 + MONDAY_NOON).get(0).openNow()).isFalse();
		assertThat(index.nearest(39.8494, 116.2296, 1, new Filter(null, 0, true), 5 * 1440 + MONDAY_NOON)).isEmpty();
		assertThat(index.nearest(39.8494, 116.2296, 1, new Filter(null, 1L << 63, false), 0)).hasSize(1);
		assertThat(index.nearest(39.8494, 116.2296, 1, new Filter(null, 1L << 62, false), 0)).isEmpty();
		assertThat(index.nearest(39.8494, 116.2296, 1, new Filter(SiteType.WORKERS_HOME, 0, false), 0)).isEmpty();
	}

	@Test
	void sitesWithoutHoursAreNeverOpen() {
		var index = new SiteIndex();
		index.replaceAll(List.of(new Entry(1, "a", SiteType.WORKERS_HOME, 30, 120, 0, null, 1)));
		assertThat(index.nearest(30, 120, 5, Filter.NONE, 0)).singleElement().extracting(Hit::openNow).isEqualTo(false);
		assertThat(index.nearest(30, 120, 5, new Filter(null, 0, true), 0)).isEmpty();
	}

	@Test
	void duplicateCoordinatesAreOrderedById() {
		var entries = new ArrayList<Entry>();
		for (int id = 500; id > 0; id--) {
			entries.add(entry(id, 1, 31.2304, 121.4737));
		}
		entries.add(entry(1000, 1, 31.2404, 121.4737));
		var index = new SiteIndex();
		index.replaceAll(entries);
		assertThat(index.nearest(31.2304, 121.4737, 5, Filter.NONE, 0)).extracting(Hit::id).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(index.nearest(31.2504, 121.4737, 3, Filter.NONE, 0)).extracting(Hit::id).containsExactly(1000L, 1L, 2L);
		// And the same through the overlay.
		index.upsert(entry(0, 1, 31.2304, 121.4737));
		assertThat(index.nearest(31.2304, 121.4737, 3, Filter.NONE, 0)).extracting(Hit::id).containsExactly(0L, 1L, 2L);
	}

	@Test
	void upsertReplacesOnlyWithNewerRevisions() {
		var index = new SiteIndex();
		index.replaceAll(List.of(entry(1, 5, 39.90, 116.40), entry(2, 5, 39.95, 116.40)));
		assertThat(index.upsert(entry(1, 4, 0, 0))).isFalse();
		assertThat(index.upsert(entry(1, 5, 0, 0))).isFalse();
		assertThat(index.nearest(39.90, 116.40, 1, Filter.NONE, 0)).extracting(Hit::id).containsExactly(1L);
		assertThat(index.upsert(entry(1, 6, 40.00, 116.40))).isTrue();
		assertThat(index.nearest(39.90, 116.40, 2, Filter.NONE, 0)).extracting(Hit::id).containsExactly(2L, 1L);
		assertThat(index.size()).isEqualTo(2);
		assertThat(index.stats()).isEqualTo(new SiteIndex.Stats(2, 1, 1, 0, 0));
		assertThat(index.upsert(entry(1, 6, 39.90, 116.40))).isFalse();
		assertThat(index.upsert(entry(3, 1, 39.90, 116.40))).isTrue();
		assertThat(index.nearest(39.90, 116.40, 5, Filter.NONE, 0)).extracting(Hit::id).containsExactly(3L, 2L, 1L);
		index.compact();
		assertThat(index.stats()).isEqualTo(new SiteIndex.Stats(3, 0, 0, 0, 0));
		assertThat(index.nearest(39.90, 116.40, 5, Filter.NONE, 0)).extracting(Hit::id).containsExactly(3L, 2L, 1L);
		assertThat(index.upsert(entry(1, 6, 0, 0))).isFalse();
	}

	@Test
	void removalIsRememberedSoThatAnOlderUpsertDoesNotResurrectTheSite() {
		var index = new SiteIndex();
		index.replaceAll(List.of(entry(1, 5, 39.90, 116.40), entry(2, 5, 39.95, 116.40)));
		assertThat(index.remove(1, 4)).isFalse();
		assertThat(index.size()).isEqualTo(2);
		assertThat(index.remove(1, 7)).isTrue();
		assertThat(index.size()).isEqualTo(1);
		assertThat(index.nearest(39.90, 116.40, 5, Filter.NONE, 0)).extracting(Hit::id).containsExactly(2L);
		assertThat(index.upsert(entry(1, 6, 39.90, 116.40))).isFalse();
		assertThat(index.upsert(entry(1, 7, 39.90, 116.40))).isFalse();
		index.compact();
		assertThat(index.upsert(entry(1, 6, 39.90, 116.40))).isFalse();
		// A full load from a read older than the removal does not bring it back either.
		index.replaceAll(List.of(entry(1, 6, 39.90, 116.40), entry(2, 5, 39.95, 116.40)));
		assertThat(index.nearest(39.90, 116.40, 5, Filter.NONE, 0)).extracting(Hit::id).containsExactly(2L);
		assertThat(index.upsert(entry(1, 8, 39.90, 116.40))).isTrue();
		assertThat(index.nearest(39.90, 116.40, 5, Filter.NONE, 0)).extracting(Hit::id).containsExactly(1L, 2L);
		assertThat(index.stats().removalsRemembered()).isZero();
		// Removal of a site first seen in the overlay, then of one never seen.
		assertThat(index.remove(1, 8)).isTrue();
		assertThat(index.upsert(entry(1, 8, 39.90, 116.40))).isFalse();
		assertThat(index.remove(9, 3)).isFalse();
		assertThat(index.upsert(entry(9, 2, 39.90, 116.40))).isFalse();
		assertThat(index.upsert(entry(9, 4, 39.90, 116.40))).isTrue();
		assertThat(index.nearest(39.90, 116.40, 5, Filter.NONE, 0)).extracting(Hit::id).containsExactly(9L, 2L);
		// A removal older than the site held does nothing.
		assertThat(index.remove(9, 3)).isFalse();
		assertThat(index.size()).isEqualTo(2);
	}

	@Test
	void fullLoadKeepsNewerHeldSitesAndTheHighestRevisionOfDuplicates() {
		var index = new SiteIndex();
		index.replaceAll(List.of(entry(1, 5, 39.90, 116.40)));
		index.upsert(entry(2, 9, 39.91, 116.40));
		index.replaceAll(List.of(entry(1, 9, 39.92, 116.40), entry(1, 4, 0, 0), entry(3, 1, 39.93, 116.40), entry(2, 8, 0, 0)));
		List<Hit> hits = index.nearest(39.90, 116.40, 5, Filter.NONE, 0);
		assertThat(hits).extracting(Hit::id).containsExactly(2L, 1L, 3L);
		assertThat(hits).extracting(Hit::lat).allSatisfy(lat -> assertThat(lat).isGreaterThan(39));
		index.replaceAll(List.of(entry(3, 1, 39.93, 116.40)));
		assertThat(index.nearest(39.90, 116.40, 5, Filter.NONE, 0)).extracting(Hit::id).containsExactly(3L);
	}

	@Test
	void batchOfChangesIsPublishedAtOnce() {
		var index = new SiteIndex();
		index.replaceAll(List.of(entry(1, 1, 39.90, 116.40), entry(2, 1, 39.95, 116.40)));
		int applied = index.apply(List.of(entry(3, 1, 39.90, 116.41), entry(1, 1, 0, 0)), List.of(new SiteIndex.Removal(2, 2)));
		assertThat(applied).isEqualTo(2);
		assertThat(index.nearest(39.90, 116.40, 5, Filter.NONE, 0)).extracting(Hit::id).containsExactly(1L, 3L);
	}

	/** Random writes against a model, with a small overlay limit so the base is rebuilt many times. */
	@Test
	void overlayAndRebuildsStayEqualToAModel() {
		var random = new Random(42);
		var index = new SiteIndex(16);
		Map<Long, Entry> live = new HashMap<>();
		Map<Long, Long> revisions = new HashMap<>();
		List<Entry> initial = randomEntries(random, 400, 1);
		index.replaceAll(initial);
		initial.forEach(e -> {
			live.put(e.id(), e);
			revisions.put(e.id(), e.revision());
		});
		int rebuilds = 0;
		for (int step = 0; step < 1500; step++) {
			long id = random.nextInt(600);
			long known = revisions.getOrDefault(id, Long.MIN_VALUE);
			long revision = known == Long.MIN_VALUE ? random.nextInt(3) : known + random.nextInt(5) - 2;
			var before = index.stats();
			if (random.nextInt(4) == 0) {
				boolean applies = known == Long.MIN_VALUE || revision >= known;
				boolean removes = applies && live.containsKey(id) && (revision >= live.get(id).revision());
				assertThat(index.remove(id, revision)).isEqualTo(removes);
				if (applies) {
					live.remove(id);
					revisions.put(id, Math.max(revision, known));
				}
			}
			else {
				double[] p = randomPoint(random, 1);
				Entry entry = new Entry(id, "站" + id + "-" + revision, SiteType.values()[random.nextInt(4)], p[0], p[1], random.nextLong() & 0x3ff,
						SCHEDULES.get(random.nextInt(SCHEDULES.size())), revision);
				boolean applies = revision > known;
				assertThat(index.upsert(entry)).isEqualTo(applies);
				if (applies) {
					live.put(id, entry);
					revisions.put(id, revision);
				}
			}
			var after = index.stats();
			rebuilds += after.overlayEntries() + after.hiddenBaseEntries() == 0 && before.overlayEntries() + before.hiddenBaseEntries() > 0 ? 1 : 0;
			assertThat(index.size()).isEqualTo(live.size());
			assertThat(index.stats().overlayEntries()).isLessThanOrEqualTo(16);
			double[] q = randomPoint(random, 1);
			assertMatchesBruteForce(index, List.copyOf(live.values()), q[0], q[1], 1 + random.nextInt(20), randomFilter(random, false),
					random.nextInt(SiteIndex.MINUTES_PER_WEEK));
		}
		assertThat(rebuilds).isGreaterThan(10);
	}

	/** Readers during writes and rebuilds: whole, ordered answers and no exceptions. */
	@Test
	void readersDuringWrites() throws Exception {
		int n = 3000;
		var index = new SiteIndex(64);
		var random = new Random(7);
		List<Entry> entries = randomEntries(random, n, 0);
		// Renames and moves only: the size stays n, every name starts with "v".
		List<Entry> current = new ArrayList<>();
		for (Entry e : entries) {
			current.add(new Entry(e.id(), "v" + e.revision(), e.type(), e.lat(), e.lon(), e.amenityMask(), e.hours(), e.revision()));
		}
		index.replaceAll(current);
		var stop = new AtomicBoolean();
		var failures = new ConcurrentLinkedQueue<Throwable>();
		var queries = new AtomicInteger();
		var started = new CountDownLatch(2);
		List<Thread> readers = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			int seed = t;
			Thread reader = new Thread(() -> {
				var r = new Random(100 + seed);
				started.countDown();
				try {
					while (!stop.get()) {
						double[] q = randomPoint(r, 0);
						Filter filter = r.nextBoolean() ? Filter.NONE : randomFilter(r, false);
						List<Hit> hits = index.nearest(q[0], q[1], 10, filter, r.nextInt(10_080));
						var ids = new HashSet<Long>();
						for (int i = 0; i < hits.size(); i++) {
							Hit hit = hits.get(i);
							if (!ids.add(hit.id()) || (i > 0 && hits.get(i - 1).distanceMeters() > hit.distanceMeters())
									|| !hit.name().startsWith("v")) {
								throw new AssertionError("inconsistent answer " + hits);
							}
						}
						if (filter == Filter.NONE && hits.size() != 10) {
							throw new AssertionError("short answer " + hits);
						}
						queries.incrementAndGet();
					}
				}
				catch (Throwable e) {
					failures.add(e);
				}
			});
			reader.start();
			readers.add(reader);
		}
		started.await();
		for (int step = 0; step < 3000; step++) {
			int i = random.nextInt(n);
			Entry e = current.get(i);
			double[] p = randomPoint(random, 0);
			Entry moved = new Entry(e.id(), "v" + (e.revision() + 1), e.type(), p[0], p[1], e.amenityMask(), e.hours(), e.revision() + 1);
			assertThat(index.upsert(moved)).isTrue();
			current.set(i, moved);
			assertThat(index.size()).isEqualTo(n);
		}
		stop.set(true);
		for (Thread reader : readers) {
			reader.join();
		}
		assertThat(failures).isEmpty();
		assertThat(queries.get()).isPositive();
		double[] q = randomPoint(random, 0);
		assertMatchesBruteForce(index, current, q[0], q[1], 50, Filter.NONE, 0);
	}

	// --- brute force and data ---------------------------------------------------------------------

	private static void assertMatchesBruteForce(SiteIndex index, List<Entry> entries, double lat, double lon, int k, Filter filter,
			int minute) {
		record Ranked(Entry entry, double meters) {
		}
		List<Ranked> expected = entries.stream()
			.filter(e -> filter.type() == null || e.type() == filter.type())
			.filter(e -> (e.amenityMask() & filter.requiredAmenities()) == filter.requiredAmenities())
			.filter(e -> !filter.openNowOnly() || isOpen(e, minute))
			.map(e -> new Ranked(e, haversine(lat, lon, e.lat(), e.lon())))
			.sorted(Comparator.comparingDouble(Ranked::meters).thenComparingLong(r -> r.entry().id()))
			.limit(k)
			.toList();
		Map<Long, Entry> byId = new HashMap<>();
		entries.forEach(e -> byId.put(e.id(), e));
		List<Hit> hits = index.nearest(lat, lon, k, filter, minute);
		String context = "query " + lat + "," + lon + " k=" + k + " " + filter + " minute " + minute;
		assertThat(hits).as(context).hasSameSizeAs(expected);
		var seen = new HashSet<Long>();
		for (int i = 0; i < hits.size(); i++) {
			Hit hit = hits.get(i);
			Entry entry = byId.get(hit.id());
			assertThat(entry).as(context).isNotNull();
			assertThat(seen.add(hit.id())).as(context).isTrue();
			// Position i holds a site at the i-th distance: ids may differ only among equal distances.
			double trueMeters = haversine(lat, lon, entry.lat(), entry.lon());
			assertThat(Math.abs(trueMeters - expected.get(i).meters())).as(context + " rank " + i).isLessThanOrEqualTo(TOLERANCE_METERS);
			assertThat(Math.abs(hit.distanceMeters() - trueMeters)).as(context).isLessThanOrEqualTo(TOLERANCE_METERS);
			if (expected.get(i).meters() == trueMeters && i > 0 && hits.get(i - 1).distanceMeters() == hit.distanceMeters()) {
				assertThat(hits.get(i - 1).id()).isLessThan(hit.id());
			}
			assertThat(hit.name()).isEqualTo(entry.name());
			assertThat(hit.type()).isEqualTo(entry.type());
			assertThat(hit.amenityMask()).isEqualTo(entry.amenityMask());
			assertThat(hit.openNow()).isEqualTo(isOpen(entry, minute));
			assertThat(Math.abs(hit.lat() - entry.lat())).isLessThan(1e-9);
			assertThat(haversine(hit.lat(), hit.lon(), entry.lat(), entry.lon())).isLessThan(1e-6);
		}
	}

	private static boolean isOpen(Entry e, int minute) {
		return e.hours() != null && e.hours().isOpenAtMinuteOfWeek(minute);
	}

	/**
	 * Haversine; beyond a quarter circle its asin loses digits (2e-6 m near antipodes), so there the
	 * atan2 form of Vincenty's formula for the sphere.
	 */
	private static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dLon = Math.toRadians(lon2 - lon1);
		double sinLat = Math.sin((p2 - p1) / 2), sinLon = Math.sin(dLon / 2);
		double h = sinLat * sinLat + Math.cos(p1) * Math.cos(p2) * sinLon * sinLon;
		if (h <= 0.5) {
			return 2 * R * Math.asin(Math.sqrt(h));
		}
		double a = Math.cos(p2) * Math.sin(dLon), b = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dLon);
		return R * Math.atan2(Math.sqrt(a * a + b * b), Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dLon));
	}

	private static Entry entry(long id, long revision, double lat, double lon) {
		return new Entry(id, "站点" + id, SiteType.WORKERS_HOME, lat, lon, 0, null, revision);
	}

	/** Kinds: 0 Beijing, 1 China, 2 the whole globe (±180, poles), 3 a mix with many duplicate positions. */
	private static List<Entry> randomEntries(Random random, int n, int kind) {
		List<Entry> entries = new ArrayList<>();
		var ids = new HashSet<Long>();
		boolean wideMasks = random.nextBoolean();
		for (int i = 0; i < n; i++) {
			long id;
			do {
				id = random.nextInt(4 * n + 10);
			}
			while (!ids.add(id));
			double[] p = kind == 3 && i > 0 && random.nextInt(3) == 0 ? positionOf(entries.get(random.nextInt(i))) : randomPoint(random, kind);
			long mask = wideMasks ? random.nextLong() & random.nextLong() : amenities(random);
			WeeklySchedule hours = random.nextInt(20) == 0 ? null : SCHEDULES.get(random.nextInt(SCHEDULES.size()));
			entries.add(new Entry(id, "丰台区卢沟桥街道暖心驿站" + id, SiteType.values()[random.nextInt(SiteType.values().length)], p[0], p[1], mask,
					hours, random.nextInt(100)));
		}
		return entries;
	}

	private static double[] positionOf(Entry e) {
		return new double[] { e.lat(), e.lon() };
	}

	private static long amenities(Random random) {
		long mask = 0;
		double[] frequency = { 0.9, 0.5, 0.3, 0.4, 0.6, 0.8, 0.5, 0.3, 0.2, 0.05 };
		for (int bit = 0; bit < frequency.length; bit++) {
			mask |= random.nextDouble() < frequency[bit] ? 1L << bit : 0;
		}
		return mask;
	}

	private static double[] randomPoint(Random random, int kind) {
		return switch (kind) {
			case 0 -> new double[] { 39.9 + random.nextGaussian() * 0.2, 116.4 + random.nextGaussian() * 0.25 };
			case 2 -> switch (random.nextInt(4)) {
				case 0 -> new double[] { random.nextDouble() * 180 - 90, 180 - random.nextDouble() * 0.5 };
				case 1 -> new double[] { random.nextDouble() * 180 - 90, -180 + random.nextDouble() * 0.5 };
				case 2 -> new double[] { (random.nextBoolean() ? 1 : -1) * (89 + random.nextDouble()), random.nextDouble() * 360 - 180 };
				default -> new double[] { Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)), random.nextDouble() * 360 - 180 };
			};
			default -> random.nextInt(3) == 0 ? new double[] { 39.9 + random.nextGaussian() * 0.1, 116.4 + random.nextGaussian() * 0.1 }
					: new double[] { 18 + random.nextDouble() * 35, 74 + random.nextDouble() * 60 };
		};
	}

	private static Filter randomFilter(Random random, boolean wide) {
		SiteType type = random.nextInt(3) == 0 ? SiteType.values()[random.nextInt(SiteType.values().length)] : null;
		long required = 0;
		for (int i = random.nextInt(3); i > 0; i--) {
			required |= wide ? 1L << random.nextInt(64) : Amenity.values()[random.nextInt(Amenity.values().length)].mask();
		}
		return new Filter(type, required, random.nextInt(3) == 0);
	}
}
