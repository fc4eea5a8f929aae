package org.gonghui.platform;

/**
 * Who did what to which record and when. Every write, every export and every read of unmasked
 * personal data records one entry, in the same transaction as the work it describes.
 */
public interface AuditLog {

	void record(String action, String targetType, Object targetId, String detail);
}
