package org.gonghui.member.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gonghui.member.WorkForm;
import org.gonghui.shared.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JoinApplicationRepository {

	private static final String SELECT = "select * from join_application";

	private final JdbcClient jdbc;

	JoinApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored application; identifiers sealed as in {@link Member}. */
	record JoinApplication(Long id, String tokenHash, String name, IdNumber.Gender gender, String idNumberCipher, String idNumberHash,
			String idNumberMasked, String phoneCipher, String phoneHash, String phoneMasked, long unionId, Long employerId, WorkForm workForm,
			String occupation, String platformCompany, String consentVersion, Instant consentAt, String status, String decisionReason,
			String decidedBy, Instant decidedAt, Long memberId, Instant createdAt) {
	}

	long insert(JoinApplication a) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into join_application (token_hash, name, gender, id_number_cipher, id_number_hash, id_number_masked, phone_cipher,"
				+ " phone_hash, phone_masked, union_id, union_path, employer_id, work_form, occupation, platform_company, consent_version, consent_at, status,"
				+ " created_at) values (:token, :name, :gender, :idCipher, :idHash, :idMasked, :phoneCipher, :phoneHash, :phoneMasked, :unionId, "
				+ MemberRepository.PATH_OF_UNION + ", :employerId, :workForm,"
				+ " :occupation, :platform, :consentVersion, :consentAt, 'PENDING', :created)")
			.param("token", a.tokenHash())
			.param("name", a.name())
			.param("gender", a.gender().name())
			.param("idCipher", a.idNumberCipher())
			.param("idHash", a.idNumberHash())
			.param("idMasked", a.idNumberMasked())
			.param("phoneCipher", a.phoneCipher())
			.param("phoneHash", a.phoneHash())
			.param("phoneMasked", a.phoneMasked())
			.param("unionId", a.unionId())
			.param("employerId", a.employerId())
			.param("workForm", a.workForm().name())
			.param("occupation", a.occupation())
			.param("platform", a.platformCompany())
			.param("consentVersion", a.consentVersion())
			.param("consentAt", Timestamp.from(a.consentAt()))
			.param("created", Timestamp.from(a.createdAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<JoinApplication> findById(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(JoinApplicationRepository::map).optional();
	}

	Optional<JoinApplication> findByTokenHash(String tokenHash) {
		return jdbc.sql(SELECT + " where token_hash = :t").param("t", tokenHash).query(JoinApplicationRepository::map).optional();
	}

	/** A pending application of the same person with the same phone (the applicant themselves, most likely). */
	boolean hasPending(String idNumberHash, String phoneHash) {
		return jdbc.sql("select count(*) from join_application where id_number_hash = :h and phone_hash = :p and status = 'PENDING'")
			.param("h", idNumberHash)
			.param("p", phoneHash)
			.query(Long.class)
			.single() > 0;
	}

	/** Applications to unions whose path matches {@code scope} (the caller's data scope), newest first. */
	List<JoinApplication> findInScope(String scope, String status, int limit) {
		return jdbc.sql(SELECT + " where union_path like :scope and (cast(:status as varchar) is null or status = :status)"
				+ " order by created_at desc, id desc limit :limit")
			.param("scope", scope)
			.param("status", status)
			.param("limit", limit)
			.query(JoinApplicationRepository::map)
			.list();
	}

	/** Records the decision if the application is still pending (two reviewers cannot both decide). */
	boolean decide(long id, String status, String reason, String by, Instant at, Long memberId) {
		return jdbc.sql("update join_application set status = :status, decision_reason = :reason, decided_by = :by, decided_at = :at,"
				+ " member_id = :member where id = :id and status = 'PENDING'")
			.param("status", status)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("member", memberId)
			.param("id", id)
			.update() == 1;
	}

	void linkMember(long id, long memberId) {
		jdbc.sql("update join_application set member_id = :m where id = :id").param("m", memberId).param("id", id).update();
	}

	private static JoinApplication map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new JoinApplication(rs.getLong("id"), rs.getString("token_hash"), rs.getString("name"), IdNumber.Gender.valueOf(rs.getString("gender")),
				rs.getString("id_number_cipher"), rs.getString("id_number_hash"), rs.getString("id_number_masked"), rs.getString("phone_cipher"),
				rs.getString("phone_hash"), rs.getString("phone_masked"), rs.getLong("union_id"), rs.getObject("employer_id", Long.class), WorkForm.valueOf(rs.getString("work_form")),
				rs.getString("occupation"), rs.getString("platform_company"), rs.getString("consent_version"),
				rs.getTimestamp("consent_at").toInstant(), rs.getString("status"), rs.getString("decision_reason"), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getObject("member_id", Long.class), rs.getTimestamp("created_at").toInstant());
	}
}
