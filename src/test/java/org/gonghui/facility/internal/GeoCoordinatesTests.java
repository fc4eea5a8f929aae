package org.gonghui.facility.internal;

import org.gonghui.facility.Crs;
import org.gonghui.facility.GeoPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.assertj.core.groups.Tuple;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoCoordinatesTests {

	private static final GeoPoint TIANANMEN = new GeoPoint(39.908692, 116.397477);

	// ---- GCJ-02 against published pairs ----

	@ParameterizedTest
	@CsvSource(textBlock = """
			# test vectors of googollee/eviltransform (Shanghai, Shenzhen, Beijing)
			31.1774276, 121.5272106, 31.17530398364597, 121.531541859215
			22.543847,  113.912316,  22.540796131694766, 113.9171764808363
			39.911954,  116.377817,  39.91334545536069, 116.38404722455657
			""")
	void matchesEviltransformVectors(double wgsLat, double wgsLon, double gcjLat, double gcjLon) {
		GeoPoint gcj = ChinaCoordinates.wgsToGcj(new GeoPoint(wgsLat, wgsLon));
		assertThat(gcj.lat()).isCloseTo(gcjLat, within(1e-9));
		assertThat(gcj.lon()).isCloseTo(gcjLon, within(1e-9));
		GeoPoint wgs = ChinaCoordinates.gcjToWgs(new GeoPoint(gcjLat, gcjLon));
		assertThat(wgs.lat()).isCloseTo(wgsLat, within(1e-8));
		assertThat(wgs.lon()).isCloseTo(wgsLon, within(1e-8));
	}

	@Test
	void matchesOtherPublishedPairs() {
		// geoChina (R): WGS (39.90734, 116.39089) -> GCJ (39.90874107, 116.39713094).
		GeoPoint gcj = ChinaCoordinates.wgsToGcj(new GeoPoint(39.90734, 116.39089));
		assertThat(gcj.lat()).isCloseTo(39.90874107, within(1e-5));
		assertThat(gcj.lon()).isCloseTo(116.39713094, within(1e-5));
		// Tiananmen, as commonly quoted: GCJ (39.910093, 116.403719).
		gcj = ChinaCoordinates.wgsToGcj(TIANANMEN);
		assertThat(gcj.lat()).isCloseTo(39.910093, within(1e-5));
		assertThat(gcj.lon()).isCloseTo(116.403719, within(1e-5));
		// gcoord (JS): GCJ (45, 123) -> WGS (44.99804071, 122.99395597).
		GeoPoint wgs = ChinaCoordinates.gcjToWgs(new GeoPoint(45, 123));
		assertThat(wgs.lat()).isCloseTo(44.99804071, within(1e-5));
		assertThat(wgs.lon()).isCloseTo(122.99395597, within(1e-5));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			Beijing,   39.9042, 116.4074
			Shanghai,  31.2304, 121.4737
			Guangzhou, 23.1291, 113.2644
			Urumqi,    43.8256, 87.6168
			Lhasa,     29.6525, 91.1721
			Harbin,    45.8038, 126.5350
			Xining,    36.6171, 101.7782
			Haikou,    20.0440, 110.1999
			""")
	void shiftsAFewHundredMetresInChina(String city, double lat, double lon) {
		GeoPoint wgs = new GeoPoint(lat, lon);
		assertThat(ChinaCoordinates.distanceMeters(wgs, ChinaCoordinates.wgsToGcj(wgs))).as(city).isBetween(100.0, 700.0);
	}

	@Test
	void roundTripsWithinACentimetreEverywhereInChina() {
		Random random = new Random(20240601);
		int tested = 0;
		while (tested < 5000) {
			double lat = 15 + random.nextDouble() * 40;
			double lon = 73 + random.nextDouble() * 63;
			if (!ChinaCoordinates.gcjApplies(lat, lon)) {
				continue;
			}
			tested++;
			GeoPoint wgs = new GeoPoint(lat, lon);
			GeoPoint gcj = ChinaCoordinates.wgsToGcj(wgs);
			assertThat(ChinaCoordinates.distanceMeters(wgs, gcj)).isLessThan(720.0);
			assertThat(ChinaCoordinates.distanceMeters(wgs, ChinaCoordinates.gcjToWgs(gcj))).as("%s", wgs).isLessThan(0.01);
		}
	}

	@Test
	void inverseIsExactForGcjPositionsToo() {
		Random random = new Random(7);
		for (int i = 0; i < 1000; i++) {
			GeoPoint gcj = new GeoPoint(25 + random.nextDouble() * 15, 100 + random.nextDouble() * 20);
			GeoPoint back = ChinaCoordinates.wgsToGcj(ChinaCoordinates.gcjToWgs(gcj));
			assertThat(back.lat()).isCloseTo(gcj.lat(), within(1e-9));
			assertThat(back.lon()).isCloseTo(gcj.lon(), within(1e-9));
		}
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			Seoul,       37.5665, 126.9780
			Tokyo,       35.6762, 139.6503
			New York,    40.7128, -74.0060
			Sydney,     -33.8688, 151.2093
			Hanoi,       21.0278, 105.8342
			Ulaanbaatar, 47.8864, 106.9057
			Null Island,  0.0,      0.0
			North Pole,  90.0,      0.0
			# Taiwan: Chinese maps use WGS-84 there
			Taipei,      25.0330, 121.5654
			Kaohsiung,   22.6273, 120.3014
			""")
	void leavesPositionsWithoutOffsetUnchanged(String place, double lat, double lon) {
		GeoPoint point = new GeoPoint(lat, lon);
		assertThat(ChinaCoordinates.wgsToGcj(point)).as(place).isEqualTo(point);
		assertThat(ChinaCoordinates.gcjToWgs(point)).as(place).isEqualTo(point);
	}

	// ---- where China is ----

	@ParameterizedTest
	@CsvSource(textBlock = """
			Beijing,       39.9042, 116.4074
			Tianjin,       39.3434, 117.3616
			Shanghai,      31.2304, 121.4737
			Chongqing,     29.5630, 106.5516
			Shijiazhuang,  38.0428, 114.5149
			Taiyuan,       37.8706, 112.5489
			Hohhot,        40.8424, 111.7490
			Shenyang,      41.8057, 123.4315
			Changchun,     43.8171, 125.3235
			Harbin,        45.8038, 126.5350
			Nanjing,       32.0603, 118.7969
			Hangzhou,      30.2741, 120.1551
			Hefei,         31.8206, 117.2272
			Fuzhou,        26.0745, 119.2965
			Nanchang,      28.6820, 115.8579
			Jinan,         36.6512, 117.1201
			Zhengzhou,     34.7466, 113.6254
			Wuhan,         30.5928, 114.3055
			Changsha,      28.2282, 112.9388
			Guangzhou,     23.1291, 113.2644
			Nanning,       22.8170, 108.3665
			Haikou,        20.0440, 110.1999
			Chengdu,       30.5728, 104.0668
			Guiyang,       26.6470, 106.6302
			Kunming,       25.0389, 102.7183
			Lhasa,         29.6525, 91.1721
			Xian,          34.3416, 108.9398
			Lanzhou,       36.0611, 103.8343
			Xining,        36.6171, 101.7782
			Yinchuan,      38.4872, 106.2309
			Urumqi,        43.8256, 87.6168
			Kashgar,       39.4677, 75.9938
			Mohe,          52.9725, 122.5389
			Sanya,         18.2528, 109.5119
			Shenzhen,      22.5431, 114.0579
			Zhuhai Hengqin,22.1300, 113.5200
			Xiamen,        24.4798, 118.0894
			Sansha,        16.8310, 112.3370
			Hong Kong,     22.3193, 114.1694
			Macau,         22.1987, 113.5439
			Taipei,        25.0330, 121.5654
			""")
	void acceptsChina(String city, double lat, double lon) {
		assertThat(ChinaCoordinates.inChina(lat, lon)).as(city).isTrue();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			Seoul,        37.5665, 126.9780
			Pyongyang,    39.0392, 125.7625
			Tokyo,        35.6762, 139.6503
			Hanoi,        21.0278, 105.8342
			Ulaanbaatar,  47.8864, 106.9057
			New Delhi,    28.6139, 77.2090
			Moscow,       55.7558, 37.6173
			Bangkok,      13.7563, 100.5018
			Vientiane,    17.9757, 102.6331
			Naypyidaw,    19.7633, 96.0785
			Kathmandu,    27.7172, 85.3240
			Thimphu,      27.4728, 89.6390
			Islamabad,    33.6844, 73.0479
			Kabul,        34.5553, 69.2075
			Dushanbe,     38.5598, 68.7870
			Bishkek,      42.8746, 74.5698
			Astana,       51.1694, 71.4491
			Manila,       14.5995, 120.9842
			Dhaka,        23.8103, 90.4125
			Vladivostok,  43.1155, 131.8855
			Khabarovsk,   48.4800, 135.0700
			Almaty,       43.2220, 76.8512
			Naha,         26.2124, 127.6809
			""")
	void refusesNeighbours(String city, double lat, double lon) {
		assertThat(ChinaCoordinates.inChina(lat, lon)).as(city).isFalse();
	}

	@Test
	void offsetAppliesInHongKongAndMacauButNotInTaiwan() {
		assertThat(ChinaCoordinates.gcjApplies(22.3193, 114.1694)).isTrue();
		assertThat(ChinaCoordinates.gcjApplies(22.1987, 113.5439)).isTrue();
		assertThat(ChinaCoordinates.gcjApplies(25.0330, 121.5654)).isFalse();
		assertThat(ChinaCoordinates.gcjApplies(23.5700, 119.5800)).isFalse();
		assertThat(ChinaCoordinates.inChina(Double.NaN, 116.4)).isFalse();
	}

	// ---- distances ----

	@Test
	void measuresGreatCircleDistances() {
		GeoPoint beijing = new GeoPoint(39.9042, 116.4074);
		GeoPoint shanghai = new GeoPoint(31.2304, 121.4737);
		assertThat(ChinaCoordinates.distanceMeters(beijing, shanghai)).isCloseTo(1_067_000.0, within(1_067_000.0 * 0.005));
		assertThat(ChinaCoordinates.distanceMeters(beijing, shanghai)).isEqualTo(ChinaCoordinates.distanceMeters(shanghai, beijing));
		assertThat(ChinaCoordinates.distanceMeters(beijing, beijing)).isZero();
		double halfCircumference = Math.PI * ChinaCoordinates.EARTH_MEAN_RADIUS_METERS;
		assertThat(ChinaCoordinates.distanceMeters(new GeoPoint(0, 0), new GeoPoint(0, 180))).isCloseTo(halfCircumference, within(1.0));
		assertThat(ChinaCoordinates.distanceMeters(new GeoPoint(90, 0), new GeoPoint(-90, 0))).isCloseTo(halfCircumference, within(1.0));
		assertThat(ChinaCoordinates.distanceMeters(TIANANMEN, new GeoPoint(-39.908692, 116.397477 - 180))).isCloseTo(halfCircumference, within(1.0));
		// One degree of longitude on the equator, and across the date line.
		assertThat(ChinaCoordinates.distanceMeters(new GeoPoint(0, 116), new GeoPoint(0, 117))).isCloseTo(halfCircumference / 180, within(1e-3));
		assertThat(ChinaCoordinates.distanceMeters(new GeoPoint(0, 179.5), new GeoPoint(0, -179.5))).isCloseTo(halfCircumference / 180, within(1e-3));
		assertThat(ChinaCoordinates.EARTH_MEAN_RADIUS_METERS).isEqualTo(6_371_008.8);
	}

	@Test
	void geoPointRefusesImpossibleValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(Double.NaN, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(0, Double.POSITIVE_INFINITY));
		assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(90.0001, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(0, -180.0001));
	}

	// ---- validating what forms and the API send ----

	@Test
	void acceptsWgs84AsIs() {
		assertThat(Coordinates.toWgs84(39.908692, 116.397477, Crs.WGS84)).isEqualTo(TIANANMEN);
		assertThat(Coordinates.toWgs84(39.908692, 116.397477, null)).isEqualTo(TIANANMEN);
		assertThat(Coordinates.toWgs84(25.0330, 121.5654, Crs.WGS84)).isEqualTo(new GeoPoint(25.0330, 121.5654));
	}

	@Test
	void convertsGcj02ToWgs84() {
		GeoPoint wgs = Coordinates.toWgs84(39.910093, 116.403719, Crs.GCJ02);
		assertThat(ChinaCoordinates.distanceMeters(wgs, TIANANMEN)).isLessThan(1.0);
		// No offset in Taiwan, whatever the client says.
		assertThat(Coordinates.toWgs84(25.0330, 121.5654, Crs.GCJ02)).isEqualTo(new GeoPoint(25.0330, 121.5654));
	}

	@Test
	void convertsForOutput() {
		assertThat(Coordinates.fromWgs84(TIANANMEN, Crs.WGS84)).isEqualTo(TIANANMEN);
		assertThat(Coordinates.fromWgs84(TIANANMEN, null)).isEqualTo(TIANANMEN);
		assertThat(Coordinates.fromWgs84(TIANANMEN, Crs.GCJ02)).isEqualTo(ChinaCoordinates.wgsToGcj(TIANANMEN));
		GeoPoint back = Coordinates.toWgs84(Coordinates.fromWgs84(TIANANMEN, Crs.GCJ02).lat(),
				Coordinates.fromWgs84(TIANANMEN, Crs.GCJ02).lon(), Crs.GCJ02);
		assertThat(ChinaCoordinates.distanceMeters(back, TIANANMEN)).isLessThan(0.01);
	}

	@Test
	void saysWhatIsMissing() {
		assertProblems(() -> Coordinates.toWgs84(null, 116.4, Crs.WGS84), tuple("lat", "site.location.required"));
		assertProblems(() -> Coordinates.toWgs84(39.9, null, Crs.WGS84), tuple("lon", "site.location.required"));
		assertProblems(() -> Coordinates.toWgs84(null, null, null), tuple("lat", "site.location.required"),
				tuple("lon", "site.location.required"));
	}

	@Test
	void refusesWhatIsNotANumber() {
		assertProblems(() -> Coordinates.toWgs84(Double.NaN, 116.4, Crs.WGS84), tuple("lat", "site.location.notNumber"));
		assertProblems(() -> Coordinates.toWgs84(39.9, Double.POSITIVE_INFINITY, Crs.WGS84), tuple("lon", "site.location.notNumber"));
		assertProblems(() -> Coordinates.toWgs84(Double.NEGATIVE_INFINITY, null, Crs.GCJ02), tuple("lat", "site.location.notNumber"),
				tuple("lon", "site.location.required"));
	}

	@Test
	void refusesWhatIsOutOfRange() {
		var e = assertProblems(() -> Coordinates.toWgs84(95.0, 10.0, Crs.WGS84), tuple("lat", "site.location.range"));
		assertThat(e.problems().get(0).args()).containsExactly(90);
		e = assertProblems(() -> Coordinates.toWgs84(30.0, 200.0, Crs.WGS84), tuple("lon", "site.location.range"));
		assertThat(e.problems().get(0).args()).containsExactly(180);
		assertProblems(() -> Coordinates.toWgs84(-91.0, -181.0, Crs.WGS84), tuple("lat", "site.location.range"),
				tuple("lon", "site.location.range"));
	}

	@Test
	void noticesSwappedLatitudeAndLongitude() {
		assertProblems(() -> Coordinates.toWgs84(116.4, 39.9, Crs.WGS84), tuple("lat", "site.location.swapped"));
		assertProblems(() -> Coordinates.toWgs84(116.403719, 39.910093, Crs.GCJ02), tuple("lat", "site.location.swapped"));
		// Urumqi swapped: both values are in range, but (87.6, 43.8) is the Arctic Ocean.
		assertProblems(() -> Coordinates.toWgs84(87.6168, 43.8256, Crs.WGS84), tuple("lat", "site.location.swapped"));
	}

	@Test
	void refusesPositionsOutsideChina() {
		assertProblems(() -> Coordinates.toWgs84(37.5665, 126.9780, Crs.WGS84), tuple("lat", "site.location.outsideChina"));
		assertProblems(() -> Coordinates.toWgs84(0.0, 0.0, null), tuple("lat", "site.location.outsideChina"));
		// Seoul swapped is not in China either, so it is just outside.
		assertProblems(() -> Coordinates.toWgs84(126.9780, 37.5665, Crs.WGS84), tuple("lat", "site.location.range"));
	}

	@Test
	void recognisesGcj02GivenAsWgs84AgainstAFixOfTheSamePlace() {
		// The phone's GPS at the site (WGS-84, good to 20 m) and what staff typed from a Chinese map.
		GeoPoint gps = TIANANMEN;
		GeoPoint fromAmap = ChinaCoordinates.wgsToGcj(new GeoPoint(TIANANMEN.lat() + 0.0001, TIANANMEN.lon() - 0.0001));
		assertThat(Coordinates.suspectGcjGivenAsWgs(fromAmap, gps, 30)).contains("site.location.gcjAsWgs");
		// Typed as WGS-84 from the GPS: fine.
		GeoPoint typed = new GeoPoint(TIANANMEN.lat() + 0.0001, TIANANMEN.lon() - 0.0001);
		assertThat(Coordinates.suspectGcjGivenAsWgs(typed, gps, 30)).isEmpty();
		// A fix too poor to tell (the offset here is 555 m), no offset in Taiwan, or a different place: cannot tell.
		assertThat(Coordinates.suspectGcjGivenAsWgs(fromAmap, gps, 200)).isEmpty();
		GeoPoint taipei = new GeoPoint(25.0330, 121.5654);
		assertThat(Coordinates.suspectGcjGivenAsWgs(taipei, taipei, 10)).isEmpty();
		assertThat(Coordinates.suspectGcjGivenAsWgs(new GeoPoint(39.95, 116.45), gps, 30)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> Coordinates.suspectGcjGivenAsWgs(typed, gps, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> Coordinates.suspectGcjGivenAsWgs(typed, gps, Double.NaN));
	}

	private static InvalidInputException assertProblems(Runnable call, Tuple... expected) {
		try {
			call.run();
		}
		catch (InvalidInputException e) {
			assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(expected);
			return e;
		}
		throw new AssertionError("Expected InvalidInputException with " + java.util.Arrays.toString(expected));
	}
}
