package org.gonghui.facility.internal;

import java.sql.Timestamp;
import java.util.List;

import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.Photos;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Photos of a site: staff in scope add and remove them; anyone who may see the site sees them. */
@Service
public class SitePhotoService {

	static final int MAX_PHOTOS = 6;

	private final JdbcClient jdbc;
	private final SiteQueries sites;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final long maxBytes;
	private final java.time.Clock clock;

	SitePhotoService(JdbcClient jdbc, SiteQueries sites, CurrentUser currentUser, AuditLog audit, java.time.Clock clock,
			@Value("${gonghui.facility.max-photo-bytes:2097152}") long maxBytes) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	/** Ids of the site's photos, oldest first, for anyone who may see the site. */
	@Transactional(readOnly = true)
	public List<Long> photoIds(long siteId) {
		sites.getPublic(siteId);
		return jdbc.sql("select id from site_photo where site_id = :site order by id").param("site", siteId).query(Long.class).list();
	}

	@Transactional
	public long add(long siteId, byte[] content) {
		requireWriter();
		sites.visible(siteId);
		Photos.Checked photo = Photos.check(content, maxBytes, "photo");
		long count = jdbc.sql("select count(*) from site_photo where site_id = :site").param("site", siteId).query(Long.class).single();
		if (count >= MAX_PHOTOS) {
			throw InvalidInputException.of("photo", "site.photo.tooMany", MAX_PHOTOS);
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into site_photo (site_id, content_type, content, byte_size, width, height, uploaded_by, uploaded_at)"
				+ " values (:site, :type, :content, :size, :width, :height, :by, :at)")
			.param("site", siteId)
			.param("type", photo.contentType())
			.param("content", photo.content())
			.param("size", photo.content().length)
			.param("width", photo.width())
			.param("height", photo.height())
			.param("by", currentUser.username())
			.param("at", Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("site.photo.add", "site", siteId, "photo " + id + ", " + photo.content().length + " bytes");
		return id;
	}

	@Transactional
	public void delete(long siteId, long photoId) {
		requireWriter();
		sites.visible(siteId);
		if (jdbc.sql("delete from site_photo where id = :id and site_id = :site").param("id", photoId).param("site", siteId).update() == 0) {
			throw new RecordNotFoundException("site_photo", photoId);
		}
		audit.record("site.photo.delete", "site", siteId, "photo " + photoId);
	}

	/** The photo, if the caller may see its site. */
	@Transactional(readOnly = true)
	public Image get(long siteId, long photoId) {
		sites.getPublic(siteId);
		return jdbc.sql("select content_type, content from site_photo where id = :id and site_id = :site")
			.param("id", photoId)
			.param("site", siteId)
			.query((rs, n) -> new Image(rs.getString("content_type"), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("site_photo", photoId));
	}

	/** The largest photo accepted, in bytes ({@code gonghui.facility.max-photo-bytes}). */
	public long maxBytes() {
		return maxBytes;
	}

	private void requireWriter() {
		if (!sites.mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage sites");
		}
	}

	/** Bytes with their checked content type. */
	public record Image(String contentType, byte[] content) {
	}
}
