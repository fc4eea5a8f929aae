package org.gonghui.facility.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gonghui.facility.SiteType;

/**
 * In-memory nearest-site index of open public sites, so that "nearest" is never a database scan.
 *
 * <p>Exact great-circle order: sites are unit vectors in a 3-d tree ({@link KdTree}), and chord length
 * orders like the great-circle angle. Ties are ordered by id.
 *
 * <p>Consistency: a large immutable base tree plus a small overlay (sites added or changed since the
 * base was built, in a small tree of their own, and a bitset of base rows they hide), published
 * together as one volatile snapshot. Readers never block and always see one whole write. Writers are
 * serialised; a write rebuilds the overlay tree (at most {@code overlayLimit} sites, about 0.1 ms at
 * 1,000) and copies the bitset (n / 8 bytes). When the overlay or the hidden rows pass
 * {@code overlayLimit}, the writer that crosses the line rebuilds the base itself (120 to 250 ms at
 * 400,000 sites on 2 cores); callers that cannot afford that pause in a request can call
 * {@link #compact()} on a schedule and raise the limit.
 *
 * <p>Revisions: every site carries the revision of the row it came from. An upsert applies only if
 * its revision is newer than anything known for the site, a removal if it is at least as new, and a
 * removal is remembered (for the life of the index) so that an older upsert arriving later, say from a
 * slow refresh, does not bring the site back.
 *
 * <p>No Spring here: a service wires it, loads it with {@link #replaceAll} and feeds it writes.
 */
final class SiteIndex {

	static final double EARTH_RADIUS_METERS = 6_371_008.8;

	static final int MINUTES_PER_WEEK = KdSchedules.MINUTES_PER_WEEK;

	static final int DEFAULT_OVERLAY_LIMIT = 1024;

	/** Opening hours as the index needs them. Implementations must define equals and hashCode: equal schedules are stored once. */
	public interface WeeklySchedule {

		/** Monday 00:00 is minute 0, Sunday 23:59 minute 10,079. */
		boolean isOpenAtMinuteOfWeek(int minuteOfWeek);
	}

	/**
	 * A site as the index holds it: WGS-84 degrees, {@code hours} null when unknown (never open now).
	 */
	public record Entry(long id, String name, SiteType type, double lat, double lon, long amenityMask, WeeklySchedule hours,
			long revision) {

		public Entry {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(type, "type");
			if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
				throw new IllegalArgumentException("not a WGS-84 position: " + lat + ", " + lon);
			}
		}
	}

	/** A site that is no longer open or public, as of {@code revision}. */
	public record Removal(long id, long revision) {
	}

	/** Which sites qualify: of {@code type} (any when null), with all of {@code requiredAmenities}, open at the query minute. */
	public record Filter(SiteType type, long requiredAmenities, boolean openNowOnly) {

		public static final Filter NONE = new Filter(null, 0, false);
	}

	/** A site found, {@code openNow} at the query minute. */
	public record Hit(long id, String name, SiteType type, double lat, double lon, double distanceMeters, long amenityMask,
			boolean openNow) {
	}

	public record Stats(int baseEntries, int hiddenBaseEntries, int overlayEntries, int removalsRemembered, int schedules) {
	}

	/** What readers see; {@code hidden} is null when no base row is hidden. */
	private record Snapshot(KdTree base, long[] hidden, int hiddenCount, KdTree overlay, KdSchedules schedules, int size, int removals) {
	}

	private static final KdTree EMPTY = KdTree.build(new KdRows.Builder(0).build(), new int[0]);

	private final int overlayLimit;

	private volatile Snapshot snapshot;

	// Writer state, guarded by this.

	private final Map<Long, Entry> overlay = new HashMap<>();

	private final KdLongMap removals = new KdLongMap();

	private KdSchedules.Table schedules = new KdSchedules.Table();

	private KdTree base = EMPTY;

	private long[] hidden;

	private int hiddenCount;

	/** Whether {@link #hidden} is in the published snapshot, so that the next change must copy it. */
	private boolean hiddenPublished;

	/** Whether {@link #overlay} changed since the last published snapshot. */
	private boolean overlayChanged;

	SiteIndex() {
		this(DEFAULT_OVERLAY_LIMIT);
	}

	SiteIndex(int overlayLimit) {
		if (overlayLimit < 1) {
			throw new IllegalArgumentException("overlayLimit must be positive");
		}
		this.overlayLimit = overlayLimit;
		this.snapshot = new Snapshot(EMPTY, null, 0, null, schedules.snapshot(), 0, 0);
	}

	/**
	 * The {@code k} nearest sites to a WGS-84 position that pass {@code filter} (not null), nearest
	 * first. Positions of hits are recomputed from unit vectors: equal to the stored ones within
	 * 1e-9 degrees, except longitude within a few metres of a pole.
	 *
	 * @param minuteOfWeek the query time (Monday 00:00 = 0) for {@code openNow} and {@link Filter#openNowOnly()}
	 */
	List<Hit> nearest(double lat, double lon, int k, Filter filter, int minuteOfWeek) {
		if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
			throw new IllegalArgumentException("not a WGS-84 position: " + lat + ", " + lon);
		}
		if (k < 0 || minuteOfWeek < 0 || minuteOfWeek >= MINUTES_PER_WEEK) {
			throw new IllegalArgumentException("k " + k + ", minute of week " + minuteOfWeek);
		}
		Snapshot s = snapshot;
		int limit = Math.min(k, s.size);
		if (limit == 0) {
			return List.of();
		}
		double latRad = Math.toRadians(lat), lonRad = Math.toRadians(lon), cosLat = Math.cos(latRad);
		double qx = cosLat * Math.cos(lonRad), qy = cosLat * Math.sin(lonRad), qz = Math.sin(latRad);
		int type = filter.type() == null ? -1 : filter.type().ordinal();
		var search = new KdSearch(qx, qy, qz, limit, type, filter.requiredAmenities(), filter.openNowOnly(), minuteOfWeek, s.schedules);
		search.search(s.base, s.hidden, false);
		if (s.overlay != null) {
			search.search(s.overlay, null, true);
		}
		int found = search.finish();
		search.touchNames(s.base.rows, s.overlay == null ? null : s.overlay.rows);
		var hits = new ArrayList<Hit>(found);
		for (int i = 0; i < found; i++) {
			int ref = search.ref(i);
			KdRows rows = ref >= 0 ? s.base.rows : s.overlay.rows;
			int row = ref >= 0 ? ref : ~ref;
			hits.add(new Hit(search.id(i), rows.name(row), rows.type(row), rows.lat(row), rows.lon(row),
					meters(search.chordSquared(i), qx, qy, qz, rows, row), rows.amenities(row), s.schedules.isOpen(rows.schedule(row), minuteOfWeek)));
		}
		return hits;
	}

	/**
	 * Great-circle distance. Up to a quarter circle from the chord c: angle = 2 asin(c / 2), written with
	 * atan2, which costs a third of asin here; beyond, that becomes ill-conditioned and atan2 of the
	 * cross and dot products keeps full precision.
	 */
	private static double meters(double chordSquared, double qx, double qy, double qz, KdRows rows, int row) {
		if (chordSquared <= 2) {
			return 2 * EARTH_RADIUS_METERS * Math.atan2(Math.sqrt(chordSquared) / 2, Math.sqrt(1 - chordSquared / 4));
		}
		double x = rows.coordinate(row, 0), y = rows.coordinate(row, 1), z = rows.coordinate(row, 2);
		double cx = qy * z - qz * y, cy = qz * x - qx * z, cz = qx * y - qy * x;
		return EARTH_RADIUS_METERS * Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), qx * x + qy * y + qz * z);
	}

	int size() {
		return snapshot.size;
	}

	Stats stats() {
		Snapshot s = snapshot;
		return new Stats(s.base.size(), s.hiddenCount, s.overlay == null ? 0 : s.overlay.size(), s.removals, s.schedules.size() - 1);
	}

	/**
	 * Replaces the content with a full load, say from the database. Per site the newest revision wins:
	 * a removal or a site this index holds that is newer than the loaded row is kept. Sites held but
	 * not in {@code entries} are dropped, so load from a read that started after the writes this index
	 * has seen (or re-apply the changes since the read). Duplicate ids: the highest revision wins.
	 */
	synchronized void replaceAll(Collection<Entry> entries) {
		var table = new KdSchedules.Table();
		var builder = new KdRows.Builder(entries.size());
		for (Entry entry : entries) {
			builder.add(entry, table.indexOf(entry.hours()));
		}
		int n = builder.size();
		long[] ids = new long[n];
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			ids[i] = builder.id(i);
			order[i] = i;
		}
		KdTree.sort(ids, order, 0, n - 1);
		int[] oldToNew = scheduleMap();
		var kept = new int[n];
		int keptCount = 0;
		for (int i = 0; i < n; i++) {
			int row = order[i];
			long id = ids[i], revision = builder.revision(row);
			while (i + 1 < n && ids[i + 1] == id) {
				int other = order[++i];
				if (builder.revision(other) >= revision) {
					row = other;
					revision = builder.revision(other);
				}
			}
			if (removals.containsKey(id)) {
				if (removals.get(id, 0) >= revision) {
					continue;
				}
				removals.remove(id);
			}
			Entry newer = overlay.get(id);
			if (newer != null && newer.revision() > revision) {
				row = builder.size();
				builder.add(newer, table.indexOf(newer.hours()));
			}
			else if (newer == null) {
				int held = base.find(id);
				if (held >= 0 && !isHidden(held) && base.rows.revisions[held] > revision) {
					row = builder.size();
					builder.add(base.rows, held, remap(oldToNew, table, base.rows.schedule(held)));
				}
			}
			kept[keptCount++] = row;
		}
		install(KdTree.build(builder.build(), Arrays.copyOf(kept, keptCount)), table);
	}

	/** Adds or replaces a site if {@code entry} is newer than what is known of it; whether it did. */
	synchronized boolean upsert(Entry entry) {
		if (!applyUpsert(entry)) {
			return false;
		}
		publish();
		return true;
	}

	/**
	 * Removes a site as of {@code revision} (closed, suspended, made non-public); whether one was
	 * removed. The removal is remembered even for a site not held, against an older upsert to come.
	 */
	synchronized boolean remove(long id, long revision) {
		boolean removed = applyRemoval(id, revision);
		publish();
		return removed;
	}

	/** A batch of changes, say one refresh from the database, published at once; the number that applied. */
	synchronized int apply(Collection<Entry> upserts, Collection<Removal> removed) {
		int applied = 0;
		for (Entry entry : upserts) {
			applied += applyUpsert(entry) ? 1 : 0;
		}
		for (Removal removal : removed) {
			applied += applyRemoval(removal.id(), removal.revision()) ? 1 : 0;
		}
		publish();
		return applied;
	}

	/** Rebuilds the base tree from base and overlay, leaving the overlay empty. */
	synchronized void compact() {
		var table = new KdSchedules.Table();
		int[] oldToNew = scheduleMap();
		KdRows rows = base.rows;
		var builder = new KdRows.Builder(rows.size - hiddenCount + overlay.size());
		for (int row = 0; row < rows.size; row++) {
			if (!isHidden(row)) {
				builder.add(rows, row, remap(oldToNew, table, rows.schedule(row)));
			}
		}
		for (Entry entry : overlay.values()) {
			builder.add(entry, table.indexOf(entry.hours()));
		}
		install(KdTree.build(builder.build(), allRows(builder.size())), table);
	}

	private boolean applyUpsert(Entry entry) {
		long id = entry.id();
		Entry held = overlay.get(id);
		int row = base.find(id);
		if (held != null) {
			if (held.revision() >= entry.revision()) {
				return false;
			}
		}
		else if (removals.containsKey(id)) {
			if (removals.get(id, 0) >= entry.revision()) {
				return false;
			}
			removals.remove(id);
		}
		else if (row >= 0 && base.rows.revisions[row] >= entry.revision()) {
			return false;
		}
		if (schedules.isFull()) {
			// Rebuilding drops the schedules no site uses any more.
			compact();
			row = base.find(id);
		}
		schedules.indexOf(entry.hours());
		if (row >= 0) {
			hide(row);
		}
		overlay.put(id, entry);
		overlayChanged = true;
		return true;
	}

	private boolean applyRemoval(long id, long revision) {
		Entry held = overlay.get(id);
		if (held != null) {
			if (held.revision() > revision) {
				return false;
			}
			overlay.remove(id);
			overlayChanged = true;
			removals.put(id, revision);
			return true;
		}
		if (removals.containsKey(id)) {
			removals.put(id, Math.max(revision, removals.get(id, 0)));
			return false;
		}
		int row = base.find(id);
		if (row >= 0 && base.rows.revisions[row] > revision) {
			return false;
		}
		removals.put(id, revision);
		if (row < 0) {
			return false;
		}
		hide(row);
		return true;
	}

	private boolean isHidden(int row) {
		return hidden != null && (hidden[row >>> 6] >>> row & 1) != 0;
	}

	private void hide(int row) {
		if (hidden == null) {
			hidden = new long[(base.size() + 63) >>> 6];
		}
		else if (hiddenPublished) {
			hidden = hidden.clone();
		}
		hiddenPublished = false;
		if (!isHidden(row)) {
			hidden[row >>> 6] |= 1L << row;
			hiddenCount++;
		}
	}

	private void publish() {
		if (overlay.size() > overlayLimit || hiddenCount > overlayLimit) {
			compact();
			return;
		}
		KdTree overlayTree = snapshot.overlay;
		if (overlayChanged) {
			overlayTree = null;
			if (!overlay.isEmpty()) {
				var builder = new KdRows.Builder(overlay.size());
				for (Entry entry : overlay.values()) {
					builder.add(entry, schedules.indexOf(entry.hours()));
				}
				overlayTree = KdTree.build(builder.build(), allRows(builder.size()));
			}
			overlayChanged = false;
		}
		hiddenPublished = hidden != null;
		snapshot = new Snapshot(base, hidden, hiddenCount, overlayTree, schedules.snapshot(), base.size() - hiddenCount + overlay.size(),
				removals.size());
	}

	private void install(KdTree tree, KdSchedules.Table table) {
		base = tree;
		schedules = table;
		overlay.clear();
		overlayChanged = false;
		hidden = null;
		hiddenCount = 0;
		hiddenPublished = false;
		snapshot = new Snapshot(tree, null, 0, null, table.snapshot(), tree.size(), removals.size());
	}

	private static int[] allRows(int n) {
		int[] rows = new int[n];
		for (int i = 0; i < n; i++) {
			rows[i] = i;
		}
		return rows;
	}

	/** Old schedule index to new, filled lazily by {@link #remap}. */
	private int[] scheduleMap() {
		int[] map = new int[schedules.size()];
		Arrays.fill(map, -1);
		return map;
	}

	private int remap(int[] oldToNew, KdSchedules.Table table, int old) {
		if (oldToNew[old] < 0) {
			oldToNew[old] = table.indexOf(schedules.get(old));
		}
		return oldToNew[old];
	}
}
