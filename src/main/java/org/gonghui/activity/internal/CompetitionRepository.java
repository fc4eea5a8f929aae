package org.gonghui.activity.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.AdvanceRule;
import org.gonghui.activity.PerformanceForm;
import org.gonghui.activity.RoundLevel;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for competitions: the edition and forms, rounds and their judges, entries and the rounds they take part in, awards. */
@Repository
class CompetitionRepository {

	private final JdbcClient jdbc;

	CompetitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Round(long id, long activityId, int position, String name, RoundLevel level, Long hostId, String hostName, LocalDate startsOn,
			LocalDate endsOn, String venue, AdvanceRule rule, Integer advanceN, BigDecimal threshold, Instant closedAt, int version) {

		boolean closed() {
			return closedAt != null;
		}
	}

	record Entry(long id, long activityId, String title, PerformanceForm form, long unitId, String unitName, OrgPath unitPath, int performerCount) {
	}

	void insertCompetition(long activityId, String edition, List<PerformanceForm> forms) {
		jdbc.sql("insert into competition (activity_id, edition) values (:a, :e)").param("a", activityId).param("e", edition).update();
		for (PerformanceForm f : forms) {
			jdbc.sql("insert into competition_form (activity_id, form) values (:a, :f)").param("a", activityId).param("f", f.name()).update();
		}
	}

	record Listed(long id, String title, String edition, String organizationName, String status) {
	}

	/** Competitions past the draft stage, newest first, for the public list. */
	List<Listed> published(int limit) {
		return jdbc.sql("select a.id, a.title, c.edition, o.name, a.status from competition c join activity a on a.id = c.activity_id"
				+ " join organization o on o.id = a.organization_id where a.status <> 'DRAFT' order by a.id desc limit :limit")
			.param("limit", limit)
			.query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/** Whether the competition still runs (published or under way), so scores and entries are taken. */
	boolean running(long activityId) {
		return jdbc.sql("select count(*) from activity where id = :a and status in ('PUBLISHED', 'CLOSED', 'ONGOING')").param("a", activityId)
			.query(Long.class).single() > 0;
	}

	Optional<String> edition(long activityId) {
		return jdbc.sql("select edition from competition where activity_id = :a").param("a", activityId).query(String.class).optional();
	}

	List<PerformanceForm> forms(long activityId) {
		return jdbc.sql("select form from competition_form where activity_id = :a order by form").param("a", activityId)
			.query((rs, n) -> PerformanceForm.valueOf(rs.getString(1))).list();
	}

	long insertRound(long activityId, String name, RoundLevel level, Long hostId, LocalDate startsOn, LocalDate endsOn, String venue,
			AdvanceRule rule, Integer n, BigDecimal threshold) {
		int position = jdbc.sql("select coalesce(max(position) + 1, 0) from competition_round where activity_id = :a").param("a", activityId)
			.query(Integer.class).single();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into competition_round (activity_id, position, name, level, host_id, starts_on, ends_on, venue, advance_rule, advance_n,"
				+ " advance_threshold) values (:a, :p, :name, :level, :host, :starts, :ends, :venue, :rule, :n, :threshold)")
			.param("a", activityId).param("p", position).param("name", name).param("level", level.name()).param("host", hostId, Types.BIGINT)
			.param("starts", Date.valueOf(startsOn)).param("ends", Date.valueOf(endsOn)).param("venue", venue, Types.VARCHAR)
			.param("rule", rule.name()).param("n", n, Types.INTEGER).param("threshold", threshold, Types.DECIMAL)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void addJudge(long roundId, String username) {
		jdbc.sql("insert into competition_judge (round_id, username) values (:r, :u)").param("r", roundId).param("u", username).update();
	}

	List<String> judges(long roundId) {
		return jdbc.sql("select username from competition_judge where round_id = :r order by username").param("r", roundId).query(String.class).list();
	}

	boolean isJudge(long roundId, String username) {
		return jdbc.sql("select count(*) from competition_judge where round_id = :r and username = :u").param("r", roundId).param("u", username)
			.query(Long.class).single() > 0;
	}

	private static final String ROUND = "select r.*, o.name as host_name from competition_round r left join organization o on o.id = r.host_id";

	List<Round> rounds(long activityId) {
		return jdbc.sql(ROUND + " where r.activity_id = :a order by r.position").param("a", activityId).query(CompetitionRepository::round).list();
	}

	Optional<Round> round(long activityId, long roundId) {
		return jdbc.sql(ROUND + " where r.activity_id = :a and r.id = :r").param("a", activityId).param("r", roundId)
			.query(CompetitionRepository::round).optional();
	}

	/** Rounds a judge is assigned to, with their competition, open ones first. */
	List<Round> roundsOfJudge(String username) {
		return jdbc.sql(ROUND + " join competition_judge j on j.round_id = r.id where j.username = :u order by r.closed_at nulls first, r.starts_on")
			.param("u", username).query(CompetitionRepository::round).list();
	}

	/**
	 * Locks the round's row until the transaction ends and tells whether it is still open. Scores and entries take this
	 * lock, so they wait for a close under way (and then see the round closed), a close waits for them, and a judge's
	 * double tap writes one score after the other rather than two inserts at once.
	 */
	boolean lockOpen(long roundId) {
		return jdbc.sql("select closed_at from competition_round where id = :r for update").param("r", roundId)
			.query((rs, n) -> rs.getTimestamp(1) == null).optional().orElse(false);
	}

	boolean close(long roundId, int version, String by, Instant now) {
		return jdbc.sql("update competition_round set closed_at = :now, closed_by = :by, version = version + 1"
				+ " where id = :r and version = :v and closed_at is null")
			.param("now", Timestamp.from(now)).param("by", by).param("r", roundId).param("v", version).update() == 1;
	}

	long insertEntry(long activityId, String title, PerformanceForm form, long unitId, int performers, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into competition_entry (activity_id, title, form, unit_id, performer_count, submitted_by, submitted_at)"
				+ " values (:a, :title, :form, :unit, :count, :by, :now)")
			.param("a", activityId).param("title", title).param("form", form.name()).param("unit", unitId).param("count", performers)
			.param("by", by).param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void addPerformer(long entryId, long memberId) {
		jdbc.sql("insert into competition_performer (entry_id, member_id) values (:e, :m)").param("e", entryId).param("m", memberId).update();
	}

	void addToRound(long roundId, long entryId, String via, String reason, String by) {
		jdbc.sql("insert into competition_round_entry (round_id, entry_id, via, reason, added_by) values (:r, :e, :via, :reason, :by)")
			.param("r", roundId).param("e", entryId).param("via", via).param("reason", reason, Types.VARCHAR).param("by", by).update();
	}

	boolean inRound(long roundId, long entryId) {
		return jdbc.sql("select count(*) from competition_round_entry where round_id = :r and entry_id = :e").param("r", roundId).param("e", entryId)
			.query(Long.class).single() > 0;
	}

	private static final String ENTRY = "select e.*, o.name as unit_name, o.path as unit_path from competition_entry e"
			+ " join organization o on o.id = e.unit_id";

	Optional<Entry> entry(long activityId, long entryId) {
		return jdbc.sql(ENTRY + " where e.activity_id = :a and e.id = :e").param("a", activityId).param("e", entryId)
			.query(CompetitionRepository::entry).optional();
	}

	/** Entries of the competition whose unit lies under {@code scopePattern} (the caller's data scope). */
	List<Entry> entries(long activityId, String scopePattern) {
		return jdbc.sql(ENTRY + " where e.activity_id = :a and o.path like :scope order by e.id").param("a", activityId).param("scope", scopePattern)
			.query(CompetitionRepository::entry).list();
	}

	List<Entry> entriesOfRound(long roundId) {
		return jdbc.sql(ENTRY + " join competition_round_entry re on re.entry_id = e.id where re.round_id = :r order by e.id").param("r", roundId)
			.query(CompetitionRepository::entry).list();
	}

	void score(long roundId, long entryId, String judge, BigDecimal score, Instant now) {
		if (jdbc.sql("update competition_score set score = :s, scored_at = :now where round_id = :r and entry_id = :e and judge = :j")
			.param("s", score).param("now", Timestamp.from(now)).param("r", roundId).param("e", entryId).param("j", judge).update() == 0) {
			jdbc.sql("insert into competition_score (round_id, entry_id, judge, score, scored_at) values (:r, :e, :j, :s, :now)")
				.param("r", roundId).param("e", entryId).param("j", judge).param("s", score).param("now", Timestamp.from(now)).update();
		}
	}

	record Score(long entryId, String judge, BigDecimal score) {
	}

	List<Score> scores(long roundId) {
		return jdbc.sql("select entry_id, judge, score from competition_score where round_id = :r").param("r", roundId)
			.query((rs, n) -> new Score(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))).list();
	}

	List<Score> scoresOf(long roundId, String judge) {
		return jdbc.sql("select entry_id, judge, score from competition_score where round_id = :r and judge = :j").param("r", roundId).param("j", judge)
			.query((rs, n) -> new Score(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))).list();
	}

	void award(long roundId, long entryId, String award, String by) {
		jdbc.sql("delete from competition_award where round_id = :r and entry_id = :e").param("r", roundId).param("e", entryId).update();
		jdbc.sql("insert into competition_award (round_id, entry_id, award, awarded_by) values (:r, :e, :a, :by)")
			.param("r", roundId).param("e", entryId).param("a", award).param("by", by).update();
	}

	record Award(long entryId, String award) {
	}

	List<Award> awards(long roundId) {
		return jdbc.sql("select entry_id, award from competition_award where round_id = :r").param("r", roundId)
			.query((rs, n) -> new Award(rs.getLong(1), rs.getString(2))).list();
	}

	record Figures(long units, long entries, long performers, long namedPerformers) {
	}

	Figures figures(long activityId) {
		return jdbc.sql("select count(distinct unit_id) as units, count(*) as entries, coalesce(sum(performer_count), 0) as performers,"
				+ " (select count(distinct p.member_id) from competition_performer p join competition_entry x on x.id = p.entry_id"
				+ "  where x.activity_id = :a) as named from competition_entry where activity_id = :a")
			.param("a", activityId)
			.query((rs, n) -> new Figures(rs.getLong("units"), rs.getLong("entries"), rs.getLong("performers"), rs.getLong("named"))).single();
	}

	private static Round round(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Round(rs.getLong("id"), rs.getLong("activity_id"), rs.getInt("position"), rs.getString("name"),
				RoundLevel.valueOf(rs.getString("level")), (Long) rs.getObject("host_id", Long.class), rs.getString("host_name"),
				rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getString("venue"),
				AdvanceRule.valueOf(rs.getString("advance_rule")), (Integer) rs.getObject("advance_n", Integer.class),
				rs.getBigDecimal("advance_threshold"), closed == null ? null : closed.toInstant(), rs.getInt("version"));
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("title"), PerformanceForm.valueOf(rs.getString("form")),
				rs.getLong("unit_id"), rs.getString("unit_name"), new OrgPath(rs.getString("unit_path")), rs.getInt("performer_count"));
	}
}
