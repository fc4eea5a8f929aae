package org.gonghui.activity.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Judging arithmetic, free of the database. An entry's score is the mean of its judges' scores, after
 * dropping one highest and one lowest when five or more judges scored it. Ranking, best first: by that
 * score; a tie goes to the higher plain mean of all scores, then to the higher single best score; entries
 * still equal share the rank (并列) and are listed by entry number. Entries nobody scored come last, unranked.
 */
final class Scoring {

	static final int TRIM_FROM = 5;

	private Scoring() {
	}

	record Scored(long entryId, List<BigDecimal> scores) {
	}

	record Ranked(long entryId, Integer rank, BigDecimal score, BigDecimal plainMean, int judges) {
	}

	/** The entry's score, to three decimals; null when nobody scored it. */
	static BigDecimal entryScore(List<BigDecimal> scores) {
		if (scores.isEmpty()) {
			return null;
		}
		List<BigDecimal> counted = new ArrayList<>(scores);
		if (counted.size() >= TRIM_FROM) {
			counted.sort(Comparator.naturalOrder());
			counted = counted.subList(1, counted.size() - 1);
		}
		return mean(counted);
	}

	static BigDecimal mean(List<BigDecimal> scores) {
		if (scores.isEmpty()) {
			return null;
		}
		BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(scores.size()), 3, RoundingMode.HALF_UP);
	}

	static List<Ranked> rank(List<Scored> entries) {
		record Row(Scored entry, BigDecimal score, BigDecimal plain, BigDecimal best) {
		}
		List<Row> rows = entries.stream()
			.map(e -> new Row(e, entryScore(e.scores()), mean(e.scores()), e.scores().stream().max(Comparator.naturalOrder()).orElse(null)))
			.toList();
		Comparator<BigDecimal> desc = Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder());
		Comparator<Row> order = Comparator.comparing(Row::score, desc).thenComparing(Row::plain, desc).thenComparing(Row::best, desc);
		List<Row> sorted = rows.stream().sorted(order.thenComparing(r -> r.entry().entryId())).toList();
		List<Ranked> result = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Row r = sorted.get(i);
			Integer rank = null;
			if (r.score() != null) {
				rank = i > 0 && order.compare(sorted.get(i - 1), r) == 0 ? result.get(i - 1).rank() : i + 1;
			}
			result.add(new Ranked(r.entry().entryId(), rank, r.score(), r.plain(), r.entry().scores().size()));
		}
		return result;
	}
}
