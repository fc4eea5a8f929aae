package org.gonghui.facility.internal;

import java.util.List;

import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap of an index of 400,000 synthetic sites (JOL: everything reachable from the index,
 * schedules included), per site and by class, and the time of the first, cold full load (as at
 * application start) next to that of a warm one.
 */
public class SiteIndexFootprint {

	public static void main(String[] args) {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : SiteIndexBenchmark.SITES;
		List<SiteIndex.Entry> entries = SiteIndexSites.entries(n, 1);
		var index = new SiteIndex();
		long start = System.nanoTime();
		index.replaceAll(entries);
		long cold = System.nanoTime() - start;
		for (int i = 0; i < 3; i++) {
			new SiteIndex().replaceAll(entries);
		}
		start = System.nanoTime();
		new SiteIndex().replaceAll(entries);
		long warm = System.nanoTime() - start;
		int chars = entries.stream().mapToInt(e -> e.name().length()).sum();
		GraphLayout layout = GraphLayout.parseInstance(index);
		System.out.println(layout.toFootprint());
		System.out.printf("sites: %,d (names %.1f characters on average)%n", n, (double) chars / n);
		System.out.printf("full load: first (cold JVM) %,d ms, warm %,d ms%n", cold / 1_000_000, warm / 1_000_000);
		System.out.printf("retained heap: %,d bytes = %.1f bytes per site%n", layout.totalSize(), (double) layout.totalSize() / n);
	}
}
