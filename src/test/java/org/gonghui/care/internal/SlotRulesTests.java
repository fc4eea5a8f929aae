package org.gonghui.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.care.BookingStatus;
import org.gonghui.care.internal.SlotRules.Neighbour;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

/** The slot and booking rules that need no database. */
class SlotRulesTests {

	private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

	private static List<String> problems(Instant start, Instant end) {
		List<FieldProblem> problems = new ArrayList<>();
		SlotRules.checkTimes(start, end, NOW, problems);
		return problems.stream().map(p -> p.field() + ":" + p.code()).toList();
	}

	private static Instant in(Duration d) {
		return NOW.plus(d);
	}

	@Test
	void slotTimesAreAheadInOrderAndOfAReasonableLength() {
		assertThat(problems(in(Duration.ofHours(1)), in(Duration.ofHours(2)))).isEmpty();
		assertThat(problems(null, null)).containsExactly("startsAt:validation.required", "endsAt:validation.required");
		assertThat(problems(NOW, in(Duration.ofHours(1)))).containsExactly("startsAt:care.slot.past");
		assertThat(problems(in(Duration.ofHours(2)), in(Duration.ofHours(2)))).containsExactly("endsAt:care.slot.endsBeforeStart");
		assertThat(problems(in(Duration.ofHours(2)), in(Duration.ofHours(1)))).containsExactly("endsAt:care.slot.endsBeforeStart");
		// 15 minutes and 4 hours are the edges, both allowed.
		assertThat(problems(in(Duration.ofHours(1)), in(Duration.ofMinutes(75)))).isEmpty();
		assertThat(problems(in(Duration.ofHours(1)), in(Duration.ofMinutes(74)))).containsExactly("endsAt:care.slot.length");
		assertThat(problems(in(Duration.ofHours(1)), in(Duration.ofHours(5)))).isEmpty();
		assertThat(problems(in(Duration.ofHours(1)), in(Duration.ofHours(5)).plusSeconds(60))).containsExactly("endsAt:care.slot.length");
		assertThat(problems(in(Duration.ofDays(183)), in(Duration.ofDays(183)).plusSeconds(3600))).isEmpty();
		assertThat(problems(in(Duration.ofDays(184)), in(Duration.ofDays(184)).plusSeconds(3600))).containsExactly("startsAt:care.slot.tooFar");
	}

	@Test
	void backToBackMeansOverlappingOrLessThanHalfAnHourApart() {
		Instant t = in(Duration.ofDays(1));
		Instant h = t.plus(Duration.ofMinutes(50));
		assertThat(SlotRules.backToBack(t, h, h, h.plus(Duration.ofMinutes(50)))).isTrue();
		assertThat(SlotRules.backToBack(t, h, h.plus(Duration.ofMinutes(29)), h.plus(Duration.ofMinutes(80)))).isTrue();
		assertThat(SlotRules.backToBack(t, h, h.plus(Duration.ofMinutes(30)), h.plus(Duration.ofMinutes(80)))).isFalse();
		// Symmetric, and before as well as after.
		assertThat(SlotRules.backToBack(h.plus(Duration.ofMinutes(29)), h.plus(Duration.ofMinutes(80)), t, h)).isTrue();
		assertThat(SlotRules.backToBack(t.minus(Duration.ofMinutes(79)), t.minus(Duration.ofMinutes(30)), t, h)).isFalse();
		assertThat(SlotRules.backToBack(t.plusSeconds(60), h.minusSeconds(60), t, h)).isTrue();
	}

	@Test
	void discretionProtectsWhoeverAskedForIt() {
		Instant t = in(Duration.ofDays(1));
		Neighbour next = new Neighbour(2, 9, t.plus(Duration.ofMinutes(60)), t.plus(Duration.ofMinutes(110)), false);
		Neighbour discreetNext = new Neighbour(2, 9, t.plus(Duration.ofMinutes(60)), t.plus(Duration.ofMinutes(110)), true);
		Instant end = t.plus(Duration.ofMinutes(50));
		assertThat(SlotRules.discretionConflict(t, end, false, List.of(next))).isFalse();
		assertThat(SlotRules.discretionConflict(t, end, true, List.of(next))).isTrue();
		assertThat(SlotRules.discretionConflict(t, end, false, List.of(discreetNext))).isTrue();
		assertThat(SlotRules.discretionConflict(t, end, true, List.of())).isFalse();
	}

	@Test
	void cancellingEndsAtTheCutOffAndClosingWaitsForTheStart() {
		Instant start = in(Duration.ofHours(5));
		Duration cutoff = Duration.ofHours(2);
		assertThat(SlotRules.mayCancel(start, start.minus(Duration.ofMinutes(121)), cutoff)).isTrue();
		assertThat(SlotRules.mayCancel(start, start.minus(cutoff), cutoff)).isFalse();
		assertThat(SlotRules.begun(start, start.minusSeconds(1))).isFalse();
		assertThat(SlotRules.begun(start, start)).isTrue();
	}

	@Test
	void bookingsMoveOnlyForward() {
		assertThat(BookingStatus.BOOKED.mayMoveTo(BookingStatus.CONFIRMED)).isTrue();
		assertThat(BookingStatus.CONFIRMED.mayMoveTo(BookingStatus.CONFIRMED)).isFalse();
		assertThat(BookingStatus.CONFIRMED.mayMoveTo(BookingStatus.NO_SHOW)).isTrue();
		assertThat(BookingStatus.DONE.mayMoveTo(BookingStatus.CANCELLED)).isFalse();
		assertThat(BookingStatus.CANCELLED.holdsSlot()).isFalse();
		assertThat(BookingStatus.NO_SHOW.holdsSlot()).isTrue();
	}

	@Test
	void phonesAndLinksHaveTheirForm() {
		assertThat(SlotRules.isPhone("010-64000000")).isTrue();
		assertThat(SlotRules.isPhone("+86 139 0013 9002")).isTrue();
		assertThat(SlotRules.isPhone("12356")).isFalse();
		assertThat(SlotRules.isPhone("请打电话")).isFalse();
		assertThat(SlotRules.isLink("https://meeting.example.cn/j/42")).isTrue();
		assertThat(SlotRules.isLink("http://meeting.example.cn/j/42")).isFalse();
		assertThat(SlotRules.isLink("javascript:alert(1)")).isFalse();
		assertThat(SlotRules.isLink("https://a.cn/\"><script>")).isFalse();
	}
}
