package org.gonghui.honor.internal;

import java.time.Clock;
import java.util.Optional;

import org.gonghui.honor.internal.SelectionCampaignRepository.SelectionCampaignRow;
import org.gonghui.honor.internal.SelectionCampaignRepository.NominationRow;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.OrgPath;
import org.springframework.stereotype.Component;

/**
 * Writes a conferred nomination into the registry: the honoree (the registry's own when the person is
 * there already, else a new record carrying the nomination's personal data as it was stored), the title
 * (added to the catalogue the first time), and the honour for the campaign's year. Once only: the honour
 * that exists for that person, title and year is reused, never doubled.
 */
@Component
class Conferment {

	private final HonorRepository honors;
	private final SelectionCampaignRepository campaigns;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	Conferment(HonorRepository honors, SelectionCampaignRepository campaigns, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.honors = honors;
		this.campaigns = campaigns;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	Optional<HonorRepository.HonoreeRow> visibleHonoree(long id) {
		return honors.findHonoree(id).filter(h -> currentUser.scope().includes(new OrgPath(h.organizationPath())));
	}

	long confer(SelectionCampaignRow campaign, NominationRow n) {
		String[] personal = campaigns.idNumberOf(n.id());
		Long honoreeId = n.honoreeId() != null ? n.honoreeId() : campaigns.honoreeFor(n.memberId(), personal[1]).orElse(null);
		if (honoreeId == null) {
			honoreeId = honors.insertHonoree(new HonorRepository.NewHonoree(n.organizationId(), n.memberId(), n.name(), personal[0], personal[1],
					n.idNumberMasked(), n.employer(), n.occupation(), n.summary(), n.deeds(), false), clock.instant());
			audit.record("honoree.create", "honoree", honoreeId, n.name() + ", from nomination " + n.id());
		}
		long titleId = honors.titleByName(campaign.honorTitle()).map(HonorRepository.Title::id)
			.orElseGet(() -> honors.insertTitle(campaign.honorTitle(), campaign.level(), HonorService.kindOf(campaign.honorTitle()), campaign.conferredBy(),
					clock.instant()));
		final long holder = honoreeId;
		Long existing = campaigns.honorFor(holder, titleId, campaign.year()).orElse(null);
		long honorId = existing != null ? existing
				: honors.insertHonor(holder, titleId, campaign.year(), null, false, currentUser.username(), clock.instant());
		campaigns.recordConferment(n.id(), holder, honorId);
		audit.record("honor.confer", "honor", honorId, n.name() + ": " + campaign.honorTitle() + " " + campaign.year() + ", campaign " + campaign.id());
		return honorId;
	}
}
