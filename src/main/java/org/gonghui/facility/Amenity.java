package org.gonghui.facility;

/**
 * What a site offers. Each amenity owns a fixed bit, so a site's amenities are one {@code long} in
 * the database and in the spatial index; a new amenity takes the next free bit (at most 64) and its
 * label keys {@code site.amenity.<NAME>}. Bits are never reused, because stored masks refer to them.
 */
public enum Amenity {
	DRINKING_WATER(0),
	HOT_WATER(1),
	MICROWAVE(2),
	EBIKE_CHARGING(3),
	TOILET(4),
	SEATS(5),
	AIR_CONDITIONING(6),
	FIRST_AID_KIT(7),
	WIFI(8),
	BOOKS(9);

	private final int bit;

	Amenity(int bit) {
		this.bit = bit;
	}

	public long mask() {
		return 1L << bit;
	}

	public static long maskOf(Iterable<Amenity> amenities) {
		long mask = 0;
		for (Amenity amenity : amenities) {
			mask |= amenity.mask();
		}
		return mask;
	}

	public static java.util.EnumSet<Amenity> fromMask(long mask) {
		var set = java.util.EnumSet.noneOf(Amenity.class);
		for (Amenity amenity : values()) {
			if ((mask & amenity.mask()) != 0) {
				set.add(amenity);
			}
		}
		return set;
	}
}
