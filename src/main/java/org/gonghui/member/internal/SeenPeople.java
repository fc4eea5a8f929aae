package org.gonghui.member.internal;

/**
 * The people an import has already met, for "the same person twice in one file": the first 64 bits of
 * the 身份证号 lookup hash (HMAC-SHA256) mapped to the row number where they appeared, in open-addressing
 * arrays (12 bytes a slot) instead of boxed map entries. Memory is bounded by the row limit (1,048,576
 * rows: about 25 MB at most). Two different people share 64 bits with a probability of about 3e-8 in a
 * full sheet; the later one would then be reported as a duplicate, never silently merged.
 */
final class SeenPeople {

	private long[] keys = new long[1 << 12];
	private int[] rows = new int[1 << 12];
	private int size;

	/** Records the person at the row; returns the row where they were first seen, or 0 if this is the first time. */
	int putIfAbsent(String idHash, int rowNumber) {
		long key = Long.parseUnsignedLong(idHash.substring(0, 16), 16);
		if (key == 0) {
			key = 1; // 0 marks an empty slot
		}
		if ((size + 1) * 2 > keys.length) {
			grow();
		}
		int mask = keys.length - 1;
		int slot = mix(key) & mask;
		while (keys[slot] != 0) {
			if (keys[slot] == key) {
				return rows[slot];
			}
			slot = (slot + 1) & mask;
		}
		keys[slot] = key;
		rows[slot] = rowNumber;
		size++;
		return 0;
	}

	int size() {
		return size;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldRows = rows;
		keys = new long[oldKeys.length * 2];
		rows = new int[oldKeys.length * 2];
		int mask = keys.length - 1;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != 0) {
				int slot = mix(oldKeys[i]) & mask;
				while (keys[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				keys[slot] = oldKeys[i];
				rows[slot] = oldRows[i];
			}
		}
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}
}
