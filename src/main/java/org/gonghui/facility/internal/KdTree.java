package org.gonghui.facility.internal;

/**
 * An immutable, implicit 3-d tree over unit vectors: the rows are stored in tree order, the node of a
 * range {@code [lo, hi)} is its median row {@code (lo + hi) >>> 1}, splitting on the axis of largest
 * spread, and ranges of at most {@link #LEAF} rows are scanned (contiguous memory, cheap). Only nodes
 * above the leaves have storage of their own, two longs numbered breadth-first (children
 * {@code 2b + 1}, {@code 2b + 2}): {@code axis | typeBits << 2} and the OR of the amenity masks of the
 * subtree, so that a filter prunes subtrees without a match. Built in O(n log n) with quickselect;
 * {@link #byId} finds a row by id for writers.
 */
final class KdTree {

	/**
	 * Rows scanned without further splitting. Measured on 400,000 sites: 32 beat 8 and 16, a node costs
	 * more than a few rows scanned in a row, most of all with filters, which visit more rows.
	 */
	static final int LEAF = 32;

	final KdRows rows;

	/** Per node: {@code axis | typeBits << 2}, amenity OR. */
	final long[] nodes;

	/** Rows in ascending id order. */
	private final int[] byId;

	private KdTree(KdRows rows, long[] nodes, int[] byId) {
		this.rows = rows;
		this.nodes = nodes;
		this.byId = byId;
	}

	int size() {
		return rows.size;
	}

	/** Types beyond the 61st share the last bit: pruning stays correct, just coarser. */
	static long typeBit(int ordinal) {
		return 1L << Math.min(ordinal, 61);
	}

	/** The row of {@code id}, or -1. */
	int find(long id) {
		long[] ids = rows.ids;
		int lo = 0, hi = byId.length - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			long found = ids[byId[mid]];
			if (found < id) {
				lo = mid + 1;
			}
			else if (found > id) {
				hi = mid - 1;
			}
			else {
				return byId[mid];
			}
		}
		return -1;
	}

	/** A tree of the rows {@code selection} of {@code source}. */
	static KdTree build(KdRows source, int[] selection) {
		int n = selection.length;
		int[] order = selection.clone();
		// Selection moves plain doubles, three to a row, with the row numbers alongside.
		double[] xyz = new double[3 * n];
		for (int i = 0; i < n; i++) {
			for (int axis = 0; axis < 3; axis++) {
				xyz[3 * i + axis] = source.coordinate(order[i], axis);
			}
		}
		long[] nodes = new long[2 * (lastNode(n, 0) + 1)];
		split(xyz, order, 0, n, 0, nodes);
		KdRows rows = source.gather(order);
		if (nodes.length > 0) {
			summarize(rows, 0, n, 0, nodes);
		}
		long[] ids = rows.ids.clone();
		int[] byId = new int[n];
		for (int i = 0; i < n; i++) {
			byId[i] = i;
		}
		sort(ids, byId, 0, n - 1);
		return new KdTree(rows, nodes, byId);
	}

	/** The highest breadth-first number of a node (range longer than a leaf), or -1. */
	private static int lastNode(int size, int node) {
		if (size <= LEAF) {
			return -1;
		}
		int mid = size >>> 1;
		return Math.max(node, Math.max(lastNode(mid, 2 * node + 1), lastNode(size - mid - 1, 2 * node + 2)));
	}

	private static void split(double[] xyz, int[] order, int lo, int hi, int node, long[] nodes) {
		if (hi - lo <= LEAF) {
			return;
		}
		int axis = widestAxis(xyz, lo, hi);
		int mid = (lo + hi) >>> 1;
		select(xyz, order, axis, lo, hi - 1, mid);
		nodes[2 * node] = axis;
		split(xyz, order, lo, mid, 2 * node + 1, nodes);
		split(xyz, order, mid + 1, hi, 2 * node + 2, nodes);
	}

	private static int widestAxis(double[] xyz, int lo, int hi) {
		double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX;
		double maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
		for (int i = 3 * lo, end = 3 * hi; i < end; i += 3) {
			double x = xyz[i], y = xyz[i + 1], z = xyz[i + 2];
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
			minZ = Math.min(minZ, z);
			maxZ = Math.max(maxZ, z);
		}
		double spreadX = maxX - minX, spreadY = maxY - minY, spreadZ = maxZ - minZ;
		return spreadX >= spreadY ? (spreadX >= spreadZ ? 0 : 2) : (spreadY >= spreadZ ? 1 : 2);
	}

	/**
	 * Hoare's selection on rows {@code [left, right]}: afterwards row {@code k} holds the value of rank
	 * k on {@code axis}, rows before it are not greater and rows after it not smaller. Equal values stop
	 * both scans, so many equal coordinates (sites in one building) still split evenly.
	 */
	private static void select(double[] xyz, int[] order, int axis, int left, int right, int k) {
		while (left < right) {
			double a = xyz[3 * left + axis], b = xyz[3 * ((left + right) >>> 1) + axis], c = xyz[3 * right + axis];
			double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
			int i = left, j = right;
			while (i <= j) {
				while (xyz[3 * i + axis] < pivot) {
					i++;
				}
				while (xyz[3 * j + axis] > pivot) {
					j--;
				}
				if (i <= j) {
					swap(xyz, order, i++, j--);
				}
			}
			if (k <= j) {
				right = j;
			}
			else if (k >= i) {
				left = i;
			}
			else {
				return;
			}
		}
	}

	private static void swap(double[] xyz, int[] order, int i, int j) {
		int o = order[i];
		order[i] = order[j];
		order[j] = o;
		for (int a = 3 * i, b = 3 * j, end = a + 3; a < end; a++, b++) {
			double t = xyz[a];
			xyz[a] = xyz[b];
			xyz[b] = t;
		}
	}

	private static void summarize(KdRows rows, int lo, int hi, int node, long[] nodes) {
		int mid = (lo + hi) >>> 1;
		long amenity = rows.amenities(mid);
		long type = typeBit(KdRows.type(rows.attributes(mid)));
		for (int side = 0; side < 2; side++) {
			int from = side == 0 ? lo : mid + 1, to = side == 0 ? mid : hi, child = 2 * node + 1 + side;
			if (to - from > LEAF) {
				summarize(rows, from, to, child, nodes);
				type |= nodes[2 * child] >>> 2;
				amenity |= nodes[2 * child + 1];
			}
			else {
				for (int row = from; row < to; row++) {
					amenity |= rows.amenities(row);
					type |= typeBit(KdRows.type(rows.attributes(row)));
				}
			}
		}
		nodes[2 * node] |= type << 2;
		nodes[2 * node + 1] = amenity;
	}

	/** Quicksort of {@code keys[lo..hi]}, moving {@code values} along. */
	static void sort(long[] keys, int[] values, int lo, int hi) {
		while (hi - lo > 16) {
			long a = keys[lo], b = keys[(lo + hi) >>> 1], c = keys[hi];
			long pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
			int i = lo, j = hi;
			while (i <= j) {
				while (keys[i] < pivot) {
					i++;
				}
				while (keys[j] > pivot) {
					j--;
				}
				if (i <= j) {
					long k = keys[i];
					keys[i] = keys[j];
					keys[j] = k;
					int v = values[i];
					values[i++] = values[j];
					values[j--] = v;
				}
			}
			// Recurse into the smaller part, loop on the larger: stack depth stays logarithmic.
			if (j - lo < hi - i) {
				sort(keys, values, lo, j);
				lo = i;
			}
			else {
				sort(keys, values, i, hi);
				hi = j;
			}
		}
		for (int i = lo + 1; i <= hi; i++) {
			long k = keys[i];
			int v = values[i], j = i - 1;
			while (j >= lo && keys[j] > k) {
				keys[j + 1] = keys[j];
				values[j + 1] = values[j];
				j--;
			}
			keys[j + 1] = k;
			values[j + 1] = v;
		}
	}
}
