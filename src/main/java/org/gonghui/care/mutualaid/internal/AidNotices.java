package org.gonghui.care.mutualaid.internal;

import java.util.List;

import org.gonghui.care.mutualaid.ClaimStatus;
import org.gonghui.platform.WorkerNotices;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On 我的: a claim of the member's that waits for documents, or whose payout was made. Nothing for anyone else. */
@Component
@Order(110)
class AidNotices implements WorkerNotices {

	private final ClaimService claims;
	private final MessageSource messages;

	AidNotices(ClaimService claims, MessageSource messages) {
		this.claims = claims;
		this.messages = messages;
	}

	@Override
	public List<Notice> current() {
		return claims.mine().stream()
			.filter(c -> c.status() == ClaimStatus.WAITING_DOCUMENTS || c.status() == ClaimStatus.APPROVED)
			.map(c -> new Notice("aid-claim-" + c.id(),
					messages.getMessage("aid.notice." + c.status(), new Object[] { c.planName(), c.benefitName() }, LocaleContextHolder.getLocale()),
					"/aid/my/claims/" + c.id()))
			.toList();
	}
}
