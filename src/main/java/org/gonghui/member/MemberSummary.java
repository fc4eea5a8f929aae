package org.gonghui.member;

/**
 * A member as other modules see them: name, union (with its organisation path, for scope checks),
 * employer and status. No ID number or phone, masked or not.
 */
public record MemberSummary(long id, String name, long unionId, String unionPath, Long employerId, MemberStatus status) {

	public boolean active() {
		return status == MemberStatus.ACTIVE;
	}
}
