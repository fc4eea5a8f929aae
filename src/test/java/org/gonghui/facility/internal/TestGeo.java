package org.gonghui.facility.internal;

import org.gonghui.facility.GeoPoint;

/** Opens the module's great-circle distance and WGS-84 → GCJ-02 conversion to tests in other packages. */
public final class TestGeo {

	private TestGeo() {
	}

	public static double distance(double lat1, double lon1, double lat2, double lon2) {
		return ChinaCoordinates.distanceMeters(new GeoPoint(lat1, lon1), new GeoPoint(lat2, lon2));
	}

	/** The GCJ-02 position (what AMap shows) of a WGS-84 position, by the module's own conversion. */
	public static GeoPoint wgsToGcj(double lat, double lon) {
		return ChinaCoordinates.wgsToGcj(new GeoPoint(lat, lon));
	}
}
