package org.gonghui.member.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberSummary;
import org.gonghui.member.WorkForm;
import org.gonghui.shared.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

	static final String COLUMNS = "id, name, gender, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash,"
			+ " phone_masked, union_id, employer_id, work_form, occupation, platform_company, join_date, status, card_number,"
			+ " created_at, updated_at, version";

	/**
	 * The WHERE clause for the criteria actually given, assembled from fixed fragments; every value is
	 * a bound parameter. (A single catch-all clause of the form {@code :x is null or col = :x} lets
	 * PostgreSQL switch a prepared statement to a generic plan, which turned the exact 身份证号 lookup
	 * into a sequential scan at a million members: see docs/benchmarks.md.)
	 */
	private String filter(Criteria c) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (c.scope() != null) {
			where.append(" and union_path like :scope");
		}
		if (c.unionId() != null) {
			where.append(" and union_id = :unionId");
		}
		if (c.status() != null) {
			where.append(" and status = :status");
		}
		if (c.namePrefix() != null) {
			where.append(" and ").append(nameColumn()).append(" like :namePrefix");
		}
		if (c.idHash() != null) {
			where.append(" and id_number_hash = :idHash");
		}
		if (c.phoneHash() != null) {
			where.append(" and phone_hash = :phoneHash");
		}
		return where.toString();
	}

	/** The path stored with a member's union, read in the same statement that sets the union. */
	static final String PATH_OF_UNION = "(select o.path from organization o where o.id = :unionId)";

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Search criteria; {@code scope} is a {@code LIKE} pattern over union paths (the caller's data scope),
	 * null for every union (administrators).
	 */
	record Criteria(String scope, Long unionId, MemberStatus status, String namePrefix, String idHash, String phoneHash) {
	}

	Optional<Member> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from member where id = :id").param("id", id).query(MemberRepository::map).optional();
	}

	/**
	 * What other modules see of a member, with the path of their union, in one statement: the sign-up rush
	 * asks this on every attempt (a join here instead of a second round trip to the organisation tree).
	 */
	Optional<MemberSummary> findSummary(long id) {
		return jdbc.sql(SUMMARY + " where m.id = :id").param("id", id).query(MemberRepository::mapSummary).optional();
	}

	/** {@link #findSummary} for the member record linked to a signed-in account. */
	Optional<MemberSummary> findSummaryByAccount(String username) {
		return jdbc.sql(SUMMARY + " where m.account_username = :username").param("username", username).query(MemberRepository::mapSummary)
			.optional();
	}

	/** {@link #findSummary} by card number (会员证号). */
	Optional<MemberSummary> findSummaryByCardNumber(String cardNumber) {
		return jdbc.sql(SUMMARY + " where m.card_number = :c").param("c", cardNumber).query(MemberRepository::mapSummary).optional();
	}

	private static final String SUMMARY = "select m.id, m.name, m.union_id, o.path as union_path, m.employer_id, m.status"
			+ " from member m join organization o on o.id = m.union_id";

	private static MemberSummary mapSummary(ResultSet rs, int n) throws SQLException {
		return new MemberSummary(rs.getLong("id"), rs.getString("name"), rs.getLong("union_id"), rs.getString("union_path"),
				rs.getObject("employer_id", Long.class), MemberStatus.valueOf(rs.getString("status")));
	}

	Optional<Member> findByIdNumberHash(String hash) {
		return jdbc.sql("select " + COLUMNS + " from member where id_number_hash = :h").param("h", hash).query(MemberRepository::map).optional();
	}

	Optional<Member> findByCardNumber(String cardNumber) {
		return jdbc.sql("select " + COLUMNS + " from member where card_number = :c").param("c", cardNumber).query(MemberRepository::map).optional();
	}

	/**
	 * The name as searched and sorted. PostgreSQL makes {@code LIKE 'prefix%'} an index range only under the
	 * collation "C" (a C.UTF-8 or zh_CN database does not count), so there the name is compared as
	 * {@code name collate "C"}, the expression of ix_member_name_c. Lists sort by code point, which is what
	 * a C.UTF-8 database does anyway. A fixed fragment, never input.
	 */
	private String nameColumn() {
		return isPostgres() ? "(name collate \"C\")" : "name";
	}

	private boolean isPostgres() {
		Boolean pg = postgres;
		if (pg == null) {
			pg = jdbc.sql("select 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName())
				.single().toLowerCase(java.util.Locale.ROOT).contains("postgres");
			postgres = pg;
		}
		return pg;
	}

	private volatile Boolean postgres;

	long count(Criteria c) {
		return bind(jdbc.sql("select count(*) from member" + filter(c)), c).query(Long.class).single();
	}

	List<Member> search(Criteria c, long offset, int limit) {
		// Ordered by the index on the name: a page of "王" reads its 20 rows from the start of the prefix's
		// range and stops, instead of sorting every match (see nameColumn; the search plans for its values, platform.QueryPlans).
		String order = " order by " + nameColumn() + ", id";
		return bind(jdbc.sql("select " + COLUMNS + " from member" + filter(c) + order + " limit :limit offset :offset"), c)
			.param("limit", limit)
			.param("offset", offset)
			.query(MemberRepository::map)
			.list();
	}

	/** Inserts the member and gives it its card number, which is derived from the generated id. */
	long insert(Member m, CardNumbers cards) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked,"
				+ " union_id, union_path, employer_id, work_form, occupation, platform_company, join_date, status, card_number, created_at, updated_at, version)"
				+ " values (:name, :gender, :idCipher, :idHash, :idMasked, :phoneCipher, :phoneHash, :phoneMasked, :unionId, " + PATH_OF_UNION + ", :employerId,"
				+ " :workForm, :occupation, :platform, :joinDate, :status, :card, :now, :now, 0)")
			.param("name", m.name())
			.param("gender", m.gender().name())
			.param("idCipher", m.idNumberCipher())
			.param("idHash", m.idNumberHash())
			.param("idMasked", m.idNumberMasked())
			.param("phoneCipher", m.phoneCipher())
			.param("phoneHash", m.phoneHash())
			.param("phoneMasked", m.phoneMasked())
			.param("unionId", m.unionId())
			.param("employerId", m.employerId())
			.param("workForm", m.workForm().name())
			.param("occupation", m.occupation())
			.param("platform", m.platformCompany())
			.param("joinDate", Date.valueOf(m.joinDate()))
			.param("status", m.status().name())
			.param("card", "P" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 19))
			.param("now", Timestamp.from(m.createdAt()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("update member set card_number = :card where id = :id").param("card", cards.format(m.joinDate().getYear(), id)).param("id", id)
			.update();
		return id;
	}

	boolean update(Member m) {
		return jdbc.sql("update member set name = :name, gender = :gender, phone_cipher = :phoneCipher, phone_hash = :phoneHash,"
				+ " phone_masked = :phoneMasked, union_id = :unionId, union_path = " + PATH_OF_UNION + ", employer_id = :employerId, work_form = :workForm, occupation = :occupation,"
				+ " platform_company = :platform, join_date = :joinDate, status = :status, updated_at = :now, version = version + 1"
				+ " where id = :id and version = :version")
			.param("name", m.name())
			.param("gender", m.gender().name())
			.param("phoneCipher", m.phoneCipher())
			.param("phoneHash", m.phoneHash())
			.param("phoneMasked", m.phoneMasked())
			.param("unionId", m.unionId())
			.param("employerId", m.employerId())
			.param("workForm", m.workForm().name())
			.param("occupation", m.occupation())
			.param("platform", m.platformCompany())
			.param("joinDate", Date.valueOf(m.joinDate()))
			.param("status", m.status().name())
			.param("now", Timestamp.from(m.updatedAt()))
			.param("id", m.id())
			.param("version", m.version())
			.update() == 1;
	}

	void addEvent(long memberId, Instant at, String kind, Long fromUnion, Long toUnion, String detail, String actor) {
		jdbc.sql("insert into member_event (member_id, occurred_at, kind, from_union_id, to_union_id, detail, actor)"
				+ " values (:m, :at, :kind, :from, :to, :detail, :actor)")
			.param("m", memberId)
			.param("at", Timestamp.from(at))
			.param("kind", kind)
			.param("from", fromUnion)
			.param("to", toUnion)
			.param("detail", detail)
			.param("actor", actor)
			.update();
	}

	List<MemberEventView> events(long memberId) {
		return jdbc.sql("select occurred_at, kind, from_union_id, to_union_id, detail, actor from member_event where member_id = :m order by occurred_at, id")
			.param("m", memberId)
			.query((rs, n) -> new MemberEventView(rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"),
					(Long) rs.getObject("from_union_id", Long.class), (Long) rs.getObject("to_union_id", Long.class), rs.getString("detail"),
					rs.getString("actor")))
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Criteria c) {
		if (c.scope() != null) {
			spec = spec.param("scope", c.scope());
		}
		if (c.unionId() != null) {
			spec = spec.param("unionId", c.unionId());
		}
		if (c.status() != null) {
			spec = spec.param("status", c.status().name());
		}
		if (c.namePrefix() != null) {
			spec = spec.param("namePrefix", c.namePrefix());
		}
		if (c.idHash() != null) {
			spec = spec.param("idHash", c.idHash());
		}
		if (c.phoneHash() != null) {
			spec = spec.param("phoneHash", c.phoneHash());
		}
		return spec;
	}


	static Member map(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getLong("id"), rs.getString("name"), IdNumber.Gender.valueOf(rs.getString("gender")),
				rs.getString("id_number_cipher"), rs.getString("id_number_hash"), rs.getString("id_number_masked"),
				rs.getString("phone_cipher"), rs.getString("phone_hash"), rs.getString("phone_masked"), rs.getLong("union_id"),
				rs.getObject("employer_id", Long.class), WorkForm.valueOf(rs.getString("work_form")), rs.getString("occupation"),
				rs.getString("platform_company"), rs.getDate("join_date").toLocalDate(), MemberStatus.valueOf(rs.getString("status")),
				rs.getString("card_number"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"));
	}

	/** One line of a member's history. */
	record MemberEventView(Instant occurredAt, String kind, Long fromUnionId, Long toUnionId, String detail, String actor) {
	}
}
