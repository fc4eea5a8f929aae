package org.gonghui.member.internal;

import java.util.Optional;

import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.gonghui.organization.Organizations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link Members} over the registry. */
@Component
class MembersAdapter implements Members {

	private final MemberRepository members;
	private final Organizations organizations;

	MembersAdapter(MemberRepository members, Organizations organizations) {
		this.members = members;
		this.organizations = organizations;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MemberSummary> find(long memberId) {
		return members.findById(memberId).flatMap(this::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MemberSummary> findByAccount(String username) {
		return members.findIdByAccount(username).flatMap(members::findById).flatMap(this::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MemberSummary> findByCardNumber(String cardNumber) {
		return cardNumber == null || cardNumber.isBlank() ? Optional.empty() : members.findByCardNumber(cardNumber.strip()).flatMap(this::summary);
	}

	private Optional<MemberSummary> summary(Member m) {
		return organizations.find(m.unionId())
			.map(union -> new MemberSummary(m.id(), m.name(), m.unionId(), union.path(), m.employerId(), m.status()));
	}
}
