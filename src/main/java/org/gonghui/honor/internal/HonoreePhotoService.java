package org.gonghui.honor.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.Photos;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An honoree's photo: staff in scope upload or replace it (checked and stripped of metadata as every photo is,
 * {@link Photos}) and remove it; staff in scope see it, and the public sees the photo of a public honoree
 * only. Without a photo, pages and the booklet draw a placeholder with the surname: the demo's honorees keep
 * theirs, no real person's photo is shipped.
 */
@Service
public class HonoreePhotoService {

	private final JdbcClient jdbc;
	private final HonorRepository honors;
	private final HonorQueries queries;
	private final HonorService service;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final long maxBytes;

	HonoreePhotoService(JdbcClient jdbc, HonorRepository honors, HonorQueries queries, HonorService service, CurrentUser currentUser, AuditLog audit,
			Clock clock, @Value("${gonghui.honor.max-photo-bytes:2097152}") long maxBytes) {
		this.jdbc = jdbc;
		this.honors = honors;
		this.queries = queries;
		this.service = service;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	/** Bytes with their checked content type. */
	public record Image(String contentType, byte[] content) {
	}

	/** The largest photo accepted, in bytes ({@code gonghui.honor.max-photo-bytes}). */
	public long maxBytes() {
		return maxBytes;
	}

	/** Uploads or replaces the photo of an honoree in scope; answers the new version (part of the photo's address). */
	@Transactional
	public int replace(long honoreeId, byte[] content) {
		if (!service.mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage honours");
		}
		var honoree = queries.visibleRow(honoreeId);
		Photos.Checked photo = Photos.check(content, maxBytes, "photo");
		// Uploads of one honoree's photo queue on the honoree's row: two first uploads at once would otherwise both
		// insert, and catching the duplicate does not help on PostgreSQL, where the failed insert aborts the transaction.
		jdbc.sql("select id from honoree where id = :id for update").param("id", honoreeId).query(Long.class).single();
		int version = store(honoreeId, photo);
		audit.record("honoree.photo", "honoree", honoreeId, honoree.name() + ", " + photo.content().length + " bytes, version " + version);
		return version;
	}

	private int store(long honoreeId, Photos.Checked photo) {
		Timestamp at = Timestamp.from(clock.instant());
		int updated = jdbc.sql("update honoree_photo set content_type = :type, content = :content, byte_size = :size, width = :width, height = :height,"
				+ " version = version + 1, uploaded_by = :by, uploaded_at = :at where honoree_id = :id")
			.param("type", photo.contentType()).param("content", photo.content()).param("size", photo.content().length).param("width", photo.width())
			.param("height", photo.height()).param("by", currentUser.username()).param("at", at).param("id", honoreeId).update();
		if (updated == 0) {
			jdbc.sql("insert into honoree_photo (honoree_id, content_type, content, byte_size, width, height, version, uploaded_by, uploaded_at)"
					+ " values (:id, :type, :content, :size, :width, :height, 1, :by, :at)")
				.param("id", honoreeId).param("type", photo.contentType()).param("content", photo.content()).param("size", photo.content().length)
				.param("width", photo.width()).param("height", photo.height()).param("by", currentUser.username()).param("at", at).update();
		}
		return jdbc.sql("select version from honoree_photo where honoree_id = :id").param("id", honoreeId).query(Integer.class).single();
	}

	/** Removes the photo (the placeholder shows again); nothing to remove is not an error. */
	@Transactional
	public void delete(long honoreeId) {
		if (!service.mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage honours");
		}
		var honoree = queries.visibleRow(honoreeId);
		if (jdbc.sql("delete from honoree_photo where honoree_id = :id").param("id", honoreeId).update() > 0) {
			audit.record("honoree.photo.delete", "honoree", honoreeId, honoree.name());
		}
	}

	/** The photo of an honoree in the caller's scope; not found without one. */
	@Transactional(readOnly = true)
	public Image staffPhoto(long honoreeId) {
		queries.visibleRow(honoreeId);
		return image(honoreeId).orElseThrow(() -> new RecordNotFoundException("honoree_photo", honoreeId));
	}

	/** The photo of a public honoree, for the showcase; not found for anyone else. */
	@Transactional(readOnly = true)
	public Image publicPhoto(long honoreeId) {
		honors.findHonoree(honoreeId).filter(HonorRepository.HonoreeRow::isPublic).orElseThrow(() -> new RecordNotFoundException("honoree", honoreeId));
		return image(honoreeId).orElseThrow(() -> new RecordNotFoundException("honoree_photo", honoreeId));
	}

	/** Which of these honorees have a photo, with its version (for the photo's address); the others have none. */
	public Map<Long, Integer> versions(Collection<Long> honoreeIds) {
		Map<Long, Integer> versions = new HashMap<>();
		facts(honoreeIds).forEach((id, f) -> versions.put(id, f.version()));
		return versions;
	}

	/** A stored photo's version and size in pixels. */
	record Facts(int version, int width, int height) {
	}

	Map<Long, Facts> facts(Collection<Long> honoreeIds) {
		Map<Long, Facts> facts = new HashMap<>();
		List<Long> ids = List.copyOf(honoreeIds);
		// Bound in slices: an IN list of thousands of parameters is more than some databases take.
		for (int from = 0; from < ids.size(); from += 1000) {
			jdbc.sql("select honoree_id, version, width, height from honoree_photo where honoree_id in (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query((rs, n) -> Map.entry(rs.getLong("honoree_id"), new Facts(rs.getInt("version"), rs.getInt("width"), rs.getInt("height"))))
				.list().forEach(e -> facts.put(e.getKey(), e.getValue()));
		}
		return facts;
	}

	/** The photo without any check, for the booklet, which checked its honorees already. */
	Optional<Image> image(long honoreeId) {
		return jdbc.sql("select content_type, content from honoree_photo where honoree_id = :id").param("id", honoreeId)
			.query((rs, n) -> new Image(rs.getString("content_type"), rs.getBytes("content"))).optional();
	}
}
