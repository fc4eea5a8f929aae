package org.gonghui.care.mutualaid.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gonghui.care.mutualaid.BenefitKind;
import org.gonghui.care.mutualaid.DocumentKind;
import org.gonghui.care.mutualaid.JoinerRule;
import org.gonghui.care.mutualaid.PlanType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for plans and their benefits. */
@Repository
class AidPlanRepository {

	private static final String SELECT = "select id, organization_id, organization_path, name, plan_type, term_years, price_fen, max_shares, women_only,"
			+ " min_age, max_age, waiting_days, reduced_days, reduced_percent, renewal_grace_days, min_participation_percent, joiners,"
			+ " offset_other_plans, open_for_enrolment from aid_plan";

	private final JdbcClient jdbc;

	AidPlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Plan(long id, long organizationId, String organizationPath, String name, PlanType type, int termYears, long priceFen, int maxShares,
			boolean womenOnly, Integer minAge, Integer maxAge, int waitingDays, int reducedDays, int reducedPercent, int renewalGraceDays,
			int minParticipationPercent, JoinerRule joiners, boolean offsetOtherPlans, boolean open) {

		PayoutRules.Periods periods() {
			return new PayoutRules.Periods(waitingDays, reducedDays, reducedPercent);
		}
	}

	record Benefit(long id, long planId, String code, String name, BenefitKind kind, Long fixedFen, Integer shareBp, long deductibleFen, Long capFen,
			Long termCapFen, List<DocumentKind> documents) {

		PayoutRules.Rule rule() {
			return new PayoutRules.Rule(kind, fixedFen, shareBp, deductibleFen, capFen, termCapFen);
		}
	}

	long insert(Plan p, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into aid_plan (organization_id, organization_path, name, plan_type, term_years, price_fen, max_shares, women_only, min_age, max_age,"
				+ " waiting_days, reduced_days, reduced_percent, renewal_grace_days, min_participation_percent, joiners, offset_other_plans,"
				+ " open_for_enrolment, created_by, created_at, updated_at) values (:org, :path, :name, :type, :term, :price, :shares, :women, :minAge,"
				+ " :maxAge, :waiting, :reduced, :reducedPercent, :grace, :participation, :joiners, :offset, :open, :by, :now, :now)")
			.param("org", p.organizationId())
			.param("path", p.organizationPath())
			.param("name", p.name())
			.param("type", p.type().name())
			.param("term", p.termYears())
			.param("price", p.priceFen())
			.param("shares", p.maxShares())
			.param("women", p.womenOnly())
			.param("minAge", p.minAge(), Types.INTEGER)
			.param("maxAge", p.maxAge(), Types.INTEGER)
			.param("waiting", p.waitingDays())
			.param("reduced", p.reducedDays())
			.param("reducedPercent", p.reducedPercent())
			.param("grace", p.renewalGraceDays())
			.param("participation", p.minParticipationPercent())
			.param("joiners", p.joiners().name())
			.param("offset", p.offsetOtherPlans())
			.param("open", p.open())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void insertBenefit(long planId, int order, Benefit b) {
		jdbc.sql("insert into aid_benefit (plan_id, sort_order, code, name, kind, fixed_fen, share_bp, deductible_fen, cap_fen, term_cap_fen, documents)"
				+ " values (:plan, :order, :code, :name, :kind, :fixed, :share, :deductible, :cap, :termCap, :documents)")
			.param("plan", planId)
			.param("order", order)
			.param("code", b.code())
			.param("name", b.name())
			.param("kind", b.kind().name())
			.param("fixed", b.fixedFen(), Types.BIGINT)
			.param("share", b.shareBp(), Types.INTEGER)
			.param("deductible", b.deductibleFen())
			.param("cap", b.capFen(), Types.BIGINT)
			.param("termCap", b.termCapFen(), Types.BIGINT)
			.param("documents", b.documents().stream().map(Enum::name).collect(Collectors.joining(",")))
			.update();
	}

	Optional<Plan> findById(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(AidPlanRepository::map).optional();
	}

	Optional<Plan> findByName(String name) {
		return jdbc.sql(SELECT + " where name = :name order by id").param("name", name).query(AidPlanRepository::map).list().stream().findFirst();
	}

	/**
	 * Plans the caller runs (owned within the scope) or that are offered to the caller's organisation (owned above
	 * it), newest first.
	 */
	List<Plan> visible(String scopePattern, String ownPath, int limit) {
		return jdbc.sql(SELECT + " where organization_path like :scope or (:own <> '' and :own like organization_path || '%') order by id desc limit :limit")
			.param("scope", scopePattern)
			.param("own", ownPath)
			.param("limit", limit)
			.query(AidPlanRepository::map)
			.list();
	}

	List<Benefit> benefits(long planId) {
		return jdbc.sql("select id, plan_id, code, name, kind, fixed_fen, share_bp, deductible_fen, cap_fen, term_cap_fen, documents from aid_benefit"
				+ " where plan_id = :plan order by sort_order, id")
			.param("plan", planId)
			.query(AidPlanRepository::mapBenefit)
			.list();
	}

	Optional<Benefit> benefit(long id) {
		return jdbc.sql("select id, plan_id, code, name, kind, fixed_fen, share_bp, deductible_fen, cap_fen, term_cap_fen, documents from aid_benefit"
				+ " where id = :id")
			.param("id", id)
			.query(AidPlanRepository::mapBenefit)
			.optional();
	}

	boolean setOpen(long id, boolean open, Instant now) {
		return jdbc.sql("update aid_plan set open_for_enrolment = :open, updated_at = :now, version = version + 1 where id = :id")
			.param("open", open)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static Plan map(ResultSet rs, int row) throws SQLException {
		return new Plan(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_path"), rs.getString("name"),
				PlanType.valueOf(rs.getString("plan_type")), rs.getInt("term_years"), rs.getLong("price_fen"), rs.getInt("max_shares"),
				rs.getBoolean("women_only"), integer(rs, "min_age"), integer(rs, "max_age"), rs.getInt("waiting_days"), rs.getInt("reduced_days"),
				rs.getInt("reduced_percent"), rs.getInt("renewal_grace_days"), rs.getInt("min_participation_percent"),
				JoinerRule.valueOf(rs.getString("joiners")), rs.getBoolean("offset_other_plans"), rs.getBoolean("open_for_enrolment"));
	}

	private static Benefit mapBenefit(ResultSet rs, int row) throws SQLException {
		String docs = rs.getString("documents");
		List<DocumentKind> documents = docs == null || docs.isBlank() ? List.of()
				: Arrays.stream(docs.split(",")).map(DocumentKind::valueOf).toList();
		return new Benefit(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"), rs.getString("name"), BenefitKind.valueOf(rs.getString("kind")),
				longOrNull(rs, "fixed_fen"), integer(rs, "share_bp"), rs.getLong("deductible_fen"), longOrNull(rs, "cap_fen"), longOrNull(rs, "term_cap_fen"),
				documents);
	}
}
