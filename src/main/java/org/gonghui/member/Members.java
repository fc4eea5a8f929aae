package org.gonghui.member;

import java.util.Optional;

/**
 * The member module's API for other modules (activities register members, care services book for them).
 * Answers facts about one member without personal data; callers apply their own scope and audience rules
 * with {@link MemberSummary#unionPath()}.
 */
public interface Members {

	Optional<MemberSummary> find(long memberId);

	/** The member a signed-in account belongs to (a worker's own record), if one is linked. */
	Optional<MemberSummary> findByAccount(String username);

	/** The member with this card number (会员证号), as a union chair types it from a class list. */
	Optional<MemberSummary> findByCardNumber(String cardNumber);
}
