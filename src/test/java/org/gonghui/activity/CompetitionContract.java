package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.activity.internal.CompetitionQueries;
import org.gonghui.activity.internal.CompetitionQueries.EntryView;
import org.gonghui.activity.internal.CompetitionQueries.RankedEntry;
import org.gonghui.activity.internal.CompetitionService;
import org.gonghui.activity.internal.CompetitionService.NewCompetition;
import org.gonghui.activity.internal.CompetitionService.NewEntry;
import org.gonghui.activity.internal.CompetitionService.NewRound;
import org.gonghui.activity.internal.JudgingService;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * Competitions against a real database: set-up and its refusals (nothing stored on error), entries submitted by
 * units in scope into the open first round, judges scoring only their round within 0-100 with one decimal, the
 * ranking published only on close, the trimmed mean and ties computed from stored scores, advancing by rule and by
 * staff decision, awards, results and participation, and data scope. Run on H2 ({@link CompetitionH2Tests}) and
 * PostgreSQL ({@link CompetitionPostgresTests}). Tests commit; each builds its own competition.
 */
@SpringBootTest(classes = GonghuiApplication.class)
@ActiveProfiles({ "demo", "test" })
abstract class CompetitionContract {

	static final List<String> FIVE = List.of("judge1", "judge2", "judge3", "judge4", "judge5");

	static final List<String> THREE = List.of("judge1", "judge2", "judge3");

	static final String HOSPITAL = "延庆区医院工会";

	static final String SCHOOL = "延庆区第一中学工会";

	static final String GREAT_WALL = "八达岭长城旅游公司工会";

	/** A union chair of 延庆区医院工会, made by the tests (the demo has none under 延庆). */
	static final String CHAIR = "yqhospital";

	@Autowired
	CompetitionService competitions;

	@Autowired
	CompetitionQueries queries;

	@Autowired
	JudgingService judging;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	<T> T as(String username, Supplier<T> action) {
		return org.gonghui.TestUsers.runAs(users, username, action);
	}

	void as(String username, Runnable action) {
		as(username, () -> {
			action.run();
			return null;
		});
	}

	static void assertProblem(Runnable action, String code) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::code).contains(code));
	}

	static void assertProblem(Runnable action, String field, String code) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(e -> assertThat(e.problems()).anySatisfy(p -> {
				assertThat(p.field()).isEqualTo(field);
				assertThat(p.code()).isEqualTo(code);
			}));
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	long count(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	long competition(PerformanceForm... forms) {
		return as("yanqing", () -> competitions.create(new NewCompetition(id(jdbc, "延庆区总工会"), "职工歌咏比赛" + UUID.randomUUID().toString().substring(0, 8),
				"测试", "第一届", Arrays.asList(forms))));
	}

	long round(long competition, AdvanceRule rule, Integer n, String threshold, List<String> judges) {
		return as("yanqing", () -> competitions.addRound(competition, new NewRound("第" + UUID.randomUUID().toString().substring(0, 4) + "轮",
				RoundLevel.GRASSROOTS, null, LocalDate.now(), LocalDate.now().plusDays(1), "文化馆", rule, n,
				threshold == null ? null : new BigDecimal(threshold), judges)));
	}

	long entry(long competition, String title, PerformanceForm form, String unit, int performers) {
		return as("yanqing", () -> competitions.submit(competition, new NewEntry(title, form, id(jdbc, unit), performers, null)));
	}

	void score(String judge, long competition, long round, long entry, String score) {
		as(judge, () -> judging.score(competition, round, entry, new BigDecimal(score)));
	}

	/** Each judge in turn gives the entry the next score. */
	void scores(long competition, long round, long entry, List<String> judges, String... scores) {
		for (int i = 0; i < scores.length; i++) {
			score(judges.get(i), competition, round, entry, scores[i]);
		}
	}

	List<RankedEntry> close(long competition, long round) {
		return as("yanqing", () -> judging.close(competition, round));
	}

	void ensureChair() {
		if (jdbc.sql("select count(*) from account where username = :u").param("u", CHAIR).query(Long.class).single() == 0) {
			jdbc.sql("insert into account (username, display_name, password_hash, role, organization_id, enabled, failed_attempts, locked_until,"
					+ " created_at, version) select :u, '延庆区医院工会主席', password_hash, 'UNION_CHAIR', :org, true, 0, null, :now, 0"
					+ " from account where username = 'yanqing'")
				.param("u", CHAIR).param("org", id(jdbc, HOSPITAL)).param("now", Timestamp.from(Instant.now())).update();
		}
	}

	static RankedEntry line(List<RankedEntry> ranking, long entry) {
		return ranking.stream().filter(r -> r.entryId() == entry).findFirst().orElseThrow();
	}

	@Test
	@WithUserDetails("yanqing")
	void aCompetitionIsSetUpWithEditionFormsAndRoundsAndRefusalsStoreNothing() {
		long yanqing = id(jdbc, "延庆区总工会");
		long competitionsBefore = count("select count(*) from competition ");
		long activitiesBefore = count("select count(*) from activity ");
		assertProblem(() -> competitions.create(new NewCompetition(yanqing, "歌咏比赛", null, " ", List.of(PerformanceForm.CHORUS))), "edition",
				"validation.required");
		assertProblem(() -> competitions.create(new NewCompetition(yanqing, "歌咏比赛", null, "第一届", List.of())), "forms",
				"competition.forms.required");
		assertProblem(() -> competitions.create(new NewCompetition(yanqing, " ", null, "第一届", List.of(PerformanceForm.CHORUS))), "title",
				"validation.required");
		assertThat(count("select count(*) from competition ")).isEqualTo(competitionsBefore);
		assertThat(count("select count(*) from activity ")).isEqualTo(activitiesBefore);

		long c = competitions.create(new NewCompetition(yanqing, "五月的鲜花测试", "说明", "第四十一届",
				List.of(PerformanceForm.CHORUS, PerformanceForm.SKIT, PerformanceForm.CHORUS)));
		var view = queries.get(c);
		assertThat(view.edition()).isEqualTo("第四十一届");
		assertThat(view.forms()).containsExactlyInAnyOrder(PerformanceForm.CHORUS, PerformanceForm.SKIT);
		assertThat(jdbc.sql("select status from activity where id = :id").param("id", c).query(String.class).single()).isEqualTo("PUBLISHED");
		assertThat(jdbc.sql("select kind from activity where id = :id").param("id", c).query(String.class).single()).isEqualTo("COMPETITION");

		LocalDate day = LocalDate.of(2030, 5, 1);
		long badaling = id(jdbc, "八达岭镇总工会");
		assertProblem(() -> competitions.addRound(c, new NewRound("初赛", RoundLevel.GRASSROOTS, badaling, day, day.minusDays(1), "文化中心",
				AdvanceRule.TOP_N, 2, null, FIVE)), "endsOn", "competition.round.endsBeforeStart");
		assertProblem(() -> competitions.addRound(c, new NewRound("初赛", RoundLevel.GRASSROOTS, badaling, day, day, "文化中心", AdvanceRule.TOP_N, 2,
				null, List.of("judge1", "nobody-such"))), "judges[1]", "competition.judge.unknown");
		assertProblem(() -> competitions.addRound(c, new NewRound("初赛", RoundLevel.GRASSROOTS, id(jdbc, "朝阳区总工会"), day, day, "文化中心",
				AdvanceRule.TOP_N, 2, null, FIVE)), "hostId", "competition.round.host");
		assertProblem(() -> competitions.addRound(c, new NewRound("初赛", RoundLevel.GRASSROOTS, badaling, day, day, "文化中心", AdvanceRule.TOP_N,
				null, null, FIVE)), "advanceN", "competition.round.advanceN");
		assertProblem(() -> competitions.addRound(c, new NewRound("初赛", RoundLevel.GRASSROOTS, badaling, day, day, "文化中心",
				AdvanceRule.THRESHOLD, null, null, FIVE)), "advanceThreshold", "competition.score.range");
		assertProblem(() -> competitions.addRound(c, new NewRound(" ", null, badaling, null, day, "文化中心", AdvanceRule.MANUAL, null, null,
				FIVE)), "name", "validation.required");
		assertThat(count("select count(*) from competition_round where activity_id = :id", c)).isZero();
		assertThat(count("select count(*) from competition_judge j join competition_round r on r.id = j.round_id where r.activity_id = :id", c))
			.isZero();

		long prelim = competitions.addRound(c, new NewRound("八达岭镇初赛", RoundLevel.GRASSROOTS, badaling, day, day.plusDays(1), "文化中心",
				AdvanceRule.TOP_N, 2, null, List.of("judge1", " judge2 ", "judge1")));
		long fin = competitions.addRound(c, new NewRound("区级决赛", RoundLevel.FINAL, null, day.plusDays(20), day.plusDays(20), "剧场",
				AdvanceRule.MANUAL, null, null, FIVE));
		view = queries.get(c);
		assertThat(view.rounds()).extracting(CompetitionQueries.RoundView::id).containsExactly(prelim, fin);
		assertThat(view.rounds().get(0).position()).isZero();
		assertThat(view.rounds().get(0).hostName()).isEqualTo("八达岭镇总工会");
		assertThat(view.rounds().get(0).judges()).containsExactly("judge1", "judge2");
		assertThat(view.rounds().get(0).advanceN()).isEqualTo(2);
		assertThat(view.rounds().get(1).judges()).containsExactlyElementsOf(FIVE);
		assertThat(view.rounds().get(1).level()).isEqualTo(RoundLevel.FINAL);
		assertThat(view.rounds()).noneMatch(CompetitionQueries.RoundView::closed);

		// Judges and workers do not set competitions up; another district does not see this one.
		as("judge1", () -> assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> queries.get(c)));
		as("chaoyang", () -> assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> queries.get(c)));
		as("chaoyang", () -> assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> competitions.addRound(c,
				new NewRound("复赛", RoundLevel.SEMI_FINAL, null, day, day, null, AdvanceRule.MANUAL, null, null, THREE))));
	}

	@Test
	@WithUserDetails("yanqing")
	void unitsSubmitIntoTheOpenFirstRoundOnly() {
		long c = competition(PerformanceForm.CHORUS, PerformanceForm.KUAIBAN);
		long hospital = id(jdbc, HOSPITAL);
		// No round yet: nowhere to submit.
		assertProblem(() -> competitions.submit(c, new NewEntry("长城谣", PerformanceForm.CHORUS, hospital, 30, null)), "competition.entry.closed");
		long first = round(c, AdvanceRule.TOP_N, 1, null, THREE);
		round(c, AdvanceRule.MANUAL, null, null, THREE);

		assertProblem(() -> competitions.submit(c, new NewEntry("小品", PerformanceForm.SKIT, hospital, 3, null)), "form", "competition.entry.form");
		assertProblem(() -> competitions.submit(c, new NewEntry("长城谣", null, hospital, 3, null)), "form", "competition.entry.form");
		// A unit outside 延庆 staff's scope (and outside the organiser's tree).
		assertProblem(() -> competitions.submit(c, new NewEntry("长城谣", PerformanceForm.CHORUS, id(jdbc, "泛华集团工会"), 30, null)), "unitId",
				"competition.entry.unitOutside");
		// The administrator sees everything, but 泛华 is still not under the organiser.
		as("admin", () -> assertProblem(() -> competitions.submit(c, new NewEntry("长城谣", PerformanceForm.CHORUS, id(jdbc, "泛华集团工会"), 30,
				null)), "unitId", "competition.entry.unitOutside"));
		assertProblem(() -> competitions.submit(c, new NewEntry("长城谣", PerformanceForm.CHORUS, null, 30, null)), "unitId", "competition.entry.unitOutside");
		List<Long> nurses = ActivityFixtures.members(jdbc, HOSPITAL, null, "护士", 2);
		List<Long> teachers = ActivityFixtures.members(jdbc, SCHOOL, null, "教师", 1);
		assertProblem(() -> competitions.submit(c, new NewEntry("白衣天使", PerformanceForm.CHORUS, hospital, 1, nurses)), "performerCount",
				"competition.entry.performers");
		assertProblem(() -> competitions.submit(c, new NewEntry("白衣天使", PerformanceForm.CHORUS, hospital, 0, null)), "performerCount",
				"competition.entry.performers");
		assertProblem(() -> competitions.submit(c, new NewEntry("白衣天使", PerformanceForm.CHORUS, hospital, 1001, null)), "performerCount",
				"competition.entry.performers");
		// A named performer must be a member of the submitting unit.
		assertProblem(() -> competitions.submit(c, new NewEntry("白衣天使", PerformanceForm.CHORUS, hospital, 5, teachers)), "performerMemberIds[0]",
				"activity.member.notFound");
		assertProblem(() -> competitions.submit(c, new NewEntry(" ", PerformanceForm.CHORUS, hospital, 5, null)), "title", "validation.required");
		as("worker", () -> assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> competitions.submit(c, new NewEntry("长城谣", PerformanceForm.CHORUS, hospital, 30, null))));
		assertThat(count("select count(*) from competition_entry where activity_id = :id", c)).isZero();

		long named = competitions.submit(c, new NewEntry("白衣天使", PerformanceForm.CHORUS, hospital, 20, nurses));
		long counted = competitions.submit(c, new NewEntry("校园快板", PerformanceForm.KUAIBAN, id(jdbc, SCHOOL), null, teachers));
		assertThat(queries.entriesInScope(c)).extracting(EntryView::id, EntryView::performerCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(named, 20), org.assertj.core.groups.Tuple.tuple(counted, 1));
		assertThat(count("select count(*) from competition_performer where entry_id = :id", named)).isEqualTo(2);
		assertThat(count("select count(*) from competition_round_entry where round_id = :id", first)).isEqualTo(2);

		close(c, first);
		assertProblem(() -> competitions.submit(c, new NewEntry("迟到的节目", PerformanceForm.CHORUS, hospital, 5, null)), "competition.entry.closed");
		assertThat(count("select count(*) from competition_entry where activity_id = :id", c)).isEqualTo(2);
	}

	@Test
	@WithUserDetails("yanqing")
	void aUnitSeesAndSubmitsOnlyItsEntries() {
		ensureChair();
		long c = competition(PerformanceForm.CHORUS);
		round(c, AdvanceRule.MANUAL, null, null, THREE);
		long school = entry(c, "我和我的祖国", PerformanceForm.CHORUS, SCHOOL, 60);
		long greatWall = entry(c, "长城谣", PerformanceForm.CHORUS, GREAT_WALL, 40);
		long hospital = as(CHAIR, () -> competitions.submit(c, new NewEntry("妫水之畔", PerformanceForm.CHORUS, id(jdbc, HOSPITAL), 36, null)));
		// The chair cannot submit for another unit, even one under the organiser.
		as(CHAIR, () -> assertProblem(() -> competitions.submit(c, new NewEntry("冒名节目", PerformanceForm.CHORUS, id(jdbc, SCHOOL), 10, null)),
				"unitId", "competition.entry.unitOutside"));
		as(CHAIR, () -> assertThat(queries.entriesInScope(c)).extracting(EntryView::id).containsExactly(hospital));
		// The chair does not manage the competition.
		as(CHAIR, () -> assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> queries.get(c)));
		assertThat(queries.entriesInScope(c)).extracting(EntryView::id).containsExactly(school, greatWall, hospital);
		assertThat(queries.get(c).entries()).hasSize(3);
		as("longtan", () -> assertThat(queries.entriesInScope(c)).isEmpty());
		as("chaoyang", () -> assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> queries.get(c)));
		as("chaoyang", () -> assertThat(queries.entriesInScope(c)).isEmpty());
		as("judge1", () -> assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> queries.entriesInScope(c)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> queries.entriesInScope(999_999_999L));
	}

	@Test
	@WithUserDetails("yanqing")
	void judgesScoreOnlyTheirRoundFromZeroToHundredWithOneDecimal() {
		long c = competition(PerformanceForm.CHORUS);
		long first = round(c, AdvanceRule.MANUAL, null, null, THREE);
		long second = round(c, AdvanceRule.MANUAL, null, null, List.of("judge4", "judge5"));
		long a = entry(c, "长城谣", PerformanceForm.CHORUS, GREAT_WALL, 40);
		long b = entry(c, "妫水之畔", PerformanceForm.CHORUS, HOSPITAL, 36);
		long other = competition(PerformanceForm.CHORUS);
		long otherRound = round(other, AdvanceRule.MANUAL, null, null, FIVE);
		long otherEntry = entry(other, "白衣天使", PerformanceForm.CHORUS, HOSPITAL, 12);

		score("judge1", c, first, a, "100.0");
		score("judge2", c, first, a, "0");
		score("judge3", c, first, a, "85.5");
		for (String bad : List.of("100.1", "-1", "85.25", "-0.1", "1000")) {
			as("judge1", () -> assertProblem(() -> judging.score(c, first, b, new BigDecimal(bad)), "score", "competition.score.range"));
		}
		as("judge1", () -> assertProblem(() -> judging.score(c, first, b, null), "score", "competition.score.range"));
		// Judges of another round, and accounts judging nothing, learn nothing of the round: not found.
		for (String outsider : List.of("judge4", "worker", "yanqing")) {
			as(outsider, () -> assertThatExceptionOfType(org.gonghui.shared.RecordNotFoundException.class)
				.isThrownBy(() -> judging.score(c, first, a, new BigDecimal("90"))));
			as(outsider, () -> assertThatExceptionOfType(org.gonghui.shared.RecordNotFoundException.class).isThrownBy(() -> judging.sheet(c, first)));
		}
		// An entry not in the round: of the next round, of another competition, or none.
		as("judge4", () -> assertProblem(() -> judging.score(c, second, a, new BigDecimal("90")), "entryId", "competition.entry.notInRound"));
		as("judge1", () -> assertProblem(() -> judging.score(c, first, otherEntry, new BigDecimal("90")), "entryId",
				"competition.entry.notInRound"));
		as("judge1", () -> assertProblem(() -> judging.score(c, first, null, new BigDecimal("90")), "entryId", "competition.entry.notInRound"));
		// A round of another competition under this competition's id is no round at all.
		as("judge1", () -> assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> judging.score(c, otherRound, otherEntry, new BigDecimal("90"))));

		// Changing one's score before the close keeps one row.
		score("judge1", c, first, b, "80");
		score("judge1", c, first, b, "86.5");
		assertThat(jdbc.sql("select score from competition_score where round_id = :r and entry_id = :e and judge = 'judge1'").param("r", first)
			.param("e", b).query(BigDecimal.class).list()).singleElement().satisfies(s -> assertThat(s).isEqualByComparingTo("86.5"));
		assertThat(jdbc.sql("select score from competition_score where round_id = :r and entry_id = :e and judge = 'judge1'").param("r", first)
			.param("e", a).query(BigDecimal.class).single()).isEqualByComparingTo("100.0");

		// Each judge's sheet shows their own scores only.
		score("judge2", c, first, b, "70");
		as("judge1", () -> {
			var sheet = judging.sheet(c, first);
			assertThat(sheet.lines()).extracting(l -> l.entry().id()).containsExactly(a, b);
			assertThat(sheet.lines().get(0).myScore()).isEqualByComparingTo("100.0");
			assertThat(sheet.lines().get(1).myScore()).isEqualByComparingTo("86.5");
		});
		as("judge2", () -> assertThat(judging.sheet(c, first).lines()).extracting(JudgingService.SheetLine::myScore)
			.usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.ZERO, new BigDecimal("70")));
		as("judge3", () -> assertThat(judging.sheet(c, first).lines().get(1).myScore()).isNull());
		as("judge4", () -> assertThat(judging.sheet(c, second).lines()).isEmpty());
		as("judge1", () -> assertThat(judging.myRounds()).extracting(CompetitionQueries.RoundView::id).contains(first, otherRound)
			.doesNotContain(second));
		as("worker", () -> assertThat(judging.myRounds()).isEmpty());
	}

	@Test
	@WithUserDetails("yanqing")
	void theRankingIsPublishedOnCloseAndScoresFreeze() {
		long c = competition(PerformanceForm.CHORUS);
		long first = round(c, AdvanceRule.MANUAL, null, null, THREE);
		long a = entry(c, "长城谣", PerformanceForm.CHORUS, GREAT_WALL, 40);
		score("judge1", c, first, a, "90");
		assertProblem(() -> judging.ranking(c, first), "roundId", "competition.round.notClosed");
		as("judge1", () -> assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> judging.close(c, first)));
		as("chaoyang", () -> assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> judging.close(c, first)));
		assertThat(queries.results(c).rounds()).isEmpty();

		var ranking = judging.close(c, first);
		assertThat(ranking).singleElement().satisfies(r -> {
			assertThat(r.score()).isEqualByComparingTo("90");
			assertThat(r.rank()).isEqualTo(1);
		});
		assertProblem(() -> judging.close(c, first), "roundId", "competition.round.closed");
		// Frozen: neither a new score nor a change.
		as("judge1", () -> assertProblem(() -> judging.score(c, first, a, new BigDecimal("95")), "roundId", "competition.round.closed"));
		as("judge2", () -> assertProblem(() -> judging.score(c, first, a, new BigDecimal("95")), "roundId", "competition.round.closed"));
		assertThat(count("select count(*) from competition_score where round_id = :id", first)).isEqualTo(1);
		// The ranking is public now (no account needed).
		SecurityContextHolder.clearContext();
		assertThat(judging.ranking(c, first)).singleElement().satisfies(r -> assertThat(r.score()).isEqualByComparingTo("90"));
		assertThat(queries.results(c).rounds()).hasSize(1);
	}

	@Test
	@WithUserDetails("yanqing")
	void fiveJudgesLoseHighestAndLowestThreeJudgesCountAll() {
		long c = competition(PerformanceForm.CHORUS);
		long five = round(c, AdvanceRule.MANUAL, null, null, FIVE);
		long full = entry(c, "长城谣", PerformanceForm.CHORUS, GREAT_WALL, 40);
		long four = entry(c, "妫水之畔", PerformanceForm.CHORUS, HOSPITAL, 36);
		scores(c, five, full, FIVE, "90", "80", "85", "100", "60");
		scores(c, five, four, FIVE, "90", "80", "100", "60");
		var ranking = close(c, five);
		assertThat(line(ranking, full).score()).isEqualByComparingTo("85");
		assertThat(line(ranking, full).judges()).isEqualTo(5);
		// Only four judges scored it: no trimming.
		assertThat(line(ranking, four).score()).isEqualByComparingTo("82.5");
		assertThat(line(ranking, four).judges()).isEqualTo(4);
		assertThat(ranking).extracting(RankedEntry::entryId).containsExactly(full, four);

		long d = competition(PerformanceForm.CHORUS);
		long three = round(d, AdvanceRule.MANUAL, null, null, THREE);
		long e = entry(d, "我和我的祖国", PerformanceForm.CHORUS, SCHOOL, 60);
		long f = entry(d, "校园新风", PerformanceForm.CHORUS, SCHOOL, 30);
		scores(d, three, e, THREE, "90", "80", "100");
		scores(d, three, f, THREE, "90", "90", "91");
		var plain = close(d, three);
		assertThat(line(plain, e).score()).isEqualByComparingTo("90");
		assertThat(line(plain, f).score()).isEqualByComparingTo("90.333");
		assertThat(plain).extracting(RankedEntry::entryId, RankedEntry::rank)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(f, 1), org.assertj.core.groups.Tuple.tuple(e, 2));
	}

	@Test
	@WithUserDetails("yanqing")
	void tiesFollowTheDocumentedRule() {
		long c = competition(PerformanceForm.CHORUS, PerformanceForm.SKIT);
		long r = round(c, AdvanceRule.MANUAL, null, null, FIVE);
		long a = entry(c, "甲", PerformanceForm.CHORUS, GREAT_WALL, 10);
		long b = entry(c, "乙", PerformanceForm.CHORUS, HOSPITAL, 10);
		long same = entry(c, "丙", PerformanceForm.CHORUS, SCHOOL, 10);
		long best = entry(c, "丁", PerformanceForm.SKIT, SCHOOL, 3);
		long unscored = entry(c, "戊", PerformanceForm.SKIT, HOSPITAL, 3);
		long lowBest = entry(c, "己", PerformanceForm.SKIT, GREAT_WALL, 3);
		scores(c, r, a, FIVE, "80", "85", "90", "95", "100");     // trimmed 90, plain 90, best 100
		scores(c, r, b, FIVE, "70", "85", "90", "95", "100");     // trimmed 90, plain 88
		scores(c, r, same, FIVE, "100", "95", "90", "85", "80");  // as 甲: shares the rank
		scores(c, r, best, FIVE, "92", "92", "92", "92", "92");   // 92: first
		scores(c, r, lowBest, FIVE, "90", "90", "90", "90", "90"); // trimmed 90, plain 90, best 90: after 甲 and 丙
		var ranking = close(c, r);
		assertThat(ranking).extracting(RankedEntry::entryId).containsExactly(best, a, same, lowBest, b, unscored);
		assertThat(ranking).extracting(RankedEntry::rank).containsExactly(1, 2, 2, 4, 5, null);
		assertThat(line(ranking, a).rankInForm()).isEqualTo(1);
		assertThat(line(ranking, same).rankInForm()).isEqualTo(1);
		assertThat(line(ranking, b).rankInForm()).isEqualTo(3);
		assertThat(line(ranking, best).rankInForm()).isEqualTo(1);
		assertThat(line(ranking, lowBest).rankInForm()).isEqualTo(2);
		assertThat(line(ranking, unscored).rankInForm()).isNull();
		assertThat(line(ranking, unscored).score()).isNull();
		assertThat(judging.ranking(c, r)).isEqualTo(ranking);
	}

	@Test
	@WithUserDetails("yanqing")
	void entriesAdvanceByTheRoundsRule() {
		// TOP_N: the best of each form.
		long c = competition(PerformanceForm.CHORUS, PerformanceForm.SKIT);
		long r = round(c, AdvanceRule.TOP_N, 1, null, THREE);
		long next = round(c, AdvanceRule.MANUAL, null, null, THREE);
		long chorus1 = entry(c, "合唱一", PerformanceForm.CHORUS, HOSPITAL, 30);
		long chorus2 = entry(c, "合唱二", PerformanceForm.CHORUS, SCHOOL, 30);
		long skit = entry(c, "小品", PerformanceForm.SKIT, SCHOOL, 3);
		scores(c, r, chorus1, THREE, "80", "80", "80");
		scores(c, r, chorus2, THREE, "90", "90", "90");
		scores(c, r, skit, THREE, "70", "70", "70");
		assertProblem(() -> competitions.advance(c, r), "roundId", "competition.round.notClosed");
		close(c, r);
		as("judge1", () -> assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> competitions.advance(c, r)));
		assertThat(competitions.advance(c, r)).isEqualTo(2);
		assertThat(competitions.advance(c, r)).isZero();
		assertThat(jdbc.sql("select entry_id from competition_round_entry where round_id = :r and via = 'RULE' order by entry_id").param("r", next)
			.query(Long.class).list()).containsExactly(chorus2, skit);
		close(c, next);
		assertProblem(() -> competitions.advance(c, next), "roundId", "competition.round.last");

		// TOP_N_PER_UNIT: the best of each form within each unit.
		long u = competition(PerformanceForm.CHORUS);
		long ur = round(u, AdvanceRule.TOP_N_PER_UNIT, 1, null, THREE);
		long unext = round(u, AdvanceRule.MANUAL, null, null, THREE);
		long h1 = entry(u, "医院一", PerformanceForm.CHORUS, HOSPITAL, 30);
		long h2 = entry(u, "医院二", PerformanceForm.CHORUS, HOSPITAL, 30);
		long s1 = entry(u, "一中", PerformanceForm.CHORUS, SCHOOL, 30);
		scores(u, ur, h1, THREE, "80", "80", "80");
		scores(u, ur, h2, THREE, "90", "90", "90");
		scores(u, ur, s1, THREE, "60", "60", "60");
		close(u, ur);
		assertThat(competitions.advance(u, ur)).isEqualTo(2);
		assertThat(jdbc.sql("select entry_id from competition_round_entry where round_id = :r order by entry_id").param("r", unext)
			.query(Long.class).list()).containsExactly(h2, s1);

		// THRESHOLD: at or above the score; an unscored entry never.
		long t = competition(PerformanceForm.CHORUS);
		long tr = round(t, AdvanceRule.THRESHOLD, null, "85.0", THREE);
		long tnext = round(t, AdvanceRule.MANUAL, null, null, THREE);
		long at = entry(t, "正好", PerformanceForm.CHORUS, HOSPITAL, 30);
		long below = entry(t, "差一点", PerformanceForm.CHORUS, SCHOOL, 30);
		long above = entry(t, "高分", PerformanceForm.CHORUS, GREAT_WALL, 30);
		entry(t, "没人打分", PerformanceForm.CHORUS, GREAT_WALL, 30);
		scores(t, tr, at, THREE, "85", "84", "86");
		scores(t, tr, below, THREE, "84.9", "84.9", "84.9");
		scores(t, tr, above, THREE, "95", "95", "95");
		close(t, tr);
		assertThat(competitions.advance(t, tr)).isEqualTo(2);
		assertThat(jdbc.sql("select entry_id from competition_round_entry where round_id = :r order by entry_id").param("r", tnext)
			.query(Long.class).list()).containsExactly(at, above);
		// The judges of the next round score the advanced entries.
		score("judge1", t, tnext, at, "88");

		// MANUAL: nothing moves by itself.
		long m = competition(PerformanceForm.CHORUS);
		long mr = round(m, AdvanceRule.MANUAL, null, null, THREE);
		round(m, AdvanceRule.MANUAL, null, null, THREE);
		long me = entry(m, "手动", PerformanceForm.CHORUS, HOSPITAL, 30);
		scores(m, mr, me, THREE, "99", "99", "99");
		close(m, mr);
		assertThat(competitions.advance(m, mr)).isZero();
	}

	@Test
	@WithUserDetails("yanqing")
	void staffDecisionsNeedAReasonAndAnEntryOfTheClosedRound() {
		long c = competition(PerformanceForm.CHORUS);
		long r = round(c, AdvanceRule.MANUAL, null, null, THREE);
		long next = round(c, AdvanceRule.MANUAL, null, null, THREE);
		long a = entry(c, "长城谣", PerformanceForm.CHORUS, GREAT_WALL, 40);
		long other = competition(PerformanceForm.CHORUS);
		round(other, AdvanceRule.MANUAL, null, null, THREE);
		long foreign = entry(other, "别处的节目", PerformanceForm.CHORUS, HOSPITAL, 10);
		assertProblem(() -> competitions.decide(c, r, a, "特邀"), "roundId", "competition.round.notClosed");
		close(c, r);
		assertProblem(() -> competitions.decide(c, r, a, " "), "reason", "competition.decision.reason");
		assertProblem(() -> competitions.decide(c, r, a, null), "reason", "competition.decision.reason");
		assertProblem(() -> competitions.decide(c, r, foreign, "特邀"), "entryId", "competition.entry.notInRound");
		assertProblem(() -> competitions.decide(c, r, null, "特邀"), "entryId", "competition.entry.notInRound");
		as("judge1", () -> assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> competitions.decide(c, r, a, "特邀")));
		as("chaoyang", () -> assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> competitions.decide(c, r, a, "特邀")));
		assertThat(count("select count(*) from competition_round_entry where round_id = :id", next)).isZero();

		competitions.decide(c, r, a, "评委会推荐：原创作品");
		assertThat(jdbc.sql("select via || ' ' || reason from competition_round_entry where round_id = :r and entry_id = :e").param("r", next)
			.param("e", a).query(String.class).single()).isEqualTo("DECISION 评委会推荐：原创作品");
		assertProblem(() -> competitions.decide(c, r, a, "再来一次"), "entryId", "competition.entry.alreadyAdvanced");
		// The last round has nowhere to send an entry.
		close(c, next);
		assertProblem(() -> competitions.decide(c, next, a, "最后一轮"), "roundId", "competition.round.last");
	}

	@Test
	@WithUserDetails("yanqing")
	void awardsResultsAndParticipationFigures() {
		long c = competition(PerformanceForm.CHORUS, PerformanceForm.SKIT);
		long r = round(c, AdvanceRule.TOP_N, 1, null, THREE);
		long fin = round(c, AdvanceRule.MANUAL, null, null, THREE);
		List<Long> nurses = ActivityFixtures.members(jdbc, HOSPITAL, null, "护士", 3);
		long a = as("yanqing", () -> competitions.submit(c, new NewEntry("白衣天使", PerformanceForm.CHORUS, id(jdbc, HOSPITAL), 30, nurses)));
		long b = entry(c, "我和我的祖国", PerformanceForm.CHORUS, SCHOOL, 60);
		long s = entry(c, "夸夸新驿站", PerformanceForm.SKIT, SCHOOL, 4);
		scores(c, r, a, THREE, "90", "91", "92");
		scores(c, r, b, THREE, "80", "81", "82");
		scores(c, r, s, THREE, "85", "85", "85");
		assertProblem(() -> competitions.award(c, r, a, "一等奖"), "roundId", "competition.round.notClosed");
		close(c, r);
		assertProblem(() -> competitions.award(c, r, a, " "), "award", "validation.required");
		assertProblem(() -> competitions.award(c, r, 999_999_999L, "一等奖"), "entryId", "competition.entry.notInRound");
		competitions.award(c, r, a, "二等奖");
		competitions.award(c, r, a, "一等奖");
		competitions.award(c, r, s, "优秀奖");
		assertThat(count("select count(*) from competition_award where round_id = :id", r)).isEqualTo(2);
		assertThat(line(judging.ranking(c, r), a).award()).isEqualTo("一等奖");
		assertThat(line(judging.ranking(c, r), b).award()).isNull();
		assertThat(competitions.advance(c, r)).isEqualTo(2);

		SecurityContextHolder.clearContext();
		var results = queries.results(c);
		assertThat(results.edition()).isEqualTo("第一届");
		assertThat(results.organizationName()).isEqualTo("延庆区总工会");
		// Only the closed round is published; the final is still open.
		assertThat(results.rounds()).singleElement().satisfies(round -> {
			assertThat(round.round().id()).isEqualTo(r);
			assertThat(round.ranking()).extracting(RankedEntry::entryId).containsExactly(a, s, b);
			assertThat(round.ranking()).extracting(RankedEntry::award).containsExactly("一等奖", "优秀奖", null);
		});
		// Across all rounds, each entry once: 2 units, 3 entries, 30 + 60 + 4 performers.
		assertThat(results.participation()).isEqualTo(new CompetitionQueries.Participation(2, 3, 94));
		assertThat(fin).isPositive();
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> queries.results(999_999_999L));
		// A plain activity is no competition.
		long plain = jdbc.sql("select min(id) from activity where kind <> 'COMPETITION' and status <> 'DRAFT'").query(Long.class).single();
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> queries.results(plain));
	}

	/** Runs each action on its own thread, all released at once; returns what they threw. */
	List<Throwable> race(List<Runnable> actions) throws InterruptedException {
		var pool = java.util.concurrent.Executors.newFixedThreadPool(actions.size());
		var start = new java.util.concurrent.CountDownLatch(1);
		var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
		for (Runnable action : actions) {
			pool.submit(() -> {
				try {
					start.await();
					action.run();
				}
				catch (Throwable e) {
					failures.add(e);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		return List.copyOf(failures);
	}

	@Test
	@WithUserDetails("yanqing")
	void aDoubleTapSavesOneScore() throws InterruptedException {
		long c = competition(PerformanceForm.CHORUS);
		long r = round(c, AdvanceRule.MANUAL, null, null, FIVE);
		for (int attempt = 0; attempt < 5; attempt++) {
			long e = entry(c, "连点" + attempt, PerformanceForm.CHORUS, HOSPITAL, 10);
			List<Runnable> taps = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String value = "8" + i + ".5";
				taps.add(() -> score("judge1", c, r, e, value));
			}
			assertThat(race(taps)).isEmpty();
			assertThat(count("select count(*) from competition_score where entry_id = :id", e)).isEqualTo(1);
		}
	}

	@Test
	@WithUserDetails("yanqing")
	void closingFreezesScoresThatArriveAtTheSameTime() throws InterruptedException {
		for (int attempt = 0; attempt < 5; attempt++) {
			long c = competition(PerformanceForm.CHORUS);
			long r = round(c, AdvanceRule.MANUAL, null, null, FIVE);
			List<Long> entries = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				entries.add(entry(c, "节目" + i, PerformanceForm.CHORUS, SCHOOL, 10));
			}
			var published = new java.util.concurrent.atomic.AtomicReference<List<RankedEntry>>();
			List<Runnable> actions = new java.util.ArrayList<>();
			for (String judge : FIVE) {
				actions.add(() -> {
					for (int k = 0; k < 20; k++) {
						long e = entries.get(k % entries.size());
						try {
							score(judge, c, r, e, String.valueOf(60 + k));
						}
						catch (InvalidInputException closed) {
							assertThat(closed.problems()).extracting(InvalidInputException.FieldProblem::code).containsOnly("competition.round.closed");
						}
					}
				});
			}
			actions.add(() -> {
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				published.set(close(c, r));
			});
			assertThat(race(actions)).isEmpty();
			// What the close published is what stands: no score got in after it.
			assertThat(judging.ranking(c, r)).isEqualTo(published.get());
		}
	}

	@Test
	@WithUserDetails("yanqing")
	void nothingJoinsARoundThatIsAlreadyClosed() {
		long c = competition(PerformanceForm.CHORUS);
		long r = round(c, AdvanceRule.TOP_N, 1, null, THREE);
		long next = round(c, AdvanceRule.MANUAL, null, null, THREE);
		long a = entry(c, "长城谣", PerformanceForm.CHORUS, GREAT_WALL, 40);
		long b = entry(c, "妫水之畔", PerformanceForm.CHORUS, HOSPITAL, 36);
		scores(c, r, a, THREE, "90", "90", "90");
		close(c, r);
		close(c, next);
		// The next round's ranking is published: neither the rule nor a decision may add to it.
		assertProblem(() -> competitions.advance(c, r), "roundId", "competition.round.nextClosed");
		assertProblem(() -> competitions.decide(c, r, b, "特邀"), "roundId", "competition.round.nextClosed");
		assertThat(count("select count(*) from competition_round_entry where round_id = :id", next)).isZero();
		assertThat(judging.ranking(c, next)).isEmpty();
	}

	@Test
	@WithUserDetails("yanqing")
	void decisionsAtTheSameTimeAddTheEntryOnce() throws InterruptedException {
		long c = competition(PerformanceForm.CHORUS);
		long r = round(c, AdvanceRule.TOP_N, 2, null, THREE);
		long next = round(c, AdvanceRule.MANUAL, null, null, THREE);
		long a = entry(c, "长城谣", PerformanceForm.CHORUS, GREAT_WALL, 40);
		long b = entry(c, "妫水之畔", PerformanceForm.CHORUS, HOSPITAL, 36);
		scores(c, r, a, THREE, "90", "90", "90");
		scores(c, r, b, THREE, "80", "80", "80");
		close(c, r);
		List<Runnable> clicks = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			clicks.add(() -> as("yanqing", () -> competitions.advance(c, r)));
			clicks.add(() -> as("yanqing", () -> {
				try {
					competitions.decide(c, r, b, "特邀");
				}
				catch (InvalidInputException already) {
					assertThat(already.problems()).extracting(InvalidInputException.FieldProblem::code)
						.containsOnly("competition.entry.alreadyAdvanced");
				}
			}));
		}
		assertThat(race(clicks)).isEmpty();
		assertThat(count("select count(*) from competition_round_entry where round_id = :id", next)).isEqualTo(2);
	}

	@Test
	void theDemoCompetitionHasAClosedGrassrootsRoundAndAnOpenFinal() {
		long c = jdbc.sql("select activity_id from competition where edition = '第四十届'").query(Long.class).single();
		var results = queries.results(c);
		assertThat(results.edition()).isEqualTo("第四十届");
		assertThat(results.rounds()).singleElement().satisfies(r -> {
			assertThat(r.round().name()).isEqualTo("八达岭镇基层初赛");
			assertThat(r.ranking()).hasSize(6);
			assertThat(r.ranking().get(0).title()).isEqualTo("我和我的祖国");
			assertThat(r.ranking().get(0).award()).isEqualTo("一等奖");
		});
		assertThat(results.participation()).isEqualTo(new CompetitionQueries.Participation(3, 6, 155));
	}
}
