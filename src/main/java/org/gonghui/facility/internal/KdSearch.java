package org.gonghui.facility.internal;

/**
 * One nearest-k query: branch and bound over one or more trees into a bounded max-heap of (squared
 * chord, id), worst on top. Squared chord length between unit vectors orders exactly like the
 * great-circle angle. A subtree is skipped only if its cell is strictly farther than the current k-th
 * best, so ties at the k-th distance are still resolved by id; the cell distance is the sum of the
 * squared per-axis offsets of the query from the cell (Arya and Mount's incremental distance), summed
 * afresh in the same order as a row's distance, so that rounding, being monotone, can never make a
 * row look nearer than its cell. Nothing is allocated per visited node.
 */
final class KdSearch {

	private static final int STRIDE = KdRows.STRIDE;

	private final double qx, qy, qz;

	private final int k;

	/** Type ordinal wanted, or -1. */
	private final int type;

	/** Bits of the wanted type in a node's type set, or all bits. */
	private final long typeBits;

	private final long required;

	private final boolean openOnly;

	private final boolean filtering;

	/** The bitset of the query minute over the schedules: {@code openAt[openRow + (schedule >>> 6)]}. */
	private final long[] openAt;

	private final int openRow;

	private final double[] heapDistance;

	private final long[] heapId;

	/** Row in the base tree, or {@code ~row} in the overlay tree. */
	private final int[] heapRef;

	private int count;

	@SuppressWarnings("unused")
	private long touched;

	private double worst = Double.POSITIVE_INFINITY;

	private long worstId = Long.MAX_VALUE;

	/** Per axis, the query's offset from the cell being searched (0 while inside its slab). */
	private final double[] offset = new double[3];

	// The tree being searched.

	private long[] data;

	private long[] amenityMasks;

	private long[] ids;

	private long[] nodes;

	private long[] hidden;

	private boolean overlay;

	/** {@code k} at most the number of rows searched, which sizes the heap. */
	KdSearch(double qx, double qy, double qz, int k, int type, long required, boolean openOnly, int minute, KdSchedules schedules) {
		this.qx = qx;
		this.qy = qy;
		this.qz = qz;
		this.k = k;
		this.type = type;
		this.typeBits = type < 0 ? -1 : KdTree.typeBit(type);
		this.required = required;
		this.openOnly = openOnly;
		this.filtering = type >= 0 || required != 0;
		this.openAt = schedules.openAt();
		this.openRow = schedules.rowOf(minute);
		this.heapDistance = new double[k];
		this.heapId = new long[k];
		this.heapRef = new int[k];
	}

	/** Adds the matches of {@code tree} to the candidates, skipping rows whose bit is set in {@code hidden}. */
	void search(KdTree tree, long[] hidden, boolean overlay) {
		KdRows rows = tree.rows;
		this.data = rows.data;
		this.amenityMasks = rows.amenityMasks;
		this.ids = rows.ids;
		this.nodes = tree.nodes;
		this.hidden = hidden;
		this.overlay = overlay;
		search(0, rows.size, 0);
	}

	private void search(int lo, int hi, int node) {
		if (hi - lo <= KdTree.LEAF) {
			for (int row = lo; row < hi; row++) {
				visit(row);
			}
			return;
		}
		long axisAndTypes = nodes[2 * node];
		if (filtering && ((axisAndTypes >>> 2 & typeBits) == 0 || (nodes[2 * node + 1] & required) != required)) {
			return;
		}
		int mid = (lo + hi) >>> 1;
		int axis = (int) axisAndTypes & 3;
		double diff = (axis == 0 ? qx : axis == 1 ? qy : qz) - Double.longBitsToDouble(data[STRIDE * mid + axis]);
		// Near side first, then the median row, when the heap is likely full and rejects it unread.
		if (diff < 0) {
			search(lo, mid, 2 * node + 1);
			visit(mid);
			searchFar(mid + 1, hi, 2 * node + 2, axis, diff);
		}
		else {
			search(mid + 1, hi, 2 * node + 2);
			visit(mid);
			searchFar(lo, mid, 2 * node + 1, axis, diff);
		}
	}

	private void searchFar(int lo, int hi, int node, int axis, double diff) {
		double[] offset = this.offset;
		double previous = offset[axis];
		offset[axis] = diff;
		if (offset[0] * offset[0] + offset[1] * offset[1] + offset[2] * offset[2] <= worst) {
			search(lo, hi, node);
		}
		offset[axis] = previous;
	}

	private void visit(int row) {
		int i = STRIDE * row;
		double dx = qx - Double.longBitsToDouble(data[i]), dy = qy - Double.longBitsToDouble(data[i + 1]),
				dz = qz - Double.longBitsToDouble(data[i + 2]);
		double distance = dx * dx + dy * dy + dz * dz;
		if (distance > worst) {
			return;
		}
		long attributes = data[i + 3];
		if ((type >= 0 && KdRows.type(attributes) != type)
				|| (required != 0 && (amenityMasks[KdRows.amenityIndex(attributes)] & required) != required)
				|| (openOnly && (openAt[openRow + (KdRows.schedule(attributes) >>> 6)] >>> KdRows.schedule(attributes) & 1) == 0)
				|| (hidden != null && (hidden[row >>> 6] >>> row & 1) != 0)) {
			return;
		}
		long id = ids[row];
		if (distance == worst && id > worstId) {
			return;
		}
		offer(distance, id, overlay ? ~row : row);
	}

	private void offer(double distance, long id, int ref) {
		if (count < k) {
			int i = count++;
			while (i > 0) {
				int parent = (i - 1) >>> 1;
				if (!before(heapDistance[parent], heapId[parent], distance, id)) {
					break;
				}
				move(parent, i);
				i = parent;
			}
			put(i, distance, id, ref);
			if (count == k) {
				worst = heapDistance[0];
				worstId = heapId[0];
			}
			return;
		}
		// Replace the top (the worst) and sift down.
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= count) {
				break;
			}
			if (child + 1 < count && before(heapDistance[child], heapId[child], heapDistance[child + 1], heapId[child + 1])) {
				child++;
			}
			if (!before(distance, id, heapDistance[child], heapId[child])) {
				break;
			}
			move(child, i);
			i = child;
		}
		put(i, distance, id, ref);
		worst = heapDistance[0];
		worstId = heapId[0];
	}

	/** Whether (d1, id1) orders before (d2, id2). */
	private static boolean before(double d1, long id1, double d2, long id2) {
		return d1 < d2 || (d1 == d2 && id1 < id2);
	}

	private void move(int from, int to) {
		heapDistance[to] = heapDistance[from];
		heapId[to] = heapId[from];
		heapRef[to] = heapRef[from];
	}

	private void put(int i, double distance, long id, int ref) {
		heapDistance[i] = distance;
		heapId[i] = id;
		heapRef[i] = ref;
	}

	/** Sorts the candidates found, nearest first (heapsort in place); then {@link #ref} and the like read them. */
	int finish() {
		for (int last = count - 1; last > 0; last--) {
			double distance = heapDistance[last];
			long id = heapId[last];
			int ref = heapRef[last];
			move(0, last);
			int i = 0;
			while (true) {
				int child = 2 * i + 1;
				if (child >= last) {
					break;
				}
				if (child + 1 < last && before(heapDistance[child], heapId[child], heapDistance[child + 1], heapId[child + 1])) {
					child++;
				}
				if (!before(distance, id, heapDistance[child], heapId[child])) {
					break;
				}
				move(child, i);
				i = child;
			}
			put(i, distance, id, ref);
		}
		return count;
	}

	/**
	 * Reads the first character of each name found, so that their cache misses (names are not touched
	 * by the search) overlap instead of coming one by one while the hits are built. The sum goes to a
	 * field of this per-query object, so the loads are not dead code, and no other thread sees it.
	 */
	void touchNames(KdRows base, KdRows overlay) {
		long sum = 0;
		for (int i = 0; i < count; i++) {
			int ref = heapRef[i];
			KdRows rows = ref >= 0 ? base : overlay;
			int row = ref >= 0 ? ref : ~ref;
			int start = rows.nameStart[row];
			sum += start < rows.names.length ? rows.names[start] : 0;
		}
		touched = sum;
	}

	/** Row in the base tree, or {@code ~row} in the overlay tree, of the i-th nearest. */
	int ref(int i) {
		return heapRef[i];
	}

	long id(int i) {
		return heapId[i];
	}

	/** Squared chord length between the unit vectors. */
	double chordSquared(int i) {
		return heapDistance[i];
	}
}
