package org.gonghui.care.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.gonghui.care.ServiceForm;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.TextChecks;

/**
 * The rules of satisfaction ratings, as pure functions: a score is a whole number from 1 to 5, a comment at most 500
 * characters (blank is none); an average is shown to one decimal, rounded half up; forms of service are ranked by
 * their exact average, then by how many rated them; a one-to-one appointment form with fewer than ten ratings is
 * suppressed (the threshold of {@link CareFigures}), so no worker's rating of their counsellor can be read off a
 * small count.
 */
final class RatingRules {

	static final int MIN_SCORE = 1;
	static final int MAX_SCORE = 5;
	static final int MAX_COMMENT = 500;

	private RatingRules() {
	}

	/** The score, or a problem: missing, or not from 1 to 5. */
	static Integer score(Integer score, List<FieldProblem> problems) {
		if (score == null) {
			problems.add(new FieldProblem("score", "validation.required"));
			return null;
		}
		if (score < MIN_SCORE || score > MAX_SCORE) {
			problems.add(new FieldProblem("score", "care.rating.score", MIN_SCORE, MAX_SCORE));
			return null;
		}
		return score;
	}

	/** The comment cleaned (line breaks kept, ends trimmed), null when blank; at most {@value #MAX_COMMENT} characters. */
	static String comment(String text, List<FieldProblem> problems) {
		return TextChecks.text(text, "comment", MAX_COMMENT, problems);
	}

	/** The average of {@code count} scores adding up to {@code sum}, to one decimal (half up); null without scores. */
	static BigDecimal average(long sum, long count) {
		return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
	}

	/** Whether a form's figures are withheld: an appointment form under ten ratings (none included). */
	static boolean suppressed(ServiceForm form, long count) {
		return form.isAppointment() && count < CareFigures.MIN_CELL;
	}

	/** How many rated a form and the sum of their scores. */
	record Tally(long count, long sum) {
	}

	/** A form's line in the ranking: rank null when it is not ranked (suppressed); count and average null when suppressed. */
	record Ranked(ServiceForm form, Integer rank, Long count, BigDecimal average, boolean suppressed) {
	}

	/** Higher exact average first (compared as fractions, no rounding), then more ratings, then the order of the enum. */
	static final Comparator<Map.Entry<ServiceForm, Tally>> BEST_FIRST = (a, b) -> {
		int byAverage = Long.compare(b.getValue().sum() * a.getValue().count(), a.getValue().sum() * b.getValue().count());
		if (byAverage != 0) {
			return byAverage;
		}
		int byCount = Long.compare(b.getValue().count(), a.getValue().count());
		return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
	};

	/**
	 * The forms ranked (最受欢迎的服务形式): every activity form someone rated, best first, sharing a rank when average and
	 * count are equal (1, 1, 3); then the appointment forms, always all four, ranked among the others when they have ten
	 * ratings or more and listed unranked as suppressed otherwise (a missing one would tell that nobody rated it).
	 */
	static List<Ranked> rank(Map<ServiceForm, Tally> tallies) {
		List<Map.Entry<ServiceForm, Tally>> shown = new ArrayList<>();
		List<ServiceForm> hidden = new ArrayList<>();
		for (ServiceForm form : ServiceForm.values()) {
			Tally t = tallies.getOrDefault(form, new Tally(0, 0));
			if (suppressed(form, t.count())) {
				hidden.add(form);
			}
			else if (t.count() > 0) {
				shown.add(Map.entry(form, t));
			}
		}
		shown.sort(BEST_FIRST);
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			Tally t = shown.get(i).getValue();
			int rank = i + 1;
			if (i > 0) {
				Tally before = shown.get(i - 1).getValue();
				if (before.sum() * t.count() == t.sum() * before.count() && before.count() == t.count()) {
					rank = ranked.get(i - 1).rank();
				}
			}
			ranked.add(new Ranked(shown.get(i).getKey(), rank, t.count(), average(t.sum(), t.count()), false));
		}
		hidden.forEach(form -> ranked.add(new Ranked(form, null, null, null, true)));
		return ranked;
	}
}
