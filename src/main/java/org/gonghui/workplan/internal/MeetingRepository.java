package org.gonghui.workplan.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.workplan.MeetingKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Meetings, their speeches and resolutions. Lists filter by the organisation path kept on the meeting. */
@Repository
class MeetingRepository {

	private final JdbcClient jdbc;

	MeetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record MeetingRow(long id, long organizationId, String organizationName, String organizationPath, MeetingKind kind, int term, int sessionNo,
			LocalDate heldOn, String place, Integer membersTotal, Integer membersPresent, String reportTitle, String reportReporter,
			String reportDocument) {
	}



	long insert(MeetingRow m, String actor, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into wp_meeting (organization_id, organization_path, kind, term, session_no, held_on, place, members_total, members_present,"
				+ " report_title, report_reporter, report_document, created_by, created_at) values (:org, :path, :kind, :term, :no, :on, :place, :total,"
				+ " :present, :rt, :rr, :rd, :by, :at)")
			.param("org", m.organizationId()).param("path", m.organizationPath()).param("kind", m.kind().name()).param("term", m.term())
			.param("no", m.sessionNo()).param("on", m.heldOn()).param("place", m.place()).param("total", m.membersTotal())
			.param("present", m.membersPresent()).param("rt", m.reportTitle()).param("rr", m.reportReporter()).param("rd", m.reportDocument())
			.param("by", actor).param("at", Timestamp.from(now)).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertSpeech(long meeting, int position, MeetingService.SpeechRow s) {
		jdbc.sql("insert into wp_speech (meeting_id, position, organization_name, organization_id, speaker, title) values (:m, :p, :on, :oid, :sp, :t)")
			.param("m", meeting).param("p", position).param("on", s.organizationName()).param("oid", s.organizationId()).param("sp", s.speaker())
			.param("t", s.title()).update();
	}

	long insertResolution(long meeting, int position, MeetingService.ResolutionRow r) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into wp_resolution (meeting_id, position, title, votes_for, votes_against, votes_abstain, adopted, plan_id)"
				+ " values (:m, :p, :t, :f, :a, :ab, :ok, :plan)").param("m", meeting).param("p", position).param("t", r.title()).param("f", r.votesFor())
			.param("a", r.votesAgainst()).param("ab", r.votesAbstain()).param("ok", r.adopted()).param("plan", r.planId()).update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean exists(long organizationId, MeetingKind kind, int term, int sessionNo) {
		return jdbc.sql("select count(*) from wp_meeting where organization_id = :o and kind = :k and term = :t and session_no = :n").param("o", organizationId)
			.param("k", kind.name()).param("t", term).param("n", sessionNo).query(Long.class).single() > 0;
	}

	private static final String SELECT = "select m.*, o.name as organization_name from wp_meeting m join organization o on o.id = m.organization_id";

	Optional<MeetingRow> find(long id) {
		return jdbc.sql(SELECT + " where m.id = :id").param("id", id).query(MeetingRepository::meeting).optional();
	}

	List<MeetingRow> list(String scope, int limit) {
		return jdbc.sql(SELECT + " where m.organization_path like :scope order by m.held_on desc, m.id desc limit :limit").param("scope", scope)
			.param("limit", limit).query(MeetingRepository::meeting).list();
	}

	/** A page of meetings in scope, newest first or by organisation; the ordering is one of two fixed clauses. */
	List<MeetingRow> page(String scope, boolean byOrganization, long offset, int limit) {
		String order = byOrganization ? " order by o.name, m.held_on desc, m.id desc" : " order by m.held_on desc, m.id desc";
		return jdbc.sql(SELECT + " where m.organization_path like :scope" + order + " limit :limit offset :offset").param("scope", scope)
			.param("limit", limit).param("offset", offset).query(MeetingRepository::meeting).list();
	}

	long count(String scope) {
		return jdbc.sql("select count(*) from wp_meeting where organization_path like :scope").param("scope", scope).query(Long.class).single();
	}

	List<MeetingService.SpeechRow> speeches(long meeting) {
		return jdbc.sql("select organization_name, organization_id, speaker, title from wp_speech where meeting_id = :m order by position").param("m", meeting)
			.query((rs, n) -> new MeetingService.SpeechRow(rs.getString(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4))).list();
	}

	List<MeetingService.ResolutionRow> resolutions(long meeting) {
		return jdbc.sql("select id, title, votes_for, votes_against, votes_abstain, adopted, plan_id from wp_resolution where meeting_id = :m order by position")
			.param("m", meeting)
			.query((rs, n) -> new MeetingService.ResolutionRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getObject(4, Integer.class),
					rs.getObject(5, Integer.class), rs.getBoolean(6), rs.getObject(7, Long.class)))
			.list();
	}

	private static MeetingRow meeting(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new MeetingRow(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_name"), rs.getString("organization_path"),
				MeetingKind.valueOf(rs.getString("kind")), rs.getInt("term"), rs.getInt("session_no"), rs.getObject("held_on", LocalDate.class),
				rs.getString("place"), rs.getObject("members_total", Integer.class), rs.getObject("members_present", Integer.class),
				rs.getString("report_title"), rs.getString("report_reporter"), rs.getString("report_document"));
	}
}
