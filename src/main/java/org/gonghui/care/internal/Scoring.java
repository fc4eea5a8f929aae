package org.gonghui.care.internal;

import java.util.List;

import org.gonghui.care.Band;
import org.gonghui.care.Instrument;

/**
 * Scores a questionnaire exactly as published: the sum of the items (each 0–3), banded PHQ-9 0–4 minimal,
 * 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe; GAD-7 0–4, 5–9, 10–14, 15–21. A total of
 * 10 or more suggests talking to a professional. On PHQ-9 any answer above 0 to item 9 (thoughts of being
 * better off dead or of self-harm) opens the safety path, whatever the total.
 */
final class Scoring {

	static final int PROFESSIONAL_FROM = 10;

	private Scoring() {
	}

	record Result(int score, Band band, boolean suggestProfessional, boolean safety, int item9) {
	}

	/** The answers must be complete and each 0–3 (checked by the caller). */
	static Result score(Instrument instrument, List<Integer> answers) {
		int score = answers.stream().mapToInt(Integer::intValue).sum();
		int item9 = instrument == Instrument.PHQ9 ? answers.get(8) : 0;
		return new Result(score, band(instrument, score), score >= PROFESSIONAL_FROM, item9 > 0, item9);
	}

	static Band band(Instrument instrument, int score) {
		if (score < 0 || score > instrument.maxScore()) {
			throw new IllegalArgumentException(instrument + " score " + score);
		}
		if (score <= 4) {
			return Band.MINIMAL;
		}
		if (score <= 9) {
			return Band.MILD;
		}
		if (score <= 14) {
			return Band.MODERATE;
		}
		if (instrument == Instrument.GAD7) {
			return Band.SEVERE;
		}
		return score <= 19 ? Band.MODERATELY_SEVERE : Band.SEVERE;
	}

	/** The bands an instrument uses, in order. */
	static List<Band> bands(Instrument instrument) {
		return instrument == Instrument.PHQ9 ? List.of(Band.MINIMAL, Band.MILD, Band.MODERATE, Band.MODERATELY_SEVERE, Band.SEVERE)
				: List.of(Band.MINIMAL, Band.MILD, Band.MODERATE, Band.SEVERE);
	}
}
