package org.gonghui.facility.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.SiteType;

/**
 * Synthetic sites for the index benchmarks, seeded: 85% around 30 Chinese cities (Gaussian, σ ≈ 15 km,
 * bigger cities weigh more), 15% anywhere over China's bounding box; names like
 * "丰台区卢沟桥街道暖心驿站123"; 56 distinct opening-hours schedules; amenities at realistic rates.
 */
final class SiteIndexSites {

	/** Daily hours on the days in {@code days} (bit 0 Monday); {@code close <= open} runs past midnight. */
	record Hours(int open, int close, int days) implements SiteIndex.WeeklySchedule {

		@Override
		public boolean isOpenAtMinuteOfWeek(int minuteOfWeek) {
			int day = minuteOfWeek / 1440, minute = minuteOfWeek % 1440;
			if (open < close) {
				return (days >>> day & 1) != 0 && minute >= open && minute < close;
			}
			return ((days >>> day & 1) != 0 && minute >= open) || ((days >>> ((day + 6) % 7) & 1) != 0 && minute < close);
		}
	}

	private static final double[][] CITIES = { { 39.904, 116.407 }, { 31.230, 121.474 }, { 23.129, 113.264 }, { 22.543, 114.058 },
			{ 30.573, 104.066 }, { 29.563, 106.551 }, { 39.343, 117.362 }, { 30.593, 114.305 }, { 30.274, 120.155 }, { 34.341, 108.940 },
			{ 32.060, 118.797 }, { 31.299, 120.585 }, { 34.746, 113.625 }, { 28.228, 112.939 }, { 41.806, 123.432 }, { 36.067, 120.383 },
			{ 36.651, 117.120 }, { 45.803, 126.535 }, { 38.914, 121.615 }, { 25.038, 102.718 }, { 24.480, 118.089 }, { 31.821, 117.227 },
			{ 26.074, 119.296 }, { 43.817, 125.324 }, { 38.042, 114.515 }, { 22.817, 108.366 }, { 37.870, 112.549 }, { 43.825, 87.617 },
			{ 26.647, 106.630 }, { 36.061, 103.834 } };

	private static final String[] DISTRICTS = { "丰台区", "朝阳区", "海淀区", "西城区", "东城区", "浦东新区", "徐汇区", "天河区", "南山区", "武侯区",
			"渝中区", "和平区", "江汉区", "西湖区", "雁塔区", "鼓楼区", "姑苏区", "金水区", "岳麓区", "沈河区", "市南区", "历下区", "南岗区", "中山区" };

	private static final String[] STREETS = { "卢沟桥街道", "望京街道", "中关村街道", "金融街街道", "东华门街道", "陆家嘴街道", "天平路街道", "石牌街道",
			"粤海街道", "玉林街道", "解放碑街道", "劝业场街道", "民族街道", "北山街道", "小寨路街道", "湖南路街道", "平江街道", "花园路街道", "橘子洲街道",
			"五里河街道", "八大关街道", "泉城路街道", "花园街道", "人民路街道", "新华街道", "城关镇", "长安街道", "建设路街道" };

	private static final String[] SUFFIX = { "职工之家", "暖心驿站", "心理减压室", "母婴关爱室" };

	/** OUTDOOR_WORKER_STATION 55%, WORKERS_HOME 25%, NURSING_ROOM 12%, DECOMPRESSION_ROOM 8%. */
	private static final double[] TYPE_SHARE = { 0.25, 0.55, 0.08, 0.12 };

	/** In {@link Amenity} order: drinking water 90%, …, e-bike charging 40%, …, books 20%. */
	private static final double[] AMENITY_RATE = { 0.90, 0.70, 0.50, 0.40, 0.60, 0.85, 0.70, 0.60, 0.50, 0.20 };

	static final List<SiteIndex.WeeklySchedule> SCHEDULES = schedules();

	private SiteIndexSites() {
	}

	/** 24/7, 32 day-time variants on weekdays or every day, overnight ones, lunch-only, weekends-only: 56 in all. */
	private static List<SiteIndex.WeeklySchedule> schedules() {
		List<SiteIndex.WeeklySchedule> list = new ArrayList<>();
		list.add(new Hours(0, 0, 0x7f));
		for (int open : new int[] { 6, 7, 8, 9 }) {
			for (int close : new int[] { 17, 18, 20, 22 }) {
				list.add(new Hours(open * 60, close * 60, 0x1f));
				list.add(new Hours(open * 60, close * 60, 0x7f));
			}
		}
		for (int open : new int[] { 18, 20, 22 }) {
			for (int close : new int[] { 6, 8 }) {
				list.add(new Hours(open * 60, close * 60, 0x7f));
				list.add(new Hours(open * 60, close * 60, 0x1f));
			}
		}
		list.add(new Hours(11 * 60, 14 * 60, 0x1f));
		list.add(new Hours(11 * 60 + 30, 13 * 60 + 30, 0x7f));
		list.add(new Hours(9 * 60, 17 * 60, 0x60));
		list.add(new Hours(10 * 60, 16 * 60, 0x60));
		list.add(new Hours(8 * 60 + 30, 17 * 60 + 30, 0x1f));
		list.add(new Hours(8 * 60 + 30, 12 * 60, 0x3f));
		list.add(new Hours(14 * 60, 21 * 60, 0x7f));
		list.add(new Hours(5 * 60, 23 * 60, 0x7f));
		list.add(new Hours(7 * 60, 23 * 60, 0x7f));
		list.add(new Hours(6 * 60, 10 * 60, 0x7f));
		list.add(new Hours(16 * 60, 20 * 60, 0x1f));
		return List.copyOf(list);
	}

	static List<SiteIndex.Entry> entries(int n, long seed) {
		var random = new Random(seed);
		List<SiteIndex.Entry> entries = new ArrayList<>(n);
		var name = new StringBuilder();
		for (int i = 0; i < n; i++) {
			double[] p = random.nextDouble() < 0.85 ? nearCity(random) : new double[] { 20 + random.nextDouble() * 28, 80 + random.nextDouble() * 50 };
			int type = pick(random, TYPE_SHARE);
			long mask = 0;
			for (int bit = 0; bit < AMENITY_RATE.length; bit++) {
				mask |= random.nextDouble() < AMENITY_RATE[bit] ? Amenity.values()[bit].mask() : 0;
			}
			// A third 24/7 (most outdoor stations), the rest spread over the other schedules.
			SiteIndex.WeeklySchedule hours = random.nextInt(3) == 0 ? SCHEDULES.get(0) : SCHEDULES.get(1 + random.nextInt(SCHEDULES.size() - 1));
			name.setLength(0);
			name.append(DISTRICTS[random.nextInt(DISTRICTS.length)]).append(STREETS[random.nextInt(STREETS.length)]).append(SUFFIX[type])
				.append(1 + random.nextInt(999));
			entries.add(new SiteIndex.Entry(1_000_000L + i, name.toString(), SiteType.values()[type], p[0], p[1], mask, hours, 1));
		}
		return entries;
	}

	/** Query positions: where people are, so around the cities. */
	static double[][] queries(int n, long seed) {
		var random = new Random(seed);
		double[][] queries = new double[n][];
		for (int i = 0; i < n; i++) {
			queries[i] = nearCity(random);
		}
		return queries;
	}

	private static double[] nearCity(Random random) {
		// Weight of city i ~ 1 / (i + 1)^0.7: the first cities listed are the largest.
		double total = 0;
		for (int i = 0; i < CITIES.length; i++) {
			total += Math.pow(i + 1, -0.7);
		}
		double pick = random.nextDouble() * total;
		int city = 0;
		while (city < CITIES.length - 1 && (pick -= Math.pow(city + 1, -0.7)) > 0) {
			city++;
		}
		return new double[] { CITIES[city][0] + random.nextGaussian() * 0.135, CITIES[city][1] + random.nextGaussian() * 0.16 };
	}

	private static int pick(Random random, double[] shares) {
		double r = random.nextDouble();
		for (int i = 0; i < shares.length - 1; i++) {
			if ((r -= shares[i]) < 0) {
				return i;
			}
		}
		return shares.length - 1;
	}
}
