package org.gonghui.news.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gonghui.news.ArticleStatus;
import org.gonghui.news.BylineRole;
import org.gonghui.news.ReviewStage;
import org.gonghui.news.internal.Bylines.Byline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for articles. The organisation's path is joined, not stored, so an article follows its organisation when a
 * subtree moves; every list binds the caller's scope pattern in the query itself. Moves are conditional on the
 * status and version read, so two clicks at once make one move.
 */
@Repository
class ArticleRepository {

	record ArticleRow(long id, long organizationId, String organizationName, String organizationPath, String kicker, String headline,
			String subheading, String body, ArticleStatus status, int reviewRound, int stagesSigned, LocalDate publishedOn, Instant publishedAt,
			String withdrawnReason, String sourceKind, Long sourceId, String createdBy, Instant createdAt, Instant updatedAt, int version) {
	}

	record Content(long organizationId, String kicker, String headline, String subheading, String body, List<Byline> bylines, List<String> tags,
			List<Link> links) {
	}

	record Link(String kind, long refId) {
	}

	record Step(long id, String action, int reviewRound, ReviewStage stage, ArticleStatus from, ArticleStatus to, String actor, String actorName,
			String note, Instant at) {
	}

	/** Filters of the staff list: scope pattern, optional status and organisation subtree pattern. */
	record Filter(String scope, ArticleStatus status, String under) {
	}

	private static final String ARTICLE = "select a.id, a.organization_id, o.name as organization_name, o.path as organization_path, a.kicker,"
			+ " a.headline, a.subheading, a.body, a.status, a.review_round, a.stages_signed, a.published_on, a.published_at, a.withdrawn_reason,"
			+ " a.source_kind, a.source_id, a.created_by, a.created_at, a.updated_at, a.version"
			+ " from news_article a join organization o on o.id = a.organization_id";

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Content c, String sourceKind, Long sourceId, String actor, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into news_article (organization_id, kicker, headline, subheading, body, status, source_kind, source_id, created_by,"
				+ " created_at, updated_at) values (:org, :kicker, :headline, :sub, :body, 'DRAFT', :sk, :sid, :by, :at, :at)")
			.param("org", c.organizationId()).param("kicker", c.kicker()).param("headline", c.headline()).param("sub", c.subheading())
			.param("body", c.body()).param("sk", sourceKind).param("sid", sourceId).param("by", actor).param("at", Timestamp.from(at))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		writeParts(id, c);
		return id;
	}

	/** Replaces a draft's content; false when it is no longer the draft of that version. */
	boolean updateDraft(long id, int version, Content c, Instant at) {
		int n = jdbc.sql("update news_article set organization_id = :org, kicker = :kicker, headline = :headline, subheading = :sub, body = :body,"
				+ " updated_at = :at, version = version + 1 where id = :id and version = :v and status = 'DRAFT'")
			.param("org", c.organizationId()).param("kicker", c.kicker()).param("headline", c.headline()).param("sub", c.subheading())
			.param("body", c.body()).param("at", Timestamp.from(at)).param("id", id).param("v", version).update();
		if (n == 0) {
			return false;
		}
		for (String table : List.of("news_byline", "news_tag", "news_link")) {
			// The table name comes from this fixed list, never from input.
			jdbc.sql("delete from " + table + " where article_id = :id").param("id", id).update();
		}
		writeParts(id, c);
		return true;
	}

	private void writeParts(long id, Content c) {
		for (int i = 0; i < c.bylines().size(); i++) {
			Byline b = c.bylines().get(i);
			jdbc.sql("insert into news_byline (article_id, position, role, name, username) values (:a, :p, :r, :n, :u)").param("a", id).param("p", i)
				.param("r", b.role().name()).param("n", b.name()).param("u", b.username()).update();
		}
		for (String tag : c.tags()) {
			jdbc.sql("insert into news_tag (article_id, tag) values (:a, :t)").param("a", id).param("t", tag).update();
		}
		for (Link l : c.links()) {
			jdbc.sql("insert into news_link (article_id, kind, ref_id) values (:a, :k, :r)").param("a", id).param("k", l.kind()).param("r", l.refId())
				.update();
		}
	}

	/**
	 * Moves the article from one status to another if it still stands where it was read; {@code stagesSigned} and
	 * {@code reviewRound} as they are after the move. False when someone else moved it first.
	 */
	boolean move(long id, int version, ArticleStatus from, ArticleStatus to, int reviewRound, int stagesSigned, Instant at) {
		return jdbc.sql("update news_article set status = :to, review_round = :round, stages_signed = :signed, updated_at = :at,"
				+ " version = version + 1 where id = :id and version = :v and status = :from")
			.param("to", to.name()).param("round", reviewRound).param("signed", stagesSigned).param("at", Timestamp.from(at)).param("id", id)
			.param("v", version).param("from", from.name()).update() == 1;
	}

	void markPublished(long id, LocalDate on, Instant at) {
		jdbc.sql("update news_article set published_on = :on, published_at = :at, withdrawn_reason = null where id = :id")
			.param("on", Date.valueOf(on)).param("at", Timestamp.from(at)).param("id", id).update();
	}

	void markWithdrawn(long id, String reason) {
		jdbc.sql("update news_article set withdrawn_reason = :r where id = :id").param("r", reason).param("id", id).update();
	}

	void step(long articleId, String action, int round, ReviewStage stage, ArticleStatus from, ArticleStatus to, String actor, String actorName,
			String note, Instant at) {
		jdbc.sql("insert into news_step (article_id, action, review_round, stage, from_status, to_status, actor, actor_name, note, at)"
				+ " values (:a, :action, :round, :stage, :from, :to, :actor, :name, :note, :at)")
			.param("a", articleId).param("action", action).param("round", round).param("stage", stage == null ? null : stage.name())
			.param("from", from == null ? null : from.name()).param("to", to.name()).param("actor", actor).param("name", actorName).param("note", note)
			.param("at", Timestamp.from(at)).update();
	}

	Optional<ArticleRow> find(long id) {
		return jdbc.sql(ARTICLE + " where a.id = :id").param("id", id).query(ArticleRepository::article).optional();
	}

	List<ArticleRow> list(Filter f, long offset, int limit) {
		return jdbc.sql(ARTICLE + " where o.path like :scope and o.path like :under and (cast(:status as varchar) is null or a.status = :status)"
				+ " order by a.updated_at desc, a.id desc limit :limit offset :offset")
			.param("scope", f.scope()).param("under", f.under()).param("status", f.status() == null ? null : f.status().name())
			.param("limit", limit).param("offset", offset).query(ArticleRepository::article).list();
	}

	long count(Filter f) {
		return jdbc.sql("select count(*) from news_article a join organization o on o.id = a.organization_id"
				+ " where o.path like :scope and o.path like :under and (cast(:status as varchar) is null or a.status = :status)")
			.param("scope", f.scope()).param("under", f.under()).param("status", f.status() == null ? null : f.status().name())
			.query(Long.class).single();
	}

	/** Published articles of organisations under a path pattern, with a tag when one is given, newest first. */
	List<ArticleRow> published(String under, String tag, long offset, int limit) {
		return jdbc.sql(ARTICLE + " where a.status = 'PUBLISHED' and o.path like :under"
				+ " and (cast(:tag as varchar) is null or exists (select 1 from news_tag t where t.article_id = a.id and t.tag = :tag))"
				+ " order by a.published_on desc, a.published_at desc, a.id desc limit :limit offset :offset")
			.param("under", under).param("tag", tag).param("limit", limit).param("offset", offset).query(ArticleRepository::article).list();
	}

	long countPublished(String under, String tag) {
		return jdbc.sql("select count(*) from news_article a join organization o on o.id = a.organization_id where a.status = 'PUBLISHED'"
				+ " and o.path like :under and (cast(:tag as varchar) is null or exists (select 1 from news_tag t where t.article_id = a.id and t.tag = :tag))")
			.param("under", under).param("tag", tag).query(Long.class).single();
	}

	List<Byline> bylines(long articleId) {
		return jdbc.sql("select role, name, username from news_byline where article_id = :a order by position").param("a", articleId)
			.query((rs, n) -> new Byline(BylineRole.valueOf(rs.getString("role")), rs.getString("name"), rs.getString("username"))).list();
	}

	List<String> tags(long articleId) {
		return jdbc.sql("select tag from news_tag where article_id = :a order by tag").param("a", articleId).query(String.class).list();
	}

	List<Link> links(long articleId) {
		return jdbc.sql("select kind, ref_id from news_link where article_id = :a order by kind, ref_id").param("a", articleId)
			.query((rs, n) -> new Link(rs.getString("kind"), rs.getLong("ref_id"))).list();
	}

	List<Step> steps(long articleId) {
		return jdbc.sql("select id, action, review_round, stage, from_status, to_status, actor, actor_name, note, at from news_step"
				+ " where article_id = :a order by id").param("a", articleId).query((rs, n) -> new Step(rs.getLong("id"), rs.getString("action"),
						rs.getInt("review_round"), rs.getString("stage") == null ? null : ReviewStage.valueOf(rs.getString("stage")),
						rs.getString("from_status") == null ? null : ArticleStatus.valueOf(rs.getString("from_status")),
						ArticleStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("actor_name"), rs.getString("note"),
						rs.getTimestamp("at").toInstant()))
			.list();
	}

	/** The article's photos in print order, without their bytes. */
	List<ArticleService.PhotoView> photos(long articleId) {
		return jdbc.sql("select id, position, caption, credit_name, credit_username, width, height from news_photo where article_id = :a"
				+ " order by position, id").param("a", articleId)
			.query((rs, n) -> new ArticleService.PhotoView(rs.getLong("id"), rs.getInt("position"), rs.getString("caption"), rs.getString("credit_name"),
					rs.getString("credit_username"), rs.getInt("width"), rs.getInt("height")))
			.list();
	}

	/** The reviewers named for a stage by each of the given organisations (an article's path, root first). */
	List<Reviewer> reviewers(Collection<Long> organizationIds) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select organization_id, stage, username from news_reviewer where organization_id in (:ids) order by username")
			.param("ids", organizationIds)
			.query((rs, n) -> new Reviewer(rs.getLong("organization_id"), ReviewStage.valueOf(rs.getString("stage")), rs.getString("username"))).list();
	}

	record Reviewer(long organizationId, ReviewStage stage, String username) {
	}

	void replaceReviewers(long organizationId, ReviewStage stage, List<String> usernames) {
		jdbc.sql("delete from news_reviewer where organization_id = :o and stage = :s").param("o", organizationId).param("s", stage.name()).update();
		for (String u : usernames) {
			jdbc.sql("insert into news_reviewer (organization_id, stage, username) values (:o, :s, :u)").param("o", organizationId)
				.param("s", stage.name()).param("u", u).update();
		}
	}

	/** Articles per contributor and role published in a period (Beijing dates), in scope and under a subtree: the correspondents' points (通讯员积分). */
	List<ContributorCount> contributors(String scope, String under, LocalDate from, LocalDate to) {
		return jdbc.sql("select b.name, b.username, b.role, count(distinct a.id) as articles from news_byline b"
				+ " join news_article a on a.id = b.article_id join organization o on o.id = a.organization_id"
				+ " where a.status = 'PUBLISHED' and o.path like :scope and o.path like :under and a.published_on between :from and :to"
				+ " group by b.name, b.username, b.role order by articles desc, b.name, b.role")
			.param("scope", scope).param("under", under).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query((rs, n) -> new ContributorCount(rs.getString("name"), rs.getString("username"), BylineRole.valueOf(rs.getString("role")),
					rs.getLong("articles")))
			.list();
	}

	/** Published articles in the period, in scope and under a subtree (each once, whatever its bylines). */
	long countPublished(String scope, String under, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from news_article a join organization o on o.id = a.organization_id"
				+ " where a.status = 'PUBLISHED' and o.path like :scope and o.path like :under and a.published_on between :from and :to")
			.param("scope", scope).param("under", under).param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(Long.class).single();
	}

	record ContributorCount(String name, String username, BylineRole role, long articles) {
	}

	private static ArticleRow article(ResultSet rs, int n) throws SQLException {
		Date on = rs.getDate("published_on");
		Timestamp at = rs.getTimestamp("published_at");
		long sourceId = rs.getLong("source_id");
		Long source = rs.wasNull() ? null : sourceId;
		return new ArticleRow(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("organization_name"), rs.getString("organization_path"),
				rs.getString("kicker"), rs.getString("headline"), rs.getString("subheading"), rs.getString("body"),
				ArticleStatus.valueOf(rs.getString("status")), rs.getInt("review_round"), rs.getInt("stages_signed"), on == null ? null : on.toLocalDate(),
				at == null ? null : at.toInstant(), rs.getString("withdrawn_reason"), rs.getString("source_kind"), source, rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
