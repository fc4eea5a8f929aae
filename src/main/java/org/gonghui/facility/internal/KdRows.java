package org.gonghui.facility.internal;

import java.util.Arrays;

import org.gonghui.facility.SiteType;

/**
 * Sites as primitive columns, no object per site: about 56 bytes per site plus two bytes per name
 * character. What a query reads of a row (unit vector and attributes) sits in one stride of four
 * longs in {@link #data}, so a visited row costs one cache line, not one per column:
 * {@code x, y, z} (double bits) and {@code type | schedule << 8 | amenityIndex << 24}. Amenity masks are
 * deduplicated into {@link #amenityMasks} (a few hundred distinct masks among hundreds of thousands of
 * sites), so any of the 64 bits stays possible. Latitude and longitude are recomputed from the unit
 * vector for the few sites a query returns. Names are UTF-16 in one shared {@code char[]}: for Chinese
 * names that is 2 bytes a character where UTF-8 takes 3.
 */
final class KdRows {

	static final int STRIDE = 4;

	private static final SiteType[] TYPES = SiteType.values();

	final int size;

	final long[] data;

	final long[] amenityMasks;

	final long[] ids;

	final long[] revisions;

	final int[] nameStart;

	final char[] names;

	private KdRows(int size, long[] data, long[] amenityMasks, long[] ids, long[] revisions, int[] nameStart, char[] names) {
		this.size = size;
		this.data = data;
		this.amenityMasks = amenityMasks;
		this.ids = ids;
		this.revisions = revisions;
		this.nameStart = nameStart;
		this.names = names;
	}

	static int type(long attributes) {
		return (int) attributes & 0xff;
	}

	static int schedule(long attributes) {
		return (int) (attributes >>> 8) & 0xffff;
	}

	static int amenityIndex(long attributes) {
		return (int) (attributes >>> 24);
	}

	double coordinate(int row, int axis) {
		return Double.longBitsToDouble(data[STRIDE * row + axis]);
	}

	long attributes(int row) {
		return data[STRIDE * row + 3];
	}

	SiteType type(int row) {
		return TYPES[type(attributes(row))];
	}

	int schedule(int row) {
		return schedule(attributes(row));
	}

	long amenities(int row) {
		return amenityMasks[amenityIndex(attributes(row))];
	}

	String name(int row) {
		return new String(names, nameStart[row], nameStart[row + 1] - nameStart[row]);
	}

	/** atan2 rather than asin: asin loses half the digits near the poles. */
	double lat(int row) {
		double x = coordinate(row, 0), y = coordinate(row, 1);
		return Math.toDegrees(Math.atan2(coordinate(row, 2), Math.sqrt(x * x + y * y)));
	}

	double lon(int row) {
		return Math.toDegrees(Math.atan2(coordinate(row, 1), coordinate(row, 0)));
	}

	/** The rows {@code order[0..]} of these rows, in that order. */
	KdRows gather(int[] order) {
		int n = order.length;
		long[] newData = new long[STRIDE * n], newIds = new long[n], newRevisions = new long[n];
		int[] newNameStart = new int[n + 1];
		int chars = 0;
		for (int i = 0; i < n; i++) {
			int row = order[i];
			System.arraycopy(data, STRIDE * row, newData, STRIDE * i, STRIDE);
			newIds[i] = ids[row];
			newRevisions[i] = revisions[row];
			newNameStart[i] = chars;
			chars += nameStart[row + 1] - nameStart[row];
		}
		newNameStart[n] = chars;
		char[] newNames = new char[chars];
		for (int i = 0; i < n; i++) {
			int row = order[i];
			System.arraycopy(names, nameStart[row], newNames, newNameStart[i], nameStart[row + 1] - nameStart[row]);
		}
		return new KdRows(n, newData, amenityMasks, newIds, newRevisions, newNameStart, newNames);
	}

	/** Appends rows; the arrays grow by half, and {@link #build()} trims them. */
	static final class Builder {

		private final KdLongMap amenityIndexes = new KdLongMap();

		private long[] amenityMasks = new long[16];

		private int size;

		private long[] data, ids, revisions;

		private int[] nameStart;

		private char[] names;

		Builder(int expectedRows) {
			int capacity = Math.max(expectedRows, 4);
			data = new long[STRIDE * capacity];
			ids = new long[capacity];
			revisions = new long[capacity];
			nameStart = new int[capacity + 1];
			names = new char[capacity * 12];
		}

		int size() {
			return size;
		}

		long id(int row) {
			return ids[row];
		}

		long revision(int row) {
			return revisions[row];
		}

		void add(SiteIndex.Entry entry, int schedule) {
			int row = next();
			double lat = Math.toRadians(entry.lat()), lon = Math.toRadians(entry.lon());
			double cosLat = Math.cos(lat);
			data[STRIDE * row] = Double.doubleToRawLongBits(cosLat * Math.cos(lon));
			data[STRIDE * row + 1] = Double.doubleToRawLongBits(cosLat * Math.sin(lon));
			data[STRIDE * row + 2] = Double.doubleToRawLongBits(Math.sin(lat));
			set(row, entry.id(), entry.revision(), entry.type().ordinal(), schedule, entry.amenityMask());
			addName(row, entry.name());
		}

		void add(KdRows from, int fromRow, int schedule) {
			int row = next();
			System.arraycopy(from.data, STRIDE * fromRow, data, STRIDE * row, 3);
			set(row, from.ids[fromRow], from.revisions[fromRow], type(from.attributes(fromRow)), schedule, from.amenities(fromRow));
			int start = nameStart[row], length = from.nameStart[fromRow + 1] - from.nameStart[fromRow];
			ensureNames(start + length);
			System.arraycopy(from.names, from.nameStart[fromRow], names, start, length);
			nameStart[row + 1] = start + length;
		}

		KdRows build() {
			return new KdRows(size, Arrays.copyOf(data, STRIDE * size), Arrays.copyOf(amenityMasks, amenityIndexes.size()),
					Arrays.copyOf(ids, size), Arrays.copyOf(revisions, size), Arrays.copyOf(nameStart, size + 1),
					Arrays.copyOf(names, nameStart[size]));
		}

		private void set(int row, long id, long revision, int type, int schedule, long amenityMask) {
			if (type > 0xff || schedule > 0xffff) {
				throw new IllegalArgumentException("type " + type + ", schedule " + schedule);
			}
			ids[row] = id;
			revisions[row] = revision;
			data[STRIDE * row + 3] = type | (long) schedule << 8 | (long) amenityIndex(amenityMask) << 24;
		}

		private int amenityIndex(long mask) {
			long index = amenityIndexes.get(mask, -1);
			if (index < 0) {
				index = amenityIndexes.size();
				if (index == amenityMasks.length) {
					amenityMasks = Arrays.copyOf(amenityMasks, 2 * amenityMasks.length);
				}
				amenityMasks[(int) index] = mask;
				amenityIndexes.put(mask, index);
			}
			return (int) index;
		}

		private void addName(int row, String name) {
			int start = nameStart[row];
			ensureNames(start + name.length());
			name.getChars(0, name.length(), names, start);
			nameStart[row + 1] = start + name.length();
		}

		private int next() {
			if (size == ids.length) {
				int capacity = size + (size >> 1);
				data = Arrays.copyOf(data, STRIDE * capacity);
				ids = Arrays.copyOf(ids, capacity);
				revisions = Arrays.copyOf(revisions, capacity);
				nameStart = Arrays.copyOf(nameStart, capacity + 1);
			}
			return size++;
		}

		private void ensureNames(int length) {
			if (length > names.length) {
				names = Arrays.copyOf(names, Math.max(length, names.length + (names.length >> 1)));
			}
		}
	}
}
