package org.gonghui.workplan.standard;

/**
 * A template's star levels: the lowest score for five, four, three, two and one star (e.g. 90, 80, 70, 60, 50),
 * strictly descending; a score below the last gets no star.
 */
public record StarRule(int five, int four, int three, int two, int one) {

	public static final StarRule USUAL = new StarRule(90, 80, 70, 60, 50);

	public boolean valid(int totalPoints) {
		return five > four && four > three && three > two && two > one && one >= 0 && five <= totalPoints;
	}

	/** Stars for a score: 5 at or above {@code five}, … 1 at or above {@code one}, 0 below. */
	public int stars(int score) {
		int[] mins = { five, four, three, two, one };
		for (int i = 0; i < mins.length; i++) {
			if (score >= mins[i]) {
				return 5 - i;
			}
		}
		return 0;
	}
}
