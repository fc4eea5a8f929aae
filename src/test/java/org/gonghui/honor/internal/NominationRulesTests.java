package org.gonghui.honor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.gonghui.honor.RuleKind;

import org.gonghui.honor.internal.NominationRules.Candidate;
import org.gonghui.honor.internal.NominationRules.Rule;
import org.gonghui.honor.internal.NominationRules.Tally;
import org.junit.jupiter.api.Test;

class NominationRulesTests {

	private static final Candidate OTHER = new Candidate(false, false, false);
	private static final Candidate FRONT = new Candidate(true, false, false);
	private static final Candidate HEAD = new Candidate(false, false, true);
	private static final List<Rule> FRONT_35 = List.of(new Rule(RuleKind.FRONT_LINE_MIN, 3500));
	private static final List<Rule> HEADS_15 = List.of(new Rule(RuleKind.ENTERPRISE_HEAD_MAX, 1500));

	@Test
	void aLiveMinimumAcceptsExactlyTheShareAndRefusesOneBelow() {
		// 7 front-line of 19 so far: the 20th (not front-line) makes exactly 35 %.
		assertThat(NominationRules.broken(FRONT_35, new Tally(19, 7, 0, 0), OTHER, null)).isEmpty();
		assertThat(NominationRules.broken(FRONT_35, new Tally(20, 7, 0, 0), OTHER, null)).containsExactly(RuleKind.FRONT_LINE_MIN);
		// The first nomination of a list that must be 35 % front-line cannot be someone else.
		assertThat(NominationRules.broken(FRONT_35, Tally.EMPTY, OTHER, null)).containsExactly(RuleKind.FRONT_LINE_MIN);
		assertThat(NominationRules.broken(FRONT_35, new Tally(20, 0, 0, 0), FRONT, null)).isEmpty();
	}

	@Test
	void aLiveMaximumAcceptsExactlyTheShare() {
		assertThat(NominationRules.broken(HEADS_15, new Tally(19, 0, 0, 2), HEAD, null)).isEmpty(); // 3 of 20 = 15 %
		assertThat(NominationRules.broken(HEADS_15, new Tally(18, 0, 0, 2), HEAD, null)).containsExactly(RuleKind.ENTERPRISE_HEAD_MAX);
		assertThat(NominationRules.broken(HEADS_15, new Tally(0, 0, 0, 5), OTHER, null)).isEmpty();
	}

	@Test
	void withPlacesTheRoomLeftDecidesWhateverTheOrder() {
		// 20 places, 35 % front-line: 7 places are kept for front-line workers, 13 for others.
		assertThat(NominationRules.broken(FRONT_35, Tally.EMPTY, OTHER, 20)).isEmpty();
		assertThat(NominationRules.broken(FRONT_35, new Tally(12, 0, 0, 0), OTHER, 20)).isEmpty();
		assertThat(NominationRules.broken(FRONT_35, new Tally(13, 0, 0, 0), OTHER, 20)).containsExactly(RuleKind.FRONT_LINE_MIN);
		// 3 places at 35 %: ceil(1.05) = 2 kept, so one other.
		assertThat(NominationRules.broken(FRONT_35, new Tally(1, 0, 0, 0), OTHER, 3)).containsExactly(RuleKind.FRONT_LINE_MIN);
		// 15 % of 20 places is 3 heads; of 6 places none.
		assertThat(NominationRules.broken(HEADS_15, new Tally(2, 0, 0, 2), HEAD, 20)).isEmpty();
		assertThat(NominationRules.broken(HEADS_15, new Tally(3, 0, 0, 3), HEAD, 20)).containsExactly(RuleKind.ENTERPRISE_HEAD_MAX);
		assertThat(NominationRules.broken(HEADS_15, Tally.EMPTY, HEAD, 6)).containsExactly(RuleKind.ENTERPRISE_HEAD_MAX);
	}

	@Test
	void severalRulesAreNamedTogether() {
		var rules = List.of(new Rule(RuleKind.FRONT_LINE_MIN, 3500), new Rule(RuleKind.NON_PUBLIC_MIN, 3500), new Rule(RuleKind.ENTERPRISE_HEAD_MAX, 1500));
		assertThat(NominationRules.broken(rules, Tally.EMPTY, HEAD, null))
			.containsExactly(RuleKind.FRONT_LINE_MIN, RuleKind.NON_PUBLIC_MIN, RuleKind.ENTERPRISE_HEAD_MAX);
	}

	@Test
	void sharesAreTypedAsFractionsOrPercentages() {
		assertThat(NominationRules.basisPoints(new BigDecimal("0.35"))).isEqualTo(3500);
		assertThat(NominationRules.basisPoints(new BigDecimal("35"))).isEqualTo(3500);
		assertThat(NominationRules.basisPoints(new BigDecimal("12.5"))).isEqualTo(1250);
		assertThat(NominationRules.basisPoints(new BigDecimal("1"))).isEqualTo(10000);
		assertThat(NominationRules.basisPoints(new BigDecimal("100"))).isEqualTo(10000);
		assertThat(NominationRules.basisPoints(new BigDecimal("0"))).isEqualTo(-1);
		assertThat(NominationRules.basisPoints(new BigDecimal("101"))).isEqualTo(-1);
		assertThat(NominationRules.basisPoints(new BigDecimal("0.12345"))).isEqualTo(-1);
		assertThat(NominationRules.basisPoints(null)).isEqualTo(-1);
	}
}
