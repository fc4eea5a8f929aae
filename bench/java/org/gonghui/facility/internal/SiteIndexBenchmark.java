package org.gonghui.facility.internal;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.SiteType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nearest-10 on 400,000 synthetic sites ({@link SiteIndexSites}), in-process, one thread. SampleTime,
 * so JMH reports percentiles: the figure is p0.50. Query positions around the cities and query minutes
 * over the week are drawn in advance and cycled. Lives in the index's package because the index is
 * package-private (ArchitectureTests: only services are public in internal/).
 */
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SiteIndexBenchmark {

	static final int SITES = 400_000;

	@State(Scope.Benchmark)
	public static class Loaded {

		SiteIndex index;

		double[][] queries;

		int[] minutes;

		int next;

		final SiteIndex.Filter stationWithChargingOpenNow = new SiteIndex.Filter(SiteType.OUTDOOR_WORKER_STATION,
				Amenity.EBIKE_CHARGING.mask(), true);

		@Setup
		public void load() {
			index = new SiteIndex();
			index.replaceAll(SiteIndexSites.entries(SITES, 1));
			queries = SiteIndexSites.queries(1 << 14, 2);
			minutes = new Random(3).ints(1 << 14, 0, SiteIndex.MINUTES_PER_WEEK).toArray();
		}

		int next() {
			return next = (next + 1) & (queries.length - 1);
		}
	}

	@State(Scope.Benchmark)
	public static class Entries {

		List<SiteIndex.Entry> entries;

		@Setup
		public void generate() {
			entries = SiteIndexSites.entries(SITES, 1);
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public List<SiteIndex.Hit> nearest10(Loaded state) {
		int i = state.next();
		return state.index.nearest(state.queries[i][0], state.queries[i][1], 10, SiteIndex.Filter.NONE, state.minutes[i]);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public List<SiteIndex.Hit> nearest10StationWithEbikeChargingOpenNow(Loaded state) {
		int i = state.next();
		return state.index.nearest(state.queries[i][0], state.queries[i][1], 10, state.stationWithChargingOpenNow, state.minutes[i]);
	}

	/** A full load of 400,000 sites: columns, tree, id order. */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 3)
	@Measurement(iterations = 8)
	public SiteIndex build(Entries state) {
		var index = new SiteIndex();
		index.replaceAll(state.entries);
		return index;
	}
}
