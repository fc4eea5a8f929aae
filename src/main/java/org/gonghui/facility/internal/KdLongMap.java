package org.gonghui.facility.internal;

/**
 * long to long, open addressing with linear probing: the removal revisions an index remembers for
 * every site it has seen removed, which add up over the life of a process, at 17 to 34 bytes each
 * instead of about 70 for a boxed {@code HashMap} entry. Not thread-safe.
 */
final class KdLongMap {

	private long[] keys = new long[16];

	private long[] values = new long[16];

	private boolean[] used = new boolean[16];

	private int size;

	int size() {
		return size;
	}

	boolean containsKey(long key) {
		return used[slot(key)];
	}

	/** The value of {@code key}, or {@code absent}. */
	long get(long key, long absent) {
		int slot = slot(key);
		return used[slot] ? values[slot] : absent;
	}

	void put(long key, long value) {
		int slot = slot(key);
		if (!used[slot]) {
			if (2 * (size + 1) > keys.length) {
				grow();
				slot = slot(key);
			}
			used[slot] = true;
			keys[slot] = key;
			size++;
		}
		values[slot] = value;
	}

	void remove(long key) {
		int slot = slot(key);
		if (!used[slot]) {
			return;
		}
		size--;
		// Backward-shift deletion: move later entries of the probe run into the gap, so lookups never
		// need tombstones of their own.
		int mask = keys.length - 1;
		int gap = slot;
		for (int i = (gap + 1) & mask; used[i]; i = (i + 1) & mask) {
			int home = home(keys[i]);
			if (((i - home) & mask) >= ((i - gap) & mask)) {
				keys[gap] = keys[i];
				values[gap] = values[i];
				gap = i;
			}
		}
		used[gap] = false;
	}

	private int slot(long key) {
		int mask = keys.length - 1;
		int i = home(key);
		while (used[i] && keys[i] != key) {
			i = (i + 1) & mask;
		}
		return i;
	}

	private int home(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32)) & (keys.length - 1);
	}

	private void grow() {
		long[] oldKeys = keys, oldValues = values;
		boolean[] oldUsed = used;
		keys = new long[oldKeys.length * 2];
		values = new long[oldKeys.length * 2];
		used = new boolean[oldKeys.length * 2];
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldUsed[i]) {
				int slot = slot(oldKeys[i]);
				used[slot] = true;
				keys[slot] = oldKeys[i];
				values[slot] = oldValues[i];
			}
		}
	}
}
