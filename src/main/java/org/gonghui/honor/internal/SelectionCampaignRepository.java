package org.gonghui.honor.internal;

import org.gonghui.honor.RuleKind;

import org.gonghui.honor.NominationStage;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.honor.HonorLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for selection campaigns, their rules and places, and the nominations with their history and sign-offs. */
@Repository
class SelectionCampaignRepository {

	record SelectionCampaignRow(long id, long organizationId, String organizationName, String organizationPath, String title, String honorTitle,
			HonorLevel level, String conferredBy, int year, LocalDate opensOn, LocalDate closesOn, boolean requiresLowerHonor, int panelSize,
			String panelMajority, Instant createdAt, String createdBy) {
	}

	record NewSelectionCampaign(long organizationId, String title, String honorTitle, HonorLevel level, String conferredBy, int year, LocalDate opensOn,
			LocalDate closesOn, boolean requiresLowerHonor, int panelSize, String panelMajority) {
	}

	record Quota(long organizationId, String organizationName, int places) {
	}

	record NominationRow(long id, long campaignId, long organizationId, String organizationName, String organizationPath, Long quotaOrganizationId,
			Long honoreeId, Long memberId, String name, String idNumberMasked, String employer, String occupation, boolean frontLine,
			boolean nonPublic, boolean enterpriseHead, String meetingKind, LocalDate meetingOn, int meetingVotesFor, int meetingAttendance,
			LocalDate unitNoticeStartsOn, LocalDate unitNoticeEndsOn, String summary, String deeds, NominationStage stage, String overrideReason,
			String overriddenRules, Integer panelFor, Integer panelAgainst, Integer panelAbstain, Long noticeId, Long honorId, Instant createdAt,
			String createdBy, int version) {
	}

	record NewNomination(long campaignId, long organizationId, Long quotaOrganizationId, String candidateKey, Long honoreeId, Long memberId,
			String name, String idCipher, String idHash, String idMasked, String employer, String occupation, boolean frontLine, boolean nonPublic,
			boolean enterpriseHead, String meetingKind, LocalDate meetingOn, int meetingVotesFor, int meetingAttendance, LocalDate unitNoticeStartsOn,
			LocalDate unitNoticeEndsOn, String summary, String deeds, String overrideReason, String overriddenRules) {
	}

	record Event(Instant at, NominationStage from, NominationStage to, String actor, String note) {
	}

	record SignOff(String agency, String outcome, String note, Instant decidedAt, String decidedBy) {
	}

	record Document(long id, String fileName, String contentType, int size, Instant createdAt) {
	}

	private static final String CAMPAIGN = "select c.*, o.name as organization_name from honor_campaign c join organization o on o.id = c.organization_id";

	private static final String NOMINATION = "select n.*, o.name as organization_name from honor_nomination n join organization o on o.id = n.organization_id";

	private final JdbcClient jdbc;

	SelectionCampaignRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertCampaign(NewSelectionCampaign c, String actor, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into honor_campaign (organization_id, organization_path, title, honor_title, honor_level, conferred_by, award_year,"
				+ " nomination_opens_on, nomination_closes_on, requires_lower_honor, panel_size, panel_majority, created_at, created_by) values (:org,"
				+ " (select path from organization where id = :org), :title, :honor, :level, :by, :year, :opens, :closes, :lower, :panel, :majority, :at, :actor)")
			.param("org", c.organizationId()).param("title", c.title()).param("honor", c.honorTitle()).param("level", c.level().name())
			.param("by", c.conferredBy()).param("year", c.year()).param("opens", Date.valueOf(c.opensOn())).param("closes", Date.valueOf(c.closesOn()))
			.param("lower", c.requiresLowerHonor()).param("panel", c.panelSize()).param("majority", c.panelMajority()).param("at", Timestamp.from(at))
			.param("actor", actor).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void insertRule(long campaignId, RuleKind kind, int shareBp) {
		jdbc.sql("insert into honor_campaign_rule (campaign_id, kind, share_bp) values (:c, :k, :s)").param("c", campaignId).param("k", kind.name())
			.param("s", shareBp).update();
	}

	void insertQuota(long campaignId, long organizationId, int places) {
		jdbc.sql("insert into honor_campaign_quota (campaign_id, organization_id, places) values (:c, :o, :p)").param("c", campaignId)
			.param("o", organizationId).param("p", places).update();
	}

	Optional<SelectionCampaignRow> findCampaign(long id) {
		return jdbc.sql(CAMPAIGN + " where c.id = :id").param("id", id).query(SelectionCampaignRepository::campaign).optional();
	}

	/** Campaigns above the caller's scope root (they may nominate into them) or inside the caller's scope. */
	List<SelectionCampaignRow> visibleCampaigns(String scopePattern, String scopeRoot, long offset, int limit) {
		return jdbc.sql(CAMPAIGN + " where c.organization_path like :scope or :root like concat(c.organization_path, '%')"
				+ " order by c.nomination_opens_on desc, c.id desc limit :limit offset :offset")
			.param("scope", scopePattern).param("root", scopeRoot).param("limit", limit).param("offset", offset).query(SelectionCampaignRepository::campaign).list();
	}

	long countVisibleCampaigns(String scopePattern, String scopeRoot) {
		return jdbc.sql("select count(*) from honor_campaign c where c.organization_path like :scope or :root like concat(c.organization_path, '%')")
			.param("scope", scopePattern).param("root", scopeRoot).query(Long.class).single();
	}

	List<NominationRules.Rule> rules(long campaignId) {
		return jdbc.sql("select kind, share_bp from honor_campaign_rule where campaign_id = :c order by kind").param("c", campaignId)
			.query((rs, n) -> new NominationRules.Rule(RuleKind.valueOf(rs.getString("kind")), rs.getInt("share_bp"))).list();
	}

	List<Quota> quotas(long campaignId) {
		return jdbc.sql("select q.organization_id, o.name, q.places from honor_campaign_quota q join organization o on o.id = q.organization_id"
				+ " where q.campaign_id = :c order by o.name").param("c", campaignId)
			.query((rs, n) -> new Quota(rs.getLong("organization_id"), rs.getString("name"), rs.getInt("places"))).list();
	}

	/**
	 * Locks the campaign row so that two nominations arriving at once are counted one after the other (the
	 * quota and the ratios are read, then written, in one transaction).
	 */
	void lockCampaign(long campaignId) {
		jdbc.sql("select id from honor_campaign where id = :id for update").param("id", campaignId).query(Long.class).optional();
	}

	/** Active nominations of the campaign, or of one quota organisation when given. */
	NominationRules.Tally tally(long campaignId, Long quotaOrganizationId) {
		String where = " where campaign_id = :c and stage not in ('REJECTED', 'WITHDRAWN')" + (quotaOrganizationId == null ? "" : " and quota_organization_id = :q");
		var spec = jdbc.sql("select count(*) as total, coalesce(sum(case when front_line then 1 else 0 end), 0) as front_line,"
				+ " coalesce(sum(case when non_public then 1 else 0 end), 0) as non_public,"
				+ " coalesce(sum(case when enterprise_head then 1 else 0 end), 0) as heads from honor_nomination" + where).param("c", campaignId);
		if (quotaOrganizationId != null) {
			spec = spec.param("q", quotaOrganizationId);
		}
		return spec.query((rs, n) -> new NominationRules.Tally(rs.getInt("total"), rs.getInt("front_line"), rs.getInt("non_public"), rs.getInt("heads")))
			.single();
	}

	boolean candidateTaken(long campaignId, String key) {
		return jdbc.sql("select count(*) from honor_nomination where campaign_id = :c and candidate_key = :k").param("c", campaignId).param("k", key)
			.query(Long.class).single() > 0;
	}

	long insertNomination(NewNomination n, String actor, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into honor_nomination (campaign_id, organization_id, organization_path, quota_organization_id, candidate_key, honoree_id,"
				+ " member_id, name, id_number_cipher, id_number_hash, id_number_masked, employer, occupation, front_line, non_public, enterprise_head,"
				+ " meeting_kind, meeting_on, meeting_votes_for, meeting_attendance, unit_notice_starts_on, unit_notice_ends_on, summary, deeds, stage,"
				+ " override_reason, overridden_rules, created_at, created_by, updated_at, version) values (:campaign, :org,"
				+ " (select path from organization where id = :org), :quota, :key, :honoree, :member, :name, :cipher, :hash, :masked, :employer,"
				+ " :occupation, :front, :nonPublic, :head, :meeting, :meetingOn, :votesFor, :attendance, :noticeStart, :noticeEnd, :summary, :deeds,"
				+ " 'SUBMITTED', :override, :overridden, :at, :actor, :at, 0)")
			.param("campaign", n.campaignId()).param("org", n.organizationId()).param("quota", n.quotaOrganizationId()).param("key", n.candidateKey())
			.param("honoree", n.honoreeId()).param("member", n.memberId()).param("name", n.name()).param("cipher", n.idCipher())
			.param("hash", n.idHash()).param("masked", n.idMasked()).param("employer", n.employer()).param("occupation", n.occupation())
			.param("front", n.frontLine()).param("nonPublic", n.nonPublic()).param("head", n.enterpriseHead()).param("meeting", n.meetingKind())
			.param("meetingOn", Date.valueOf(n.meetingOn())).param("votesFor", n.meetingVotesFor()).param("attendance", n.meetingAttendance())
			.param("noticeStart", Date.valueOf(n.unitNoticeStartsOn())).param("noticeEnd", Date.valueOf(n.unitNoticeEndsOn()))
			.param("summary", n.summary()).param("deeds", n.deeds()).param("override", n.overrideReason()).param("overridden", n.overriddenRules())
			.param("at", Timestamp.from(at)).param("actor", actor).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		event(id, null, NominationStage.SUBMITTED, actor, n.overrideReason() == null ? null : "override: " + n.overrideReason(), at);
		return id;
	}

	Optional<NominationRow> findNomination(long id) {
		return jdbc.sql(NOMINATION + " where n.id = :id").param("id", id).query(SelectionCampaignRepository::nomination).optional();
	}

	/** Nominations of a campaign inside the caller's scope, by stage then name. */
	List<NominationRow> nominations(long campaignId, String scopePattern) {
		return jdbc.sql(NOMINATION + " where n.campaign_id = :c and n.organization_path like :scope order by case n.stage"
				+ " when 'SUBMITTED' then 0 when 'VETTED' then 1 when 'PANEL_PASSED' then 2 when 'IN_NOTICE' then 3 when 'APPROVED' then 4"
				+ " when 'CONFERRED' then 5 when 'REJECTED' then 6 else 7 end, n.name, n.id")
			.param("c", campaignId).param("scope", scopePattern).query(SelectionCampaignRepository::nomination).list();
	}

	List<NominationRow> nominationsInNotice(long noticeId) {
		return jdbc.sql(NOMINATION + " where n.notice_id = :n order by n.name, n.id").param("n", noticeId).query(SelectionCampaignRepository::nomination).list();
	}

	/** Moves a nomination from one stage to the next if nobody moved it meanwhile; false otherwise. */
	boolean move(long id, int version, NominationStage from, NominationStage to, String actor, String note, Instant at) {
		int n = jdbc.sql("update honor_nomination set stage = :to, updated_at = :at, version = version + 1 where id = :id and version = :v and stage = :from")
			.param("to", to.name()).param("at", Timestamp.from(at)).param("id", id).param("v", version).param("from", from.name()).update();
		if (n == 1) {
			event(id, from, to, actor, note, at);
		}
		return n == 1;
	}

	void recordPanelVotes(long id, int votesFor, int against, int abstain) {
		jdbc.sql("update honor_nomination set panel_votes_for = :f, panel_votes_against = :a, panel_votes_abstain = :b where id = :id")
			.param("f", votesFor).param("a", against).param("b", abstain).param("id", id).update();
	}

	void putInNotice(long id, long noticeId) {
		jdbc.sql("update honor_nomination set notice_id = :n where id = :id").param("n", noticeId).param("id", id).update();
	}

	void recordConferment(long id, long honoreeId, long honorId) {
		jdbc.sql("update honor_nomination set honoree_id = :h, honor_id = :r where id = :id").param("h", honoreeId).param("r", honorId).param("id", id)
			.update();
	}

	/** The nomination's 身份证号 as stored: cipher and lookup hash (either null when none was given). */
	String[] idNumberOf(long nominationId) {
		return jdbc.sql("select id_number_cipher, id_number_hash from honor_nomination where id = :id").param("id", nominationId)
			.query((rs, i) -> new String[] { rs.getString("id_number_cipher"), rs.getString("id_number_hash") }).single();
	}

	Optional<Long> honorFor(long honoreeId, long titleId, int year) {
		return jdbc.sql("select id from honor where honoree_id = :h and title_id = :t and conferred_year = :y").param("h", honoreeId)
			.param("t", titleId).param("y", year).query(Long.class).optional();
	}

	private void event(long nominationId, NominationStage from, NominationStage to, String actor, String note, Instant at) {
		jdbc.sql("insert into honor_nomination_event (nomination_id, occurred_at, stage_from, stage_to, actor, note) values (:n, :at, :f, :t, :a, :note)")
			.param("n", nominationId).param("at", Timestamp.from(at)).param("f", from == null ? null : from.name()).param("t", to.name())
			.param("a", actor).param("note", note).update();
	}

	List<Event> events(long nominationId) {
		return jdbc.sql("select occurred_at, stage_from, stage_to, actor, note from honor_nomination_event where nomination_id = :n order by occurred_at, id")
			.param("n", nominationId)
			.query((rs, i) -> new Event(rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("stage_from") == null ? null : NominationStage.valueOf(rs.getString("stage_from")),
					NominationStage.valueOf(rs.getString("stage_to")), rs.getString("actor"), rs.getString("note")))
			.list();
	}

	void insertSignOff(long nominationId, String agency) {
		jdbc.sql("insert into honor_signoff (nomination_id, agency, outcome) values (:n, :a, 'PENDING')").param("n", nominationId).param("a", agency).update();
	}

	/** Records an agency's answer once: a decided sign-off is not decided again. */
	boolean decideSignOff(long nominationId, String agency, String outcome, String note, String actor, Instant at) {
		return jdbc.sql("update honor_signoff set outcome = :o, note = :note, decided_at = :at, decided_by = :by where nomination_id = :n and agency = :a"
				+ " and outcome = 'PENDING'").param("o", outcome).param("note", note).param("at", Timestamp.from(at)).param("by", actor)
			.param("n", nominationId).param("a", agency).update() == 1;
	}

	List<SignOff> signOffs(long nominationId) {
		return jdbc.sql("select agency, outcome, note, decided_at, decided_by from honor_signoff where nomination_id = :n order by agency")
			.param("n", nominationId)
			.query((rs, i) -> new SignOff(rs.getString("agency"), rs.getString("outcome"), rs.getString("note"),
					rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by")))
			.list();
	}

	long insertDocument(long nominationId, String fileName, String contentType, byte[] content, String actor, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into honor_nomination_document (nomination_id, file_name, content_type, size_bytes, content, created_at, created_by)"
				+ " values (:n, :f, :t, :s, :c, :at, :by)").param("n", nominationId).param("f", fileName).param("t", contentType).param("s", content.length)
			.param("c", content).param("at", Timestamp.from(at)).param("by", actor).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	List<Document> documents(long nominationId) {
		return jdbc.sql("select id, file_name, content_type, size_bytes, created_at from honor_nomination_document where nomination_id = :n order by id")
			.param("n", nominationId)
			.query((rs, i) -> new Document(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	Optional<NominationService.StoredFile> documentContent(long nominationId, long documentId) {
		return jdbc.sql("select file_name, content_type, content from honor_nomination_document where id = :d and nomination_id = :n")
			.param("d", documentId).param("n", nominationId)
			.query((rs, i) -> new NominationService.StoredFile(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content"))).optional();
	}

	int documentCount(long nominationId) {
		return jdbc.sql("select count(*) from honor_nomination_document where nomination_id = :n").param("n", nominationId).query(Integer.class).single();
	}

	/** The registry's honoree for a candidate: by member, or by the 身份证号's hash. */
	Optional<Long> honoreeFor(Long memberId, String idHash) {
		if (memberId != null) {
			var byMember = jdbc.sql("select id from honoree where member_id = :m").param("m", memberId).query(Long.class).optional();
			if (byMember.isPresent()) {
				return byMember;
			}
		}
		if (idHash != null) {
			return jdbc.sql("select id from honoree where id_number_hash = :h").param("h", idHash).query(Long.class).optional();
		}
		return Optional.empty();
	}

	/** True when the honoree holds an active honour at one of the levels. */
	boolean holdsActiveHonor(long honoreeId, List<String> levels) {
		return jdbc.sql("select count(*) from honor r join honor_title t on t.id = r.title_id where r.honoree_id = :h and r.status = 'ACTIVE'"
				+ " and t.honor_level in (:levels)").param("h", honoreeId).param("levels", levels).query(Long.class).single() > 0;
	}

	/** Rewrites the stored paths of a moved subtree (see HonoreePaths). */
	void rebase(String oldPath, String newPath) {
		jdbc.sql("update honor_campaign set organization_path = concat(:newPath, substring(organization_path, :cut)) where organization_path like :prefix")
			.param("newPath", newPath).param("cut", oldPath.length() + 1).param("prefix", oldPath + "%").update();
		jdbc.sql("update honor_nomination set organization_path = concat(:newPath, substring(organization_path, :cut)) where organization_path like :prefix")
			.param("newPath", newPath).param("cut", oldPath.length() + 1).param("prefix", oldPath + "%").update();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static SelectionCampaignRow campaign(ResultSet rs, int n) throws SQLException {
		return new SelectionCampaignRow(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_name"), rs.getString("organization_path"),
				rs.getString("title"), rs.getString("honor_title"), HonorLevel.valueOf(rs.getString("honor_level")), rs.getString("conferred_by"),
				rs.getInt("award_year"), date(rs, "nomination_opens_on"), date(rs, "nomination_closes_on"), rs.getBoolean("requires_lower_honor"),
				rs.getInt("panel_size"), rs.getString("panel_majority"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	private static NominationRow nomination(ResultSet rs, int n) throws SQLException {
		return new NominationRow(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("organization_id"), rs.getString("organization_name"),
				rs.getString("organization_path"), rs.getObject("quota_organization_id", Long.class), rs.getObject("honoree_id", Long.class),
				rs.getObject("member_id", Long.class), rs.getString("name"), rs.getString("id_number_masked"), rs.getString("employer"),
				rs.getString("occupation"), rs.getBoolean("front_line"), rs.getBoolean("non_public"), rs.getBoolean("enterprise_head"),
				rs.getString("meeting_kind"), date(rs, "meeting_on"), rs.getInt("meeting_votes_for"), rs.getInt("meeting_attendance"),
				date(rs, "unit_notice_starts_on"), date(rs, "unit_notice_ends_on"), rs.getString("summary"), rs.getString("deeds"),
				NominationStage.valueOf(rs.getString("stage")), rs.getString("override_reason"), rs.getString("overridden_rules"),
				rs.getObject("panel_votes_for", Integer.class), rs.getObject("panel_votes_against", Integer.class),
				rs.getObject("panel_votes_abstain", Integer.class), rs.getObject("notice_id", Long.class), rs.getObject("honor_id", Long.class),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("version"));
	}
}
