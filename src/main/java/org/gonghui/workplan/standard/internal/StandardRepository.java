package org.gonghui.workplan.standard.internal;

import org.gonghui.workplan.standard.internal.StandardService.EvidenceFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.workplan.standard.AssessmentStatus;
import org.gonghui.workplan.standard.ItemRule;
import org.gonghui.workplan.standard.StarRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Templates, campaigns, assessments and their item scores; moves are conditional updates on status and version. */
@Repository
class StandardRepository {

	private final JdbcClient jdbc;

	StandardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record TemplateRow(long id, long federationId, String federationPath, String name, StarRule stars, int totalPoints) {
	}

	record SectionRow(long id, long templateId, int position, String name, int points) {
	}

	record ItemRow(long id, long sectionId, int position, String name, int points, ItemRule rule, String metric, String baseMetric, Long threshold) {
	}

	record CampaignRow(long id, long templateId, long districtId, String districtPath, int year, String name, LocalDate startsOn, LocalDate endsOn) {
	}

	record AssessmentRow(long id, long campaignId, long unionId, String unionPath, AssessmentStatus status, Integer selfScore, Integer reviewScore,
			Integer finalScore, Integer stars, String appealReason, int appeals, Instant submittedAt, String reviewedBy, Instant reviewedAt,
			Instant appealedAt, Instant finalisedAt, int version) {
	}

	record ScoreRow(long itemId, Integer selfPoints, Integer reviewPoints, Long computedValue, Long computedBase, Integer computedPoints, String note,
			String fileName, String fileType, String evidenceBy, Instant evidenceAt) {

		boolean hasEvidence() {
			return fileName != null || (note != null && !note.isBlank());
		}
	}

	long insertTemplate(long federationId, String federationPath, String name, StarRule s, int total, String by, Instant at) {
		jdbc.sql("insert into std_template (federation_id, federation_path, name, five_star_min, four_star_min, three_star_min, two_star_min,"
				+ " one_star_min, total_points, created_by, created_at) values (:f, :p, :n, :s5, :s4, :s3, :s2, :s1, :t, :by, :at)")
			.param("f", federationId).param("p", federationPath).param("n", name).param("s5", s.five()).param("s4", s.four())
			.param("s3", s.three()).param("s2", s.two()).param("s1", s.one()).param("t", total).param("by", by).param("at", Timestamp.from(at))
			.update();
		return jdbc.sql("select max(id) from std_template where federation_id = :f").param("f", federationId).query(Long.class).single();
	}

	long insertSection(long templateId, int position, String name, int points) {
		jdbc.sql("insert into std_section (template_id, position, name, points) values (:t, :p, :n, :pts)").param("t", templateId)
			.param("p", position).param("n", name).param("pts", points).update();
		return jdbc.sql("select id from std_section where template_id = :t and position = :p").param("t", templateId).param("p", position)
			.query(Long.class).single();
	}

	void insertItem(long sectionId, int position, String name, int points, ItemRule rule, String metric, String baseMetric, Long threshold) {
		jdbc.sql("insert into std_item (section_id, position, name, points, rule, metric, base_metric, threshold)"
				+ " values (:s, :p, :n, :pts, :r, :m, :b, :t)").param("s", sectionId).param("p", position).param("n", name).param("pts", points)
			.param("r", rule.name()).param("m", metric).param("b", baseMetric).param("t", threshold).update();
	}

	private static final String TEMPLATE = "select id, federation_id, federation_path, name, five_star_min, four_star_min, three_star_min,"
			+ " two_star_min, one_star_min, total_points from std_template";

	Optional<TemplateRow> template(long id) {
		return jdbc.sql(TEMPLATE + " where id = :id").param("id", id).query(StandardRepository::template).optional();
	}

	/** Templates of federations in the scope or above the caller's organisation (a city's template serves its districts). */
	List<TemplateRow> templates(String scope, String ownPath) {
		return jdbc.sql(TEMPLATE + " where federation_path like :scope or :own like federation_path || '%' order by id").param("scope", scope)
			.param("own", ownPath).query(StandardRepository::template).list();
	}

	private static TemplateRow template(ResultSet rs, int row) throws SQLException {
		return new TemplateRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				new StarRule(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)), rs.getInt(10));
	}

	List<SectionRow> sections(long templateId) {
		return jdbc.sql("select id, template_id, position, name, points from std_section where template_id = :t order by position")
			.param("t", templateId)
			.query((rs, n) -> new SectionRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getInt(5)))
			.list();
	}

	List<ItemRow> items(long templateId) {
		return jdbc.sql("select i.id, i.section_id, i.position, i.name, i.points, i.rule, i.metric, i.base_metric, i.threshold from std_item i"
				+ " join std_section s on s.id = i.section_id where s.template_id = :t order by s.position, i.position").param("t", templateId)
			.query((rs, n) -> new ItemRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getInt(5), ItemRule.valueOf(rs.getString(6)),
					rs.getString(7), rs.getString(8), rs.getObject(9) == null ? null : rs.getLong(9)))
			.list();
	}

	long insertCampaign(long templateId, long districtId, String districtPath, int year, String name, LocalDate startsOn, LocalDate endsOn, String by,
			Instant at) {
		jdbc.sql("insert into std_campaign (template_id, district_id, district_path, campaign_year, name, starts_on, ends_on, created_by, created_at)"
				+ " values (:t, :d, :p, :y, :n, :s, :e, :by, :at)").param("t", templateId).param("d", districtId).param("p", districtPath).param("y", year)
			.param("n", name).param("s", startsOn).param("e", endsOn).param("by", by).param("at", Timestamp.from(at)).update();
		return jdbc.sql("select id from std_campaign where district_id = :d and campaign_year = :y").param("d", districtId).param("y", year)
			.query(Long.class).single();
	}

	boolean campaignExists(long districtId, int year) {
		return jdbc.sql("select count(*) from std_campaign where district_id = :d and campaign_year = :y").param("d", districtId).param("y", year)
			.query(Long.class).single() > 0;
	}

	/**
	 * The organisations a campaign over the district assesses: strictly below it, not regional federations (those
	 * review), inside the caller's scope; by path so a street's unions come together. Workplan reads the tree's
	 * table as the plan split does.
	 */
	List<Long> unionsBelow(String districtPath, String scope, int limit) {
		return jdbc.sql("select id from organization where path like :below and path <> :district and path like :scope"
				+ " and org_type <> 'REGIONAL_FEDERATION' order by path limit :limit").param("below", districtPath + "%").param("district", districtPath)
			.param("scope", scope).param("limit", limit).query(Long.class).list();
	}

	private static final String CAMPAIGN = "select id, template_id, district_id, district_path, campaign_year, name, starts_on, ends_on from std_campaign";

	Optional<CampaignRow> campaign(long id) {
		return jdbc.sql(CAMPAIGN + " where id = :id").param("id", id).query(StandardRepository::campaign).optional();
	}

	/** Campaigns of a district in the scope, or with an assessed union in it (a union sees the campaign it is in). */
	List<CampaignRow> campaigns(String scope) {
		return jdbc.sql(CAMPAIGN + " c where c.district_path like :scope or exists (select 1 from std_assessment a where a.campaign_id = c.id"
				+ " and a.union_path like :scope) order by c.campaign_year desc, c.id desc").param("scope", scope)
			.query(StandardRepository::campaign).list();
	}

	private static CampaignRow campaign(ResultSet rs, int row) throws SQLException {
		return new CampaignRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getString(6),
				rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class));
	}

	void insertAssessment(long campaignId, long unionId, String unionPath, List<Long> itemIds, Instant at) {
		jdbc.sql("insert into std_assessment (campaign_id, union_id, union_path, status, updated_at) values (:c, :u, :p, 'DRAFT', :at)")
			.param("c", campaignId).param("u", unionId).param("p", unionPath).param("at", Timestamp.from(at)).update();
		long id = jdbc.sql("select id from std_assessment where campaign_id = :c and union_id = :u").param("c", campaignId).param("u", unionId)
			.query(Long.class).single();
		for (long item : itemIds) {
			jdbc.sql("insert into std_score (assessment_id, item_id) values (:a, :i)").param("a", id).param("i", item).update();
		}
	}

	private static final String ASSESSMENT = "select id, campaign_id, union_id, union_path, status, self_score, review_score, final_score, stars,"
			+ " appeal_reason, appeals, submitted_at, reviewed_by, reviewed_at, appealed_at, finalised_at, version from std_assessment";

	Optional<AssessmentRow> assessment(long id) {
		return jdbc.sql(ASSESSMENT + " where id = :id").param("id", id).query(StandardRepository::assessment).optional();
	}

	/** The campaign's assessments of unions in the scope. */
	List<AssessmentRow> assessments(long campaignId, String scope) {
		return jdbc.sql(ASSESSMENT + " where campaign_id = :c and union_path like :scope order by id").param("c", campaignId).param("scope", scope)
			.query(StandardRepository::assessment).list();
	}

	/** Assessments of exactly this union, newest campaign first (the union's own page). */
	List<AssessmentRow> assessmentsOf(long unionId) {
		return jdbc.sql(ASSESSMENT + " where union_id = :u order by campaign_id desc").param("u", unionId).query(StandardRepository::assessment).list();
	}

	private static AssessmentRow assessment(ResultSet rs, int row) throws SQLException {
		return new AssessmentRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), AssessmentStatus.valueOf(rs.getString(5)),
				integer(rs, 6), integer(rs, 7), integer(rs, 8), integer(rs, 9), rs.getString(10), rs.getInt(11), instant(rs, 12), rs.getString(13),
				instant(rs, 14), instant(rs, 15), instant(rs, 16), rs.getInt(17));
	}

	List<ScoreRow> scores(long assessmentId) {
		return jdbc.sql("select item_id, self_points, review_points, computed_value, computed_base, computed_points, note, file_name, file_type,"
				+ " evidence_by, evidence_at from std_score where assessment_id = :a order by item_id").param("a", assessmentId)
			.query((rs, n) -> new ScoreRow(rs.getLong(1), integer(rs, 2), integer(rs, 3), rs.getObject(4) == null ? null : rs.getLong(4),
					rs.getObject(5) == null ? null : rs.getLong(5), integer(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
					instant(rs, 11)))
			.list();
	}

	Optional<EvidenceFile> file(long assessmentId, long itemId) {
		return jdbc.sql("select file_name, file_type, file_content from std_score where assessment_id = :a and item_id = :i and file_name is not null")
			.param("a", assessmentId).param("i", itemId).query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/**
	 * Takes the assessment from one of the statuses to {@code to} if nobody moved it since {@code version}; false when
	 * the row changed in between (the caller answers a conflict and the transaction stores nothing).
	 */
	boolean move(long id, int version, List<AssessmentStatus> from, AssessmentStatus to, Instant at) {
		return jdbc.sql("update std_assessment set status = :to, version = version + 1, updated_at = :at where id = :id and version = :v"
				+ " and status in (:from)").param("to", to.name()).param("at", Timestamp.from(at)).param("id", id).param("v", version)
			.param("from", from.stream().map(Enum::name).toList()).update() == 1;
	}

	void submitted(long id, int selfScore, Instant at) {
		jdbc.sql("update std_assessment set self_score = :s, submitted_at = :at where id = :id").param("s", selfScore)
			.param("at", Timestamp.from(at)).param("id", id).update();
	}

	void reviewed(long id, int reviewScore, String by, Instant at) {
		jdbc.sql("update std_assessment set review_score = :s, reviewed_by = :by, reviewed_at = :at where id = :id").param("s", reviewScore)
			.param("by", by).param("at", Timestamp.from(at)).param("id", id).update();
	}

	/** The one appeal, in one statement so that the status and the reason arrive together. */
	boolean appeal(long id, int version, String reason, Instant at) {
		return jdbc.sql("update std_assessment set status = 'APPEALED', appeal_reason = :r, appeals = appeals + 1, appealed_at = :at, updated_at = :at,"
				+ " version = version + 1 where id = :id and version = :v and status = 'REVIEWED' and appeals = 0").param("r", reason)
			.param("at", Timestamp.from(at)).param("id", id).param("v", version).update() == 1;
	}

	boolean finalise(long id, int version, int score, int stars, Instant at) {
		return jdbc.sql("update std_assessment set status = 'FINAL', final_score = :s, stars = :st, finalised_at = :at, updated_at = :at,"
				+ " version = version + 1 where id = :id and version = :v and status = 'REVIEWED'").param("s", score).param("st", stars)
			.param("at", Timestamp.from(at)).param("id", id).param("v", version).update() == 1;
	}

	void selfPoints(long assessmentId, long itemId, Integer points) {
		jdbc.sql("update std_score set self_points = :p where assessment_id = :a and item_id = :i").param("p", points).param("a", assessmentId)
			.param("i", itemId).update();
	}

	void reviewPoints(long assessmentId, long itemId, Integer points) {
		jdbc.sql("update std_score set review_points = :p where assessment_id = :a and item_id = :i").param("p", points).param("a", assessmentId)
			.param("i", itemId).update();
	}

	void computed(long assessmentId, long itemId, long value, Long base, int points) {
		jdbc.sql("update std_score set computed_value = :v, computed_base = :b, computed_points = :p where assessment_id = :a and item_id = :i")
			.param("v", value).param("b", base).param("p", points).param("a", assessmentId).param("i", itemId).update();
	}

	void evidence(long assessmentId, long itemId, String note, EvidenceFile file, String by, Instant at) {
		if (file == null) {
			jdbc.sql("update std_score set note = :n, evidence_by = :by, evidence_at = :at where assessment_id = :a and item_id = :i")
				.param("n", note).param("by", by).param("at", Timestamp.from(at)).param("a", assessmentId).param("i", itemId).update();
			return;
		}
		jdbc.sql("update std_score set note = coalesce(:n, note), file_name = :fn, file_type = :ft, file_content = :fc, evidence_by = :by,"
				+ " evidence_at = :at where assessment_id = :a and item_id = :i").param("n", note).param("fn", file.fileName())
			.param("ft", file.fileType()).param("fc", file.content()).param("by", by).param("at", Timestamp.from(at)).param("a", assessmentId)
			.param("i", itemId).update();
	}

	private static Integer integer(ResultSet rs, int column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
