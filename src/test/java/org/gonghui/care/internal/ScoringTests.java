package org.gonghui.care.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.gonghui.care.Band;
import org.gonghui.care.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoringTests {

	/** Answers summing to {@code score}, filled from the first item (item 9 stays 0 unless the score needs it). */
	private static List<Integer> answersFor(Instrument instrument, int score) {
		List<Integer> answers = new ArrayList<>(Collections.nCopies(instrument.items(), 0));
		for (int i = 0; i < instrument.items() && score > 0; i++) {
			int a = Math.min(3, score);
			answers.set(i, a);
			score -= a;
		}
		return answers;
	}

	@ParameterizedTest
	@CsvSource({ "0,MINIMAL", "4,MINIMAL", "5,MILD", "9,MILD", "10,MODERATE", "14,MODERATE", "15,MODERATELY_SEVERE", "19,MODERATELY_SEVERE",
			"20,SEVERE", "27,SEVERE" })
	void phq9BandsAtEveryEdge(int score, Band band) {
		var result = Scoring.score(Instrument.PHQ9, answersFor(Instrument.PHQ9, score));
		assertThat(result.score()).isEqualTo(score);
		assertThat(result.band()).isEqualTo(band);
		assertThat(result.suggestProfessional()).isEqualTo(score >= 10);
	}

	@ParameterizedTest
	@CsvSource({ "0,MINIMAL", "4,MINIMAL", "5,MILD", "9,MILD", "10,MODERATE", "14,MODERATE", "15,SEVERE", "21,SEVERE" })
	void gad7BandsAtEveryEdge(int score, Band band) {
		var result = Scoring.score(Instrument.GAD7, answersFor(Instrument.GAD7, score));
		assertThat(result.band()).isEqualTo(band);
		assertThat(result.suggestProfessional()).isEqualTo(score >= 10);
		assertThat(result.safety()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3 })
	void anyAnswerAboveZeroToItemNineOpensTheSafetyPathWhateverTheTotal(int item9) {
		List<Integer> answers = new ArrayList<>(Collections.nCopies(9, 0));
		answers.set(8, item9);
		var result = Scoring.score(Instrument.PHQ9, answers);
		assertThat(result.safety()).isTrue();
		assertThat(result.item9()).isEqualTo(item9);
		assertThat(result.band()).isEqualTo(Band.MINIMAL);
	}

	@Test
	void itemNineAtZeroDoesNotEvenAtTheTop() {
		List<Integer> answers = new ArrayList<>(Collections.nCopies(9, 3));
		answers.set(8, 0);
		var result = Scoring.score(Instrument.PHQ9, answers);
		assertThat(result.safety()).isFalse();
		assertThat(result.band()).isEqualTo(Band.SEVERE);
		assertThatThrownBy(() -> Scoring.band(Instrument.GAD7, 22)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void countsUnderTenAreSuppressedAndALoneSuppressedBandTakesTheNextSmallestWithIt() {
		var few = CareFigures.suppress(Instrument.GAD7, Map.of(Band.MINIMAL, 9L));
		assertThat(few.taken().suppressed()).isTrue();
		assertThat(few.bands()).allSatisfy(b -> assertThat(b.count()).isNull());
		// 30 minimal, 12 mild, 11 moderate, 10 severe: nothing under ten, all shown.
		var all = CareFigures.suppress(Instrument.GAD7, Map.of(Band.MINIMAL, 30L, Band.MILD, 12L, Band.MODERATE, 11L, Band.SEVERE, 10L));
		assertThat(all.bands()).allSatisfy(b -> assertThat(b.suppressed()).isFalse());
		assertThat(all.taken().count()).isEqualTo(63);
		// Severe 3 alone would be 45 - 30 - 12: moderate (the smallest shown, 0 is under ten anyway) … here mild goes with it.
		var one = CareFigures.suppress(Instrument.GAD7, Map.of(Band.MINIMAL, 30L, Band.MILD, 12L, Band.MODERATE, 15L, Band.SEVERE, 3L));
		assertThat(one.taken().count()).isEqualTo(60);
		assertThat(one.bands()).filteredOn(CareFigures.BandCell::suppressed).extracting(CareFigures.BandCell::band)
			.containsExactlyInAnyOrder(Band.SEVERE, Band.MILD);
		assertThat(one.bands()).filteredOn(b -> b.band() == Band.MINIMAL).singleElement()
			.satisfies(b -> assertThat(b.share()).isEqualByComparingTo("0.5000"));
	}
}
