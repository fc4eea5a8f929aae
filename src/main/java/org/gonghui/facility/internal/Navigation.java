package org.gonghui.facility.internal;

import org.gonghui.facility.GeoPoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Links into Chinese map apps. AMap's public URI API (uri.amap.com) opens the app on a phone and the
 * web map elsewhere; it expects GCJ-02 coordinates ({@code coordinate=gaode}).
 */
final class Navigation {

	private Navigation() {
	}

	/** Riding directions (couriers ride e-bikes) to the point, which must already be GCJ-02. */
	static String amapUrl(GeoPoint gcj, String name) {
		return String.format(Locale.ROOT, "https://uri.amap.com/navigation?to=%.6f,%.6f,%s&mode=ride&coordinate=gaode&callnative=1&src=gonghui",
				gcj.lon(), gcj.lat(), URLEncoder.encode(name, StandardCharsets.UTF_8));
	}
}
