package org.gonghui.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gonghui.activity.ActivityKind;
import org.gonghui.care.CommentStatus;
import org.gonghui.care.ServiceForm;
import org.gonghui.care.SlotMode;
import org.gonghui.care.internal.RatingRules.Ranked;
import org.gonghui.care.internal.RatingRules.Tally;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of satisfaction ratings: scores, comments, averages, the ranking of forms and the suppression of small appointment counts. */
class RatingRulesTests {

	private static List<String> problems(java.util.function.Consumer<List<FieldProblem>> check) {
		List<FieldProblem> problems = new ArrayList<>();
		check.accept(problems);
		return problems.stream().map(p -> p.field() + ":" + p.code()).toList();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5 })
	void scoresFromOneToFiveAreTaken(int score) {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(RatingRules.score(score, problems)).isEqualTo(score);
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 6, -1, 10, Integer.MIN_VALUE, Integer.MAX_VALUE })
	void scoresOutsideOneToFiveAreRefused(int score) {
		assertThat(problems(p -> RatingRules.score(score, p))).containsExactly("score:care.rating.score");
	}

	@Test
	void aMissingScoreIsRequired() {
		assertThat(problems(p -> RatingRules.score(null, p))).containsExactly("score:validation.required");
	}

	@Test
	void commentsUpToFiveHundredCharactersAreTakenAndBlankIsNone() {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(RatingRules.comment("好".repeat(500), problems)).hasSize(500);
		assertThat(RatingRules.comment("  \u3000 \n ", problems)).isNull();
		assertThat(RatingRules.comment(null, problems)).isNull();
		assertThat(RatingRules.comment("  很好\r\n下次还来  ", problems)).isEqualTo("很好\n下次还来");
		assertThat(problems).isEmpty();
		assertThat(problems(p -> RatingRules.comment("好".repeat(501), p))).containsExactly("comment:validation.tooLong");
		assertThat(problems(p -> RatingRules.comment("很好\u0000", p))).containsExactly("comment:validation.controlCharacters");
	}

	@ParameterizedTest
	@CsvSource({ "17, 4, 4.3", "13, 3, 4.3", "14, 3, 4.7", "24, 5, 4.8", "7, 2, 3.5", "5, 1, 5.0", "1, 1, 1.0", "449, 100, 4.5", "444, 100, 4.4" })
	void averagesHaveOneDecimalRoundedHalfUp(long sum, long count, String average) {
		assertThat(RatingRules.average(sum, count)).isEqualByComparingTo(new BigDecimal(average));
		assertThat(RatingRules.average(sum, count).scale()).isEqualTo(1);
	}

	@Test
	void noScoresHaveNoAverage() {
		assertThat(RatingRules.average(0, 0)).isNull();
	}

	@Test
	void appointmentFormsUnderTenRatingsAreSuppressedActivityFormsNever() {
		for (ServiceForm f : List.of(ServiceForm.APPOINTMENT_SITE, ServiceForm.APPOINTMENT_PHONE, ServiceForm.APPOINTMENT_VIDEO,
				ServiceForm.APPOINTMENT_WORKPLACE)) {
			assertThat(RatingRules.suppressed(f, 0)).isTrue();
			assertThat(RatingRules.suppressed(f, 9)).isTrue();
			assertThat(RatingRules.suppressed(f, 10)).isFalse();
		}
		assertThat(RatingRules.suppressed(ServiceForm.CARAVAN, 1)).isFalse();
		assertThat(RatingRules.suppressed(ServiceForm.GROUP_COUNSELLING, 2)).isFalse();
	}

	@Test
	void formsRankByExactAverageThenByCountAndShareARankOnlyWhenBothAreEqual() {
		Map<ServiceForm, Tally> t = new EnumMap<>(ServiceForm.class);
		t.put(ServiceForm.CARAVAN, new Tally(5, 24)); // 4.80
		t.put(ServiceForm.GROUP_COUNSELLING, new Tally(3, 13)); // 4.33, shown 4.3
		t.put(ServiceForm.LECTURE, new Tally(30, 129)); // 4.30: below 4.33 although both show 4.3
		t.put(ServiceForm.VISIT, new Tally(3, 13)); // the same as group counselling: the same rank
		t.put(ServiceForm.OTHER_ACTIVITY, new Tally(6, 26)); // 4.33 again, but rated by more: ahead of both
		t.put(ServiceForm.APPOINTMENT_PHONE, new Tally(12, 60)); // 5.00 with 12 ratings: ranked first
		t.put(ServiceForm.APPOINTMENT_VIDEO, new Tally(9, 45)); // 5.00 with 9: suppressed
		List<Ranked> ranked = RatingRules.rank(t);
		assertThat(ranked).extracting(Ranked::form).containsExactly(ServiceForm.APPOINTMENT_PHONE, ServiceForm.CARAVAN, ServiceForm.OTHER_ACTIVITY,
				ServiceForm.GROUP_COUNSELLING, ServiceForm.VISIT, ServiceForm.LECTURE, ServiceForm.APPOINTMENT_SITE, ServiceForm.APPOINTMENT_VIDEO,
				ServiceForm.APPOINTMENT_WORKPLACE);
		assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3, 4, 4, 6, null, null, null);
		assertThat(ranked.get(3).average()).isEqualByComparingTo("4.3");
		assertThat(ranked.get(5).average()).isEqualByComparingTo("4.3");
		Ranked video = ranked.get(7);
		assertThat(video.suppressed()).isTrue();
		assertThat(video.count()).isNull();
		assertThat(video.average()).isNull();
	}

	@Test
	void withoutRatingsOnlyTheAppointmentFormsAreListedAllSuppressed() {
		List<Ranked> ranked = RatingRules.rank(Map.of());
		assertThat(ranked).extracting(Ranked::form).containsExactly(ServiceForm.APPOINTMENT_SITE, ServiceForm.APPOINTMENT_PHONE, ServiceForm.APPOINTMENT_VIDEO,
				ServiceForm.APPOINTMENT_WORKPLACE);
		assertThat(ranked).allSatisfy(r -> {
			assertThat(r.suppressed()).isTrue();
			assertThat(r.rank()).isNull();
		});
	}

	@Test
	void everyActivityKindAndEverySlotModeHasItsForm() {
		for (ActivityKind kind : ActivityKind.values()) {
			assertThat(ServiceForm.of(kind).isAppointment()).as(kind.name()).isFalse();
		}
		assertThat(ServiceForm.of(ActivityKind.CARAVAN)).isEqualTo(ServiceForm.CARAVAN);
		assertThat(ServiceForm.of(ActivityKind.GROUP_COUNSELLING)).isEqualTo(ServiceForm.GROUP_COUNSELLING);
		assertThat(ServiceForm.of(ActivityKind.OTHER)).isEqualTo(ServiceForm.OTHER_ACTIVITY);
		for (SlotMode mode : SlotMode.values()) {
			assertThat(ServiceForm.of(mode).isAppointment()).as(mode.name()).isTrue();
		}
		assertThat(ServiceForm.of(SlotMode.WORKPLACE)).isEqualTo(ServiceForm.APPOINTMENT_WORKPLACE);
	}

	@Test
	void moderationDecidesOnceFromPending() {
		assertThat(CommentStatus.PENDING.mayMoveTo(CommentStatus.APPROVED)).isTrue();
		assertThat(CommentStatus.PENDING.mayMoveTo(CommentStatus.REJECTED)).isTrue();
		assertThat(CommentStatus.PENDING.mayMoveTo(CommentStatus.PRIVATE)).isFalse();
		for (CommentStatus from : List.of(CommentStatus.APPROVED, CommentStatus.REJECTED, CommentStatus.PRIVATE)) {
			for (CommentStatus to : CommentStatus.values()) {
				assertThat(from.mayMoveTo(to)).as(from + " -> " + to).isFalse();
			}
		}
	}
}
