package org.gonghui.facility.internal;

import org.gonghui.facility.Crs;
import org.gonghui.facility.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;

/**
 * Positions from forms and the API, checked and turned into the WGS-84 that is stored. Problems name the
 * field {@code lat} or {@code lon}; problems with the point as a whole name {@code lat} so that forms show
 * them next to the position.
 * <p>
 * A GCJ-02 position sent as WGS-84 cannot be recognised from the position alone: the offset maps China onto
 * itself, a few hundred metres to the side, so every GCJ-02 position is also a plausible WGS-84 one (and the
 * other way round). Neither neighbouring sites nor the organisation's other sites help, because they are
 * different places, farther apart than the offset. It can be told only against an independent WGS-84 fix of
 * the same place that is much more precise than the offset, such as the phone's GPS while standing at the
 * site: see {@link #suspectGcjGivenAsWgs}.
 */
final class Coordinates {

	public static final String REQUIRED = "site.location.required";
	public static final String NOT_NUMBER = "site.location.notNumber";
	public static final String RANGE = "site.location.range";
	public static final String SWAPPED = "site.location.swapped";
	public static final String OUTSIDE_CHINA = "site.location.outsideChina";
	public static final String GCJ_AS_WGS = "site.location.gcjAsWgs";

	private static final String LAT = "lat";
	private static final String LON = "lon";

	private Coordinates() {
	}

	/**
	 * Checks a position as typed or sent and returns it in WGS-84; {@code crs} null means WGS-84. Throws
	 * {@link InvalidInputException} with the codes above; swapped and outside-China problems name {@code lat}.
	 */
	public static GeoPoint toWgs84(Double lat, Double lon, Crs crs) {
		List<FieldProblem> problems = new ArrayList<>();
		checkNumber(LAT, lat, problems);
		checkNumber(LON, lon, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// Before the range check: a swapped pair in China usually has a latitude over 90 (116.4, 39.9).
		if (!ChinaCoordinates.inChina(lat, lon) && ChinaCoordinates.inChina(lon, lat)) {
			throw InvalidInputException.of(LAT, SWAPPED);
		}
		if (Math.abs(lat) > 90) {
			problems.add(new FieldProblem(LAT, RANGE, 90));
		}
		if (Math.abs(lon) > 180) {
			problems.add(new FieldProblem(LON, RANGE, 180));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!ChinaCoordinates.inChina(lat, lon)) {
			throw InvalidInputException.of(LAT, OUTSIDE_CHINA);
		}
		GeoPoint given = new GeoPoint(lat, lon);
		return crs == Crs.GCJ02 ? ChinaCoordinates.gcjToWgs(given) : given;
	}

	/** A stored WGS-84 position in the system a client asked for; null means WGS-84. */
	public static GeoPoint fromWgs84(GeoPoint wgs, Crs target) {
		return target == Crs.GCJ02 ? ChinaCoordinates.wgsToGcj(wgs) : wgs;
	}

	/**
	 * {@link #GCJ_AS_WGS} when a position given as WGS-84 is really GCJ-02, judged against {@code reference}: an
	 * independent WGS-84 fix of the same place (the phone's GPS at the site, not another site).
	 * {@code toleranceMeters} is how far apart the two may be when both are right, e.g. the GPS accuracy the
	 * browser reports plus some metres for picking on a map.
	 * <p>
	 * If the given position is WGS-84 it lies within the tolerance of the reference and at least the offset
	 * minus the tolerance from the shifted reference; if it is GCJ-02, the other way round. So the answer is
	 * sound only where the offset is at least three tolerances; elsewhere (a poor fix, no offset as in Taiwan)
	 * the result is empty, meaning "cannot tell", not "fine".
	 */
	public static Optional<String> suspectGcjGivenAsWgs(GeoPoint given, GeoPoint reference, double toleranceMeters) {
		if (!(toleranceMeters >= 0)) {
			throw new IllegalArgumentException("Tolerance must be zero or more: " + toleranceMeters);
		}
		GeoPoint shiftedReference = ChinaCoordinates.wgsToGcj(reference);
		double offset = ChinaCoordinates.distanceMeters(reference, shiftedReference);
		if (offset < 3 * toleranceMeters || offset == 0) {
			return Optional.empty();
		}
		return ChinaCoordinates.distanceMeters(given, shiftedReference) <= toleranceMeters ? Optional.of(GCJ_AS_WGS)
				: Optional.empty();
	}

	private static void checkNumber(String field, Double value, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, REQUIRED));
		}
		else if (value.isNaN() || value.isInfinite()) {
			problems.add(new FieldProblem(field, NOT_NUMBER));
		}
	}
}
