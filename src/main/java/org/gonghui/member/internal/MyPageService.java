package org.gonghui.member.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.gonghui.member.MemberStatus;
import org.gonghui.organization.Organizations;
import org.gonghui.organization.UnionContact;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的: what a signed-in worker sees of their own membership (card, union and where to find it). A member
 * who transferred or left keeps their account and sees their records read-only.
 */
@Service
public class MyPageService {

	private final AccountLinkRepository links;
	private final MemberRepository members;
	private final Organizations organizations;
	private final CurrentUser currentUser;

	MyPageService(AccountLinkRepository links, MemberRepository members, Organizations organizations, CurrentUser currentUser) {
		this.links = links;
		this.members = members;
		this.organizations = organizations;
		this.currentUser = currentUser;
	}

	/** The signed-in worker's membership; empty for other roles and for accounts linked to no member. */
	@Transactional(readOnly = true)
	public Optional<Me> me() {
		return currentUser.account().filter(a -> a.role() == Role.WORKER)
			.flatMap(a -> links.memberOf(a.username()))
			.flatMap(members::findById)
			.map(m -> {
				UnionContact union = organizations.contact(m.unionId()).orElse(new UnionContact(m.unionId(), "—", null, null, null));
				return new Me(m.id(), m.name(), m.cardNumber(), union.name(), m.status(), m.joinDate(), m.status() != MemberStatus.ACTIVE, union);
			});
	}

	/** The signed-in worker's own membership. */
	public record Me(long memberId, String name, String cardNumber, String unionName, MemberStatus status, LocalDate joinDate, boolean readOnly,
			UnionContact union) {
	}
}
