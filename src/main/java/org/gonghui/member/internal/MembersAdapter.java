package org.gonghui.member.internal;

import java.util.Optional;

import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.springframework.stereotype.Component;

/**
 * {@link Members} over the registry. One statement each (the member joined with its union's path), so no
 * transaction of their own: a caller inside one joins it, a caller outside pays no BEGIN and COMMIT.
 */
@Component
class MembersAdapter implements Members {

	private final MemberRepository members;

	MembersAdapter(MemberRepository members) {
		this.members = members;
	}

	@Override
	public Optional<MemberSummary> find(long memberId) {
		return members.findSummary(memberId);
	}

	@Override
	public Optional<MemberSummary> findByAccount(String username) {
		return members.findSummaryByAccount(username);
	}

	@Override
	public Optional<MemberSummary> findByCardNumber(String cardNumber) {
		return cardNumber == null || cardNumber.isBlank() ? Optional.empty() : members.findSummaryByCardNumber(cardNumber.strip());
	}
}
