package org.gonghui.facility;

/**
 * A position in WGS-84 degrees, as GPS and the spatial index use it. Stored positions are always WGS-84;
 * the facility module converts what forms and the API send. The constructor refuses impossible values so
 * that nothing downstream (index, distance) has to think about NaN or latitude 95.
 */
public record GeoPoint(double lat, double lon) {

	public GeoPoint {
		if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
			throw new IllegalArgumentException("Not a WGS-84 position: " + lat + ", " + lon);
		}
	}
}
