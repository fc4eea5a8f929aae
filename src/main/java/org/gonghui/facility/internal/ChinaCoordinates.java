package org.gonghui.facility.internal;

import org.gonghui.facility.GeoPoint;

/**
 * China-specific geometry: the GCJ-02 offset that Chinese maps apply, where China is, and distances.
 * <p>
 * GCJ-02 is the published ("leaked") algorithm every Chinese map library carries: a fixed, smooth offset
 * of a few hundred metres computed on the Krasovsky ellipsoid. It has no published inverse, so
 * {@link #gcjToWgs} inverts it numerically.
 * <p>
 * Where the offset applies is decided by a hand-drawn polygon instead of the usual rectangle, which takes in
 * Seoul, Hanoi and Ulaanbaatar. Chinese map services (Amap, Tencent, Huawei) shift positions in the mainland,
 * Hainan, Hong Kong and Macau, but not in Taiwan. So Hong Kong and Macau lie inside the GCJ-02 polygon: their
 * land borders run through the streets of Shenzhen and Zhuhai, which a hand-drawn line could not follow
 * anyway. Taiwan (with Penghu) has a polygon of its own: {@link #inChina} accepts it, no offset is applied
 * there. Kinmen and Matsu sit a few kilometres off Xiamen and Fuzhou and fall inside the GCJ-02 polygon.
 */
final class ChinaCoordinates {

	/** Mean Earth radius (IUGG), for great-circle distances. */
	public static final double EARTH_MEAN_RADIUS_METERS = 6_371_008.8;

	// Krasovsky 1940 ellipsoid, as in the published algorithm.
	private static final double KRASOVSKY_A = 6378245.0;
	private static final double KRASOVSKY_EE = 0.00669342162296594323;

	// 1e-9 degrees is about 0.1 mm; the offset changes so slowly that 3 or 4 steps get there.
	private static final double INVERSE_TOLERANCE_DEGREES = 1e-9;
	private static final int MAX_INVERSE_STEPS = 30;

	// Approximate, hand-drawn from memory of the border and coastline: {lat, lon} vertices, clockwise from the
	// Argun river. Good to some 10–20 km, which is enough to tell capitals and provinces apart but not border
	// towns facing each other across a river (Heihe / Blagoveshchensk, Dandong / Sinuiju, Erenhot /
	// Zamyn-Üüd). The coast runs well out at sea to take in the islands (Zhoushan, Pingtan, Hainan); the line
	// along the Himalaya follows the boundary as drawn on Chinese maps.
	private static final Ring GCJ_MAINLAND = new Ring(new double[][] {
			// Russia: Amur and Ussuri
			{ 53.35, 121.20 }, { 53.60, 123.30 }, { 53.20, 125.00 }, { 51.75, 126.85 }, { 50.20, 127.60 },
			{ 49.30, 129.70 }, { 48.80, 130.60 }, { 47.70, 130.90 }, { 47.70, 132.60 }, { 48.55, 134.35 },
			{ 48.45, 134.75 }, { 47.50, 134.75 }, { 46.80, 134.15 }, { 46.00, 133.70 }, { 45.30, 133.10 },
			{ 44.90, 131.95 }, { 44.40, 131.30 }, { 43.40, 131.30 }, { 42.45, 130.65 },
			// North Korea: Tumen and Yalu
			{ 42.98, 129.80 }, { 42.25, 129.25 }, { 42.00, 128.05 }, { 41.35, 128.30 }, { 41.85, 127.00 },
			{ 41.05, 126.20 }, { 40.45, 125.00 }, { 40.05, 124.35 }, { 39.75, 124.10 },
			// Yellow Sea, East China Sea, west of Taiwan and Penghu, South China Sea round Hainan
			{ 38.70, 123.30 }, { 37.40, 123.00 }, { 30.80, 123.00 }, { 28.30, 122.20 }, { 27.00, 121.20 },
			{ 26.40, 120.60 }, { 25.55, 120.10 }, { 24.55, 119.20 }, { 23.65, 117.95 }, { 22.75, 116.30 },
			{ 21.90, 114.45 }, { 21.80, 113.30 }, { 21.35, 112.00 }, { 20.30, 111.35 }, { 18.20, 110.40 },
			{ 17.90, 109.50 }, { 18.30, 108.45 }, { 20.00, 108.35 }, { 21.50, 108.00 },
			// Vietnam, Laos
			{ 21.60, 107.40 }, { 21.95, 106.68 }, { 22.85, 106.75 }, { 23.10, 105.80 }, { 23.40, 105.30 },
			{ 22.50, 103.95 }, { 22.55, 103.00 }, { 22.40, 102.15 }, { 21.15, 101.75 }, { 21.20, 101.15 },
			// Myanmar
			{ 21.60, 100.10 }, { 22.25, 99.35 }, { 23.15, 99.00 }, { 23.85, 98.65 }, { 23.95, 97.75 },
			{ 24.75, 97.55 }, { 25.35, 98.15 }, { 25.95, 98.55 }, { 26.50, 98.75 }, { 27.60, 98.10 },
			{ 28.20, 97.40 },
			// India (east), Bhutan, Sikkim, Nepal
			{ 27.90, 95.90 }, { 27.60, 94.60 }, { 27.10, 93.60 }, { 26.85, 92.10 }, { 27.80, 91.65 },
			{ 28.30, 90.40 }, { 27.95, 89.50 }, { 27.30, 89.00 }, { 27.30, 88.85 }, { 28.10, 88.60 },
			{ 27.85, 88.15 }, { 28.00, 86.90 }, { 27.95, 85.95 }, { 28.30, 85.35 }, { 28.90, 84.30 },
			{ 29.30, 83.95 }, { 29.65, 82.80 }, { 30.15, 81.65 }, { 30.20, 81.00 },
			// India (west), Pakistan, Afghanistan, Tajikistan, Kyrgyzstan
			{ 31.05, 79.40 }, { 31.85, 78.75 }, { 32.55, 78.50 }, { 33.60, 78.90 }, { 35.50, 77.85 },
			{ 35.90, 76.50 }, { 36.85, 75.40 }, { 37.10, 74.60 }, { 38.30, 74.90 }, { 39.35, 73.65 },
			{ 39.75, 73.85 }, { 40.55, 75.40 }, { 41.00, 76.80 }, { 41.45, 78.40 }, { 42.20, 80.20 },
			// Kazakhstan, Russia (Altai)
			{ 42.75, 80.35 }, { 44.20, 80.30 }, { 45.00, 80.10 }, { 45.35, 82.40 }, { 46.50, 82.55 },
			{ 47.05, 83.05 }, { 47.20, 85.40 }, { 48.40, 85.65 }, { 49.15, 87.35 }, { 49.10, 87.85 },
			// Mongolia
			{ 48.45, 88.70 }, { 47.75, 90.10 }, { 46.60, 91.05 }, { 45.40, 93.50 }, { 44.80, 95.40 },
			{ 42.80, 96.40 }, { 42.75, 100.00 }, { 42.55, 101.80 }, { 41.60, 105.00 }, { 41.85, 106.80 },
			{ 42.45, 108.30 }, { 42.55, 110.45 }, { 43.65, 111.95 }, { 44.55, 113.40 }, { 45.00, 114.60 },
			{ 45.40, 116.30 }, { 46.30, 117.70 }, { 46.70, 119.90 }, { 47.30, 119.50 }, { 47.90, 117.10 },
			{ 48.15, 116.05 }, { 49.85, 116.70 },
			// Russia: Argun
			{ 49.63, 117.35 }, { 49.90, 117.80 }, { 50.60, 119.20 }, { 51.60, 120.00 }, { 52.60, 120.70 } });

	// Approximate, hand-drawn: the Xisha islands with Sansha's seat on Yongxing island.
	private static final Ring GCJ_XISHA = new Ring(new double[][] {
			{ 15.60, 111.00 }, { 17.30, 111.00 }, { 17.30, 112.95 }, { 15.60, 112.95 } });

	// Approximate, hand-drawn: Taiwan with Penghu, Green Island and Orchid Island. Chinese map services use
	// WGS-84 there, so no offset is applied.
	private static final Ring TAIWAN = new Ring(new double[][] {
			{ 25.70, 121.20 }, { 25.70, 122.20 }, { 21.80, 121.70 }, { 21.80, 120.60 }, { 23.00, 119.25 },
			{ 23.90, 119.25 } });

	// The offset is under 0.01 degrees; a GCJ-02 position farther than this from the polygons has no
	// WGS-84 position inside them.
	private static final double INVERSE_MARGIN_DEGREES = 0.05;

	private ChinaCoordinates() {
	}

	/** WGS-84 to GCJ-02; positions where Chinese maps do not shift (abroad, Taiwan) come back unchanged. */
	public static GeoPoint wgsToGcj(GeoPoint wgs) {
		if (!gcjApplies(wgs.lat(), wgs.lon())) {
			return wgs;
		}
		double[] offset = offset(wgs.lat(), wgs.lon());
		return new GeoPoint(wgs.lat() + offset[0], wgs.lon() + offset[1]);
	}

	/**
	 * GCJ-02 to WGS-84: the position whose {@link #wgsToGcj} is the given one, to within 1e-9 degrees. Found by
	 * fixed-point iteration, which converges because the offset changes by well under 1% of a step. Positions
	 * the offset does not reach come back unchanged.
	 */
	public static GeoPoint gcjToWgs(GeoPoint gcj) {
		double lat = gcj.lat();
		double lon = gcj.lon();
		if (!GCJ_MAINLAND.near(lat, lon, INVERSE_MARGIN_DEGREES) && !GCJ_XISHA.near(lat, lon, INVERSE_MARGIN_DEGREES)) {
			return gcj;
		}
		double wLat = lat;
		double wLon = lon;
		for (int step = 0; step < MAX_INVERSE_STEPS; step++) {
			double[] offset = offset(wLat, wLon);
			double errorLat = wLat + offset[0] - lat;
			double errorLon = wLon + offset[1] - lon;
			if (Math.abs(errorLat) < INVERSE_TOLERANCE_DEGREES && Math.abs(errorLon) < INVERSE_TOLERANCE_DEGREES) {
				break;
			}
			wLat -= errorLat;
			wLon -= errorLon;
		}
		// Along the polygon's edge the forward transform jumps by the offset, so a position may have two
		// preimages (itself, unshifted, and one inside) or none. Prefer the shifted one whenever either end
		// is inside: a GCJ-02 position near the edge most likely came from a Chinese map.
		if (gcjApplies(wLat, wLon) || gcjApplies(lat, lon)) {
			return new GeoPoint(wLat, wLon);
		}
		return gcj;
	}

	/**
	 * Whether the position is in China: the mainland with Hainan, Hong Kong, Macau, the coastal islands, the
	 * Xisha islands and Taiwan. Approximate near land borders (10–20 km); see the class comment.
	 */
	public static boolean inChina(double lat, double lon) {
		return gcjApplies(lat, lon) || TAIWAN.contains(lat, lon);
	}

	/** Whether Chinese maps shift this position: {@link #inChina} except Taiwan. */
	public static boolean gcjApplies(double lat, double lon) {
		return GCJ_MAINLAND.contains(lat, lon) || GCJ_XISHA.contains(lat, lon);
	}

	/** Great-circle distance on a sphere of {@link #EARTH_MEAN_RADIUS_METERS}; 0.5% or better against the ellipsoid. */
	public static double distanceMeters(GeoPoint a, GeoPoint b) {
		double phi1 = Math.toRadians(a.lat());
		double phi2 = Math.toRadians(b.lat());
		double sinHalfDPhi = Math.sin((phi2 - phi1) / 2);
		double sinHalfDLambda = Math.sin(Math.toRadians(b.lon() - a.lon()) / 2);
		double h = sinHalfDPhi * sinHalfDPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
		// Rounding can push h a hair above 1 for antipodal points.
		return 2 * EARTH_MEAN_RADIUS_METERS * Math.asin(Math.sqrt(Math.min(1.0, h)));
	}

	/** {dLat, dLon} in degrees that GCJ-02 adds at this WGS-84 position, wherever it is. */
	private static double[] offset(double lat, double lon) {
		double x = lon - 105.0;
		double y = lat - 35.0;
		double radLat = lat / 180.0 * Math.PI;
		double magic = Math.sin(radLat);
		magic = 1 - KRASOVSKY_EE * magic * magic;
		double sqrtMagic = Math.sqrt(magic);
		double dLat = (transformLat(x, y) * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
		double dLon = (transformLon(x, y) * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new double[] { dLat, dLon };
	}

	private static double transformLat(double x, double y) {
		double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return ret;
	}

	private static double transformLon(double x, double y) {
		double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return ret;
	}

	/** A closed polygon in degrees, tested by ray casting; fine at this size because no ring crosses 180°. */
	private static final class Ring {

		private final double[] lats;
		private final double[] lons;
		private final double minLat;
		private final double maxLat;
		private final double minLon;
		private final double maxLon;

		Ring(double[][] vertices) {
			lats = new double[vertices.length];
			lons = new double[vertices.length];
			double loLat = 90;
			double hiLat = -90;
			double loLon = 180;
			double hiLon = -180;
			for (int i = 0; i < vertices.length; i++) {
				lats[i] = vertices[i][0];
				lons[i] = vertices[i][1];
				loLat = Math.min(loLat, lats[i]);
				hiLat = Math.max(hiLat, lats[i]);
				loLon = Math.min(loLon, lons[i]);
				hiLon = Math.max(hiLon, lons[i]);
			}
			minLat = loLat;
			maxLat = hiLat;
			minLon = loLon;
			maxLon = hiLon;
		}

		boolean near(double lat, double lon, double margin) {
			return lat >= minLat - margin && lat <= maxLat + margin && lon >= minLon - margin && lon <= maxLon + margin;
		}

		boolean contains(double lat, double lon) {
			// NaN fails the box test, so it is never inside.
			if (!near(lat, lon, 0)) {
				return false;
			}
			boolean inside = false;
			for (int i = 0, j = lats.length - 1; i < lats.length; j = i++) {
				if ((lats[i] > lat) != (lats[j] > lat)) {
					double crossLon = lons[i] + (lat - lats[i]) / (lats[j] - lats[i]) * (lons[j] - lons[i]);
					if (lon < crossLon) {
						inside = !inside;
					}
				}
			}
			return inside;
		}
	}
}
