package org.gonghui.facility.internal;

import org.gonghui.facility.Crs;
import org.gonghui.facility.GeoPoint;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.SiteType;
import org.gonghui.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * "The nearest open station with drinking water and a charger, now": answered from the in-memory index
 * of open public sites, in exact great-circle order, with "open now" by Beijing time. No database access.
 */
@Service
public class NearestSites {

	public static final int DEFAULT_K = 10;
	public static final int MAX_K = 50;

	private final SiteIndex index;
	private final Clock clock;

	NearestSites(SiteIndex index, Clock clock) {
		this.index = index;
		this.clock = clock;
	}

	/**
	 * Up to {@code k} open public sites nearest to the point, given in {@code crs} (WGS-84 when null).
	 * Throws {@link InvalidInputException} for a point that is not a valid location in China or a bad k.
	 */
	public List<NearbySite> nearest(Double lat, Double lon, Crs crs, Integer k, SiteType type, Collection<Amenity> amenities, boolean openNowOnly) {
		int limit = k == null ? DEFAULT_K : k;
		if (limit < 1 || limit > MAX_K) {
			throw InvalidInputException.of("k", "site.nearest.k", MAX_K);
		}
		GeoPoint from = Coordinates.toWgs84(lat, lon, crs);
		int minuteOfWeek = OpeningHours.minuteOfWeek(LocalDateTime.ofInstant(clock.instant(), SiteQueries.ZONE));
		long mask = amenities == null ? 0 : Amenity.maskOf(amenities);
		List<SiteIndex.Hit> hits = index.nearest(from.lat(), from.lon(), limit, new SiteIndex.Filter(type, mask, openNowOnly), minuteOfWeek);
		List<NearbySite> result = new ArrayList<>(hits.size());
		for (SiteIndex.Hit hit : hits) {
			GeoPoint gcj = ChinaCoordinates.wgsToGcj(new GeoPoint(hit.lat(), hit.lon()));
			result.add(new NearbySite(hit.id(), hit.name(), hit.type(), round6(hit.lat()), round6(hit.lon()), Math.round(hit.distanceMeters()),
					List.copyOf(Amenity.fromMask(hit.amenityMask())), hit.openNow(), Navigation.amapUrl(gcj, hit.name())));
		}
		return result;
	}

	/** Sites the index holds (open and public). */
	public int indexedSites() {
		return index.size();
	}

	private static double round6(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

	/** A result: WGS-84 position, distance in whole metres, and a link that opens AMap's riding directions. */
	public record NearbySite(long id, String name, SiteType type, double lat, double lon, long distanceMeters, List<Amenity> amenities,
			boolean openNow, String navigateUrl) {
	}
}
