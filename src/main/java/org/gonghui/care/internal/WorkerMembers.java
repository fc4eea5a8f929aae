package org.gonghui.care.internal;

import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The signed-in worker's member record: who books, and whose union decides which counsellors they see. */
@Component
class WorkerMembers {

	private final Members members;
	private final CurrentUser currentUser;

	WorkerMembers(Members members, CurrentUser currentUser) {
		this.members = members;
		this.currentUser = currentUser;
	}

	/** The active member behind the signed-in WORKER account; 403 for anyone else (staff book nothing for workers). */
	MemberSummary require() {
		return current().orElseThrow(() -> new AccessDeniedException("Only workers who are active members book counsellors"));
	}

	/** The active member behind the signed-in WORKER account, if there is one. */
	java.util.Optional<MemberSummary> current() {
		return currentUser.account()
			.filter(a -> a.role() == Role.WORKER)
			.flatMap(a -> members.findByAccount(a.username()))
			.filter(MemberSummary::active);
	}

	boolean isWorker() {
		return currentUser.hasRole(Role.WORKER);
	}
}
