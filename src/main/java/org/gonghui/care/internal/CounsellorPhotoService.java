package org.gonghui.care.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gonghui.care.internal.CounsellorRepository.Counsellor;
import org.gonghui.member.MemberSummary;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.Photos;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A counsellor's photo: the counsellor or staff in scope upload, replace and remove it (checked by content and
 * stripped of its metadata by {@link Photos}); the workers the counsellor serves, the counsellor and staff in scope
 * see it. Everyone else is told there is none.
 */
@Service
public class CounsellorPhotoService {

	private final JdbcClient jdbc;
	private final CounsellorRepository counsellors;
	private final CounsellorService service;
	private final WorkerMembers workers;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final long maxBytes;

	CounsellorPhotoService(JdbcClient jdbc, CounsellorRepository counsellors, CounsellorService service, WorkerMembers workers, CurrentUser currentUser,
			AuditLog audit, Clock clock, @Value("${gonghui.care.max-photo-bytes:2097152}") long maxBytes) {
		this.jdbc = jdbc;
		this.counsellors = counsellors;
		this.service = service;
		this.workers = workers;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	/** Bytes with their checked content type. */
	public record Image(String contentType, byte[] content) {
	}

	/** The largest photo accepted, in bytes ({@code gonghui.care.max-photo-bytes}). */
	public long maxBytes() {
		return maxBytes;
	}

	/** Uploads or replaces the photo; answers its new version (part of its address). Bad files: 400, nothing stored. */
	@Transactional
	public int replace(long counsellorId, byte[] content) {
		Counsellor c = service.manageable(counsellorId);
		Photos.Checked photo = Photos.check(content, maxBytes, "photo");
		// The counsellor's row is locked, so two first uploads at once queue up instead of both inserting.
		jdbc.sql("select id from care_counsellor where id = :id for update").param("id", c.id()).query(Long.class).single();
		Timestamp at = Timestamp.from(clock.instant());
		int updated = jdbc.sql("update care_counsellor_photo set content_type = :type, content = :content, byte_size = :size, width = :width,"
				+ " height = :height, version = version + 1, uploaded_by = :by, uploaded_at = :at where counsellor_id = :id")
			.param("type", photo.contentType()).param("content", photo.content()).param("size", photo.content().length).param("width", photo.width())
			.param("height", photo.height()).param("by", currentUser.username()).param("at", at).param("id", c.id()).update();
		if (updated == 0) {
			jdbc.sql("insert into care_counsellor_photo (counsellor_id, content_type, content, byte_size, width, height, version, uploaded_by, uploaded_at)"
					+ " values (:id, :type, :content, :size, :width, :height, 1, :by, :at)")
				.param("id", c.id()).param("type", photo.contentType()).param("content", photo.content()).param("size", photo.content().length)
				.param("width", photo.width()).param("height", photo.height()).param("by", currentUser.username()).param("at", at).update();
		}
		int version = versions(List.of(c.id())).get(c.id());
		audit.record("care.counsellor.photo", "care_counsellor", c.id(), c.name() + ", " + photo.content().length + " bytes, version " + version);
		return version;
	}

	/** Removes the photo; nothing to remove is not an error. */
	@Transactional
	public void delete(long counsellorId) {
		Counsellor c = service.manageable(counsellorId);
		if (jdbc.sql("delete from care_counsellor_photo where counsellor_id = :id").param("id", c.id()).update() > 0) {
			audit.record("care.counsellor.photo.delete", "care_counsellor", c.id(), c.name());
		}
	}

	/** The photo, for a worker the counsellor serves, the counsellor, or staff in scope; not found for anyone else. */
	@Transactional(readOnly = true)
	public Image photo(long counsellorId) {
		if (!maySee(counsellorId)) {
			throw new RecordNotFoundException("care_counsellor_photo", counsellorId);
		}
		return jdbc.sql("select content_type, content from care_counsellor_photo where counsellor_id = :id").param("id", counsellorId)
			.query((rs, n) -> new Image(rs.getString("content_type"), rs.getBytes("content"))).optional()
			.orElseThrow(() -> new RecordNotFoundException("care_counsellor_photo", counsellorId));
	}

	/** Which of these counsellors have a photo, with its version; the others have none. */
	public Map<Long, Integer> versions(Collection<Long> counsellorIds) {
		Map<Long, Integer> versions = new HashMap<>();
		if (counsellorIds.isEmpty()) {
			return versions;
		}
		jdbc.sql("select counsellor_id, version from care_counsellor_photo where counsellor_id in (:ids)").param("ids", List.copyOf(counsellorIds))
			.query((rs, n) -> versions.put(rs.getLong("counsellor_id"), rs.getInt("version"))).list();
		return versions;
	}

	private boolean maySee(long counsellorId) {
		if (currentUser.hasRole(Role.WORKER)) {
			Optional<MemberSummary> me = workers.current();
			return me.isPresent() && counsellors.serves(counsellorId, me.get().unionPath());
		}
		try {
			service.manageable(counsellorId);
			return true;
		}
		catch (RecordNotFoundException | AccessDeniedException e) {
			return false;
		}
	}
}
