package org.gonghui.news.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.news.ArticleStatus;
import org.gonghui.news.internal.ArticleRepository.ArticleRow;
import org.gonghui.news.internal.ArticleService.PhotoView;
import org.gonghui.platform.Accounts;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.Photos;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article's photos (新闻图片), in print order, each with its caption and credit. Writers in the article's scope add,
 * reorder and remove them while it is a draft, like its text (a reviewed article is not changed behind the
 * reviewers' backs); every photo is checked and stripped of its metadata as every photo is ({@link Photos}). Staff
 * in scope see them; the public sees the photos of a published article only, so a withdrawn article's photos are
 * gone with it.
 */
@Service
public class ArticlePhotoService {

	static final int MAX_PHOTOS = 30;

	private final JdbcClient jdbc;
	private final ArticleService articles;
	private final ArticleRepository repository;
	private final Accounts accounts;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final long maxBytes;

	ArticlePhotoService(JdbcClient jdbc, ArticleService articles, ArticleRepository repository, Accounts accounts, CurrentUser currentUser, AuditLog audit, Clock clock,
			@Value("${gonghui.news.max-photo-bytes:5242880}") long maxBytes) {
		this.jdbc = jdbc;
		this.articles = articles;
		this.repository = repository;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	/** A photo as typed on the form: the file, its caption, the photographer's name and/or account. */
	public record PhotoInput(byte[] content, String caption, String creditName, String creditUsername) {
	}

	/** Bytes with their checked content type. */
	public record Image(String contentType, byte[] content) {
	}

	/** The largest photo accepted, in bytes ({@code gonghui.news.max-photo-bytes}). */
	public long maxBytes() {
		return maxBytes;
	}

	/** Adds a photo after the article's others; every problem of the form is told at once and nothing is stored. */
	@Transactional
	public long add(long articleId, PhotoInput in) {
		ArticleRow a = draft(articleId);
		List<FieldProblem> problems = new ArrayList<>();
		String caption = TextChecks.line(in.caption(), "caption", 200, problems);
		if (caption == null && problems.isEmpty()) {
			problems.add(new FieldProblem("caption", "news.photo.captionRequired"));
		}
		String creditName = TextChecks.line(in.creditName(), "creditName", 20, problems);
		String creditUsername = null;
		if (Text.clean(in.creditUsername()) != null) {
			var account = accounts.find(Text.clean(in.creditUsername()));
			if (account.isEmpty()) {
				problems.add(new FieldProblem("creditUsername", "news.byline.unknownAccount"));
			}
			else {
				creditUsername = account.get().username();
				if (creditName == null && problems.stream().noneMatch(p -> p.field().equals("creditName"))) {
					String display = account.get().displayName();
					creditName = display.length() > 20 ? display.substring(0, 20) : display;
				}
			}
		}
		if (creditName == null && problems.stream().noneMatch(p -> p.field().startsWith("credit"))) {
			problems.add(new FieldProblem("creditName", "news.photo.creditRequired"));
		}
		Photos.Checked photo = null;
		try {
			photo = Photos.check(in.content(), maxBytes, "photo");
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		// Additions to one article queue on its row, so two at once never take the same position.
		jdbc.sql("select id from news_article where id = :id for update").param("id", articleId).query(Long.class).single();
		int count = jdbc.sql("select count(*) from news_photo where article_id = :a").param("a", articleId).query(Integer.class).single();
		if (count >= MAX_PHOTOS) {
			problems.add(new FieldProblem("photo", "news.photo.tooMany", MAX_PHOTOS));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from news_photo where article_id = :a").param("a", articleId)
			.query(Integer.class).single();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into news_photo (article_id, position, caption, credit_name, credit_username, content_type, content, byte_size, width, height,"
				+ " uploaded_by, uploaded_at) values (:a, :p, :caption, :name, :username, :type, :content, :size, :w, :h, :by, :at)")
			.param("a", articleId).param("p", position).param("caption", caption).param("name", creditName).param("username", creditUsername)
			.param("type", photo.contentType()).param("content", photo.content()).param("size", photo.content().length).param("w", photo.width())
			.param("h", photo.height()).param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("article.photo.add", "article", articleId, a.headline() + ": " + caption + "（" + creditName + " 摄）, " + photo.content().length + " bytes");
		return id;
	}

	/** Moves a photo one place earlier (the first stays first). */
	@Transactional
	public void moveUp(long articleId, long photoId) {
		draft(articleId);
		jdbc.sql("select id from news_article where id = :id for update").param("id", articleId).query(Long.class).single();
		List<PhotoView> photos = repository.photos(articleId);
		int at = indexOf(photos, photoId);
		if (at <= 0) {
			return;
		}
		// Positions are rewritten 1..n in the new order, so gaps left by removals close too.
		List<PhotoView> order = new ArrayList<>(photos);
		order.add(at - 1, order.remove(at));
		for (int i = 0; i < order.size(); i++) {
			jdbc.sql("update news_photo set position = :p where id = :id").param("p", i + 1).param("id", order.get(i).id()).update();
		}
		audit.record("article.photo.move", "article", articleId, "photo " + photoId + " → " + at);
	}

	@Transactional
	public void delete(long articleId, long photoId) {
		ArticleRow a = draft(articleId);
		List<PhotoView> photos = repository.photos(articleId);
		PhotoView photo = photos.get(indexOf(photos, photoId));
		jdbc.sql("delete from news_photo where id = :id and article_id = :a").param("id", photoId).param("a", articleId).update();
		audit.record("article.photo.delete", "article", articleId, a.headline() + ": " + photo.caption());
	}

	/** A photo of an article in the caller's scope, whatever its status. */
	@Transactional(readOnly = true)
	public Image staffPhoto(long articleId, long photoId) {
		articles.writable(articleId);
		return image(articleId, photoId);
	}

	/** A photo of a published article; for anything else not found. */
	@Transactional(readOnly = true)
	public Image publicPhoto(long articleId, long photoId) {
		articles.publishedRow(articleId);
		return image(articleId, photoId);
	}

	private ArticleRow draft(long articleId) {
		ArticleRow a = articles.writable(articleId);
		if (a.status() != ArticleStatus.DRAFT) {
			throw new StateConflictException("news.article.notDraft");
		}
		return a;
	}

	private static int indexOf(List<PhotoView> photos, long photoId) {
		for (int i = 0; i < photos.size(); i++) {
			if (photos.get(i).id() == photoId) {
				return i;
			}
		}
		throw new RecordNotFoundException("news_photo", photoId);
	}

	private Image image(long articleId, long photoId) {
		return jdbc.sql("select content_type, content from news_photo where id = :id and article_id = :a").param("id", photoId).param("a", articleId)
			.query((rs, n) -> new Image(rs.getString("content_type"), rs.getBytes("content"))).optional()
			.orElseThrow(() -> new RecordNotFoundException("news_photo", photoId));
	}
}
