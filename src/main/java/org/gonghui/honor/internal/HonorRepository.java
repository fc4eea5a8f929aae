package org.gonghui.honor.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.honor.HonorKind;
import org.gonghui.honor.HonorLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the honours registry: the title catalogue, honorees, honours held and their history. */
@Repository
class HonorRepository {

	record Title(long id, String name, HonorLevel level, HonorKind kind, String conferredBy) {
	}

	record HonoreeRow(long id, long organizationId, String organizationName, String organizationPath, Long memberId, String name,
			String idNumberMasked, String employer, String occupation, String summary, String deeds, boolean isPublic, int version) {
	}

	record HonorRow(long id, long honoreeId, Title title, int year, String certificateNumber, String status, boolean allowance,
			LocalDate revokedOn, String revokeReason) {
	}

	record NewHonoree(long organizationId, Long memberId, String name, String idCipher, String idHash, String idMasked, String employer,
			String occupation, String summary, String deeds, boolean isPublic) {
	}

	private static final String HONOREE = "select h.id, h.organization_id, o.name as organization_name, h.organization_path, h.member_id, h.name,"
			+ " h.id_number_masked, h.employer, h.occupation, h.summary, h.deeds, h.is_public, h.version"
			+ " from honoree h join organization o on o.id = h.organization_id";

	private static final String HONOR = "select r.id, r.honoree_id, r.conferred_year, r.certificate_number, r.status, r.allowance, r.revoked_on,"
			+ " r.revoke_reason, t.id as t_id, t.name as t_name, t.honor_level, t.kind, t.conferred_by from honor r join honor_title t on t.id = r.title_id";

	/**
	 * The search's filters, each a fixed fragment: the scope as a path pattern, a name or occupation
	 * prefix/contains, a level, a title; public only for the showcase.
	 */
	record Filter(String scope, String text, HonorLevel level, Long titleId, boolean publicOnly) {
	}

	private final JdbcClient jdbc;

	HonorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Title> titles() {
		return jdbc.sql("select id, name, honor_level, kind, conferred_by from honor_title order by "
				+ "case honor_level when 'NATIONAL' then 0 when 'PROVINCIAL' then 1 when 'MUNICIPAL' then 2 when 'DISTRICT' then 3 else 4 end, name")
			.query(HonorRepository::title).list();
	}

	Optional<Title> titleByName(String name) {
		return jdbc.sql("select id, name, honor_level, kind, conferred_by from honor_title where name = :n").param("n", name)
			.query(HonorRepository::title).optional();
	}

	long insertTitle(String name, HonorLevel level, HonorKind kind, String conferredBy, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into honor_title (name, honor_level, kind, conferred_by, created_at) values (:n, :l, :k, :c, :at)")
			.param("n", name).param("l", level.name()).param("k", kind.name()).param("c", conferredBy).param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	long insertHonoree(NewHonoree h, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into honoree (organization_id, organization_path, member_id, name, id_number_cipher, id_number_hash, id_number_masked,"
				+ " employer, occupation, summary, deeds, is_public, created_at, updated_at, version) values (:org,"
				+ " (select path from organization where id = :org), :member, :name, :cipher, :hash, :masked, :employer, :occupation, :summary,"
				+ " :deeds, :public, :at, :at, 0)")
			.param("org", h.organizationId()).param("member", h.memberId()).param("name", h.name()).param("cipher", h.idCipher())
			.param("hash", h.idHash()).param("masked", h.idMasked()).param("employer", h.employer()).param("occupation", h.occupation())
			.param("summary", h.summary()).param("deeds", h.deeds()).param("public", h.isPublic()).param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	boolean idNumberTaken(String hash) {
		return jdbc.sql("select count(*) from honoree where id_number_hash = :h").param("h", hash).query(Long.class).single() > 0;
	}

	boolean memberTaken(long memberId) {
		return jdbc.sql("select count(*) from honoree where member_id = :m").param("m", memberId).query(Long.class).single() > 0;
	}

	Optional<HonoreeRow> findHonoree(long id) {
		return jdbc.sql(HONOREE + " where h.id = :id").param("id", id).query(HonorRepository::honoree).optional();
	}

	/** Honorees by id, in no particular order; ids that are not honorees are left out. Bound in slices of 1,000. */
	List<HonoreeRow> findHonorees(List<Long> ids) {
		List<HonoreeRow> rows = new java.util.ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += 1000) {
			rows.addAll(jdbc.sql(HONOREE + " where h.id in (:ids)").param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query(HonorRepository::honoree).list());
		}
		return rows;
	}

	private static String where(Filter f) {
		StringBuilder w = new StringBuilder(" where h.organization_path like :scope");
		if (f.text() != null) {
			w.append(" and (h.name like :text or h.occupation like :text or h.employer like :text"
					+ " or exists (select 1 from honor x join honor_title xt on xt.id = x.title_id where x.honoree_id = h.id and xt.name like :text))");
		}
		if (f.level() != null) {
			w.append(" and exists (select 1 from honor x join honor_title xt on xt.id = x.title_id where x.honoree_id = h.id"
					+ " and x.status = 'ACTIVE' and xt.honor_level = :level)");
		}
		if (f.titleId() != null) {
			w.append(" and exists (select 1 from honor x where x.honoree_id = h.id and x.status = 'ACTIVE' and x.title_id = :title)");
		}
		if (f.publicOnly()) {
			w.append(" and h.is_public = true");
		}
		return w.toString();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
		spec = spec.param("scope", f.scope());
		if (f.text() != null) {
			spec = spec.param("text", f.text());
		}
		if (f.level() != null) {
			spec = spec.param("level", f.level().name());
		}
		if (f.titleId() != null) {
			spec = spec.param("title", f.titleId());
		}
		return spec;
	}

	long count(Filter f) {
		return bind(jdbc.sql("select count(*) from honoree h" + where(f)), f).query(Long.class).single();
	}

	List<HonoreeRow> search(Filter f, long offset, int limit) {
		return bind(jdbc.sql(HONOREE + where(f) + " order by h.name, h.id limit :limit offset :offset"), f).param("limit", limit)
			.param("offset", offset).query(HonorRepository::honoree).list();
	}

	List<HonorRow> honorsOf(List<Long> honoreeIds) {
		if (honoreeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(HONOR + " where r.honoree_id in (:ids) order by r.conferred_year desc, t.name").param("ids", honoreeIds)
			.query(HonorRepository::honor).list();
	}

	Optional<HonorRow> findHonor(long id) {
		return jdbc.sql(HONOR + " where r.id = :id").param("id", id).query(HonorRepository::honor).optional();
	}

	boolean honorExists(long honoreeId, long titleId, int year) {
		return jdbc.sql("select count(*) from honor where honoree_id = :h and title_id = :t and conferred_year = :y").param("h", honoreeId)
			.param("t", titleId).param("y", year).query(Long.class).single() > 0;
	}

	long insertHonor(long honoreeId, long titleId, int year, String certificateNumber, boolean allowance, String actor, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into honor (honoree_id, title_id, conferred_year, certificate_number, status, allowance, created_at, created_by)"
				+ " values (:h, :t, :y, :c, 'ACTIVE', :a, :at, :by)")
			.param("h", honoreeId).param("t", titleId).param("y", year).param("c", certificateNumber).param("a", allowance)
			.param("at", Timestamp.from(at)).param("by", actor).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		event(id, "CONFERRED", actor, null, at);
		return id;
	}

	/** Revokes if still active (two staff cannot both revoke); the allowance stops with it. */
	boolean revoke(long id, LocalDate on, String reason, String actor, Instant at) {
		int n = jdbc.sql("update honor set status = 'REVOKED', allowance = false, revoked_on = :on, revoke_reason = :r where id = :id and status = 'ACTIVE'")
			.param("on", java.sql.Date.valueOf(on)).param("r", reason).param("id", id).update();
		if (n == 1) {
			event(id, "REVOKED", actor, reason, at);
		}
		return n == 1;
	}

	private void event(long honorId, String kind, String actor, String note, Instant at) {
		jdbc.sql("insert into honor_event (honor_id, occurred_at, kind, actor, note) values (:h, :at, :k, :a, :n)").param("h", honorId)
			.param("at", Timestamp.from(at)).param("k", kind).param("a", actor).param("n", note).update();
	}

	/** Active honours by level and kind in the subtree: one row per (level, kind) with honorees and honours. */
	List<Figure> figures(String scope) {
		return jdbc.sql("select t.honor_level, t.kind, count(distinct h.id) as honorees, count(*) as honors from honor r"
				+ " join honor_title t on t.id = r.title_id join honoree h on h.id = r.honoree_id"
				+ " where r.status = 'ACTIVE' and h.organization_path like :scope group by t.honor_level, t.kind")
			.param("scope", scope)
			.query((rs, n) -> new Figure(HonorLevel.valueOf(rs.getString("honor_level")), HonorKind.valueOf(rs.getString("kind")),
					rs.getLong("honorees"), rs.getLong("honors")))
			.list();
	}

	record Figure(HonorLevel level, HonorKind kind, long honorees, long honors) {
	}

	/** Rewrites the stored paths of a moved subtree (see HonoreePaths). */
	void rebase(String oldPath, String newPath) {
		// updated_at too, so the search index polling by it moves the honorees to their new scope.
		jdbc.sql("update honoree set organization_path = concat(:newPath, substring(organization_path, :cut)), updated_at = :now"
				+ " where organization_path like :prefix")
			.param("now", Timestamp.from(Instant.now()))
			.param("newPath", newPath).param("cut", oldPath.length() + 1).param("prefix", oldPath + "%").update();
	}

	private static Title title(ResultSet rs, int n) throws SQLException {
		return new Title(rs.getLong("id"), rs.getString("name"), HonorLevel.valueOf(rs.getString("honor_level")), HonorKind.valueOf(rs.getString("kind")),
				rs.getString("conferred_by"));
	}

	private static HonoreeRow honoree(ResultSet rs, int n) throws SQLException {
		return new HonoreeRow(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_name"), rs.getString("organization_path"),
				rs.getObject("member_id", Long.class), rs.getString("name"), rs.getString("id_number_masked"), rs.getString("employer"),
				rs.getString("occupation"), rs.getString("summary"), rs.getString("deeds"), rs.getBoolean("is_public"), rs.getInt("version"));
	}

	private static HonorRow honor(ResultSet rs, int n) throws SQLException {
		Title t = new Title(rs.getLong("t_id"), rs.getString("t_name"), HonorLevel.valueOf(rs.getString("honor_level")),
				HonorKind.valueOf(rs.getString("kind")), rs.getString("conferred_by"));
		java.sql.Date revoked = rs.getDate("revoked_on");
		return new HonorRow(rs.getLong("id"), rs.getLong("honoree_id"), t, rs.getInt("conferred_year"), rs.getString("certificate_number"),
				rs.getString("status"), rs.getBoolean("allowance"), revoked == null ? null : revoked.toLocalDate(), rs.getString("revoke_reason"));
	}
}
