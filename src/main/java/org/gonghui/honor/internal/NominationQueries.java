package org.gonghui.honor.internal;

import org.gonghui.honor.NominationStage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gonghui.honor.internal.SelectionCampaignRepository.NominationRow;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of nominations: a caller sees the nominations of their own subtree only (a district its own, a unit
 * its own, the campaign's federation all of them), with the 身份证号 masked. Each view says which step the
 * caller may take next, so pages show only the buttons that will work.
 */
@Service
public class NominationQueries {

	private final SelectionCampaignRepository campaigns;
	private final SelectionCampaignService campaignService;
	private final NominationService nominations;
	private final CurrentUser currentUser;

	NominationQueries(SelectionCampaignRepository campaigns, SelectionCampaignService campaignService, NominationService nominations, CurrentUser currentUser) {
		this.campaigns = campaigns;
		this.campaignService = campaignService;
		this.nominations = nominations;
		this.currentUser = currentUser;
	}

	public record EventView(Instant at, NominationStage from, NominationStage to, String actor, String note) {

		/** The moment in Beijing time, as pages show it. */
		public String when() {
			return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(HonorService.BEIJING));
		}
	}

	public record SignOffView(String agency, String outcome, String note, Instant decidedAt, String decidedBy) {
	}

	public record DocumentView(long id, String fileName, String contentType, int size) {
	}

	public record PanelVotes(int votesFor, int against, int abstain) {
	}

	public record NominationView(long id, long campaignId, String campaignTitle, long organizationId, String organizationName, Long honoreeId,
			Long memberId, String name, String idNumber, String employer, String occupation, boolean frontLine, boolean nonPublic, boolean enterpriseHead,
			String meetingKind, LocalDate meetingOn, int meetingVotesFor, int meetingAttendance, LocalDate unitNoticeStartsOn, LocalDate unitNoticeEndsOn,
			String summary, String deeds, NominationStage stage, String overrideReason, String overriddenRules, PanelVotes panelVotes, Long noticeId,
			Long honorId, Instant createdAt, String createdBy, List<EventView> events, List<SignOffView> signOffs, List<DocumentView> documents,
			Actions actions) {
	}

	/** What the caller may do next on this nomination. */
	public record Actions(boolean vet, boolean panel, boolean confer, boolean withdraw, boolean signOff) {
	}

	@Transactional(readOnly = true)
	public NominationView get(long id) {
		return view(nominations.visibleRow(id), true);
	}

	@Transactional(readOnly = true)
	public List<NominationView> ofCampaign(long campaignId) {
		campaignService.visible(campaignId);
		return campaigns.nominations(campaignId, currentUser.scope().pathPattern()).stream().map(n -> view(n, false)).toList();
	}

	private NominationView view(NominationRow n, boolean full) {
		var campaign = campaigns.findCampaign(n.campaignId()).orElseThrow(() -> new RecordNotFoundException("honor_campaign", n.campaignId()));
		boolean manages = campaignService.manages(campaign);
		boolean staff = currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.STAFF);
		boolean aboveUnit = staff && currentUser.scope().rootPath().map(r -> !r.value().equals(n.organizationPath())).orElse(true);
		boolean pendingSignOffs = n.enterpriseHead() && campaigns.signOffs(n.id()).stream().anyMatch(s -> s.outcome().equals("PENDING"));
		var actions = new Actions(n.stage() == NominationStage.SUBMITTED && aboveUnit,
				n.stage() == NominationStage.VETTED && manages && !pendingSignOffs, n.stage() == NominationStage.APPROVED && manages,
				n.stage().isActive() && n.stage() != NominationStage.CONFERRED,
				aboveUnit && pendingSignOffs && n.stage().isActive() && n.stage() != NominationStage.APPROVED);
		PanelVotes votes = n.panelFor() == null ? null : new PanelVotes(n.panelFor(), n.panelAgainst(), n.panelAbstain());
		List<EventView> events = full ? campaigns.events(n.id()).stream().map(e -> new EventView(e.at(), e.from(), e.to(), e.actor(), e.note())).toList()
				: List.of();
		List<SignOffView> signOffs = n.enterpriseHead()
				? campaigns.signOffs(n.id()).stream().map(s -> new SignOffView(s.agency(), s.outcome(), s.note(), s.decidedAt(), s.decidedBy())).toList()
				: List.of();
		List<DocumentView> documents = full
				? campaigns.documents(n.id()).stream().map(d -> new DocumentView(d.id(), d.fileName(), d.contentType(), d.size())).toList()
				: List.of();
		return new NominationView(n.id(), n.campaignId(), campaign.title(), n.organizationId(), n.organizationName(), n.honoreeId(), n.memberId(),
				n.name(), n.idNumberMasked(), n.employer(), n.occupation(), n.frontLine(), n.nonPublic(), n.enterpriseHead(), n.meetingKind(), n.meetingOn(),
				n.meetingVotesFor(), n.meetingAttendance(), n.unitNoticeStartsOn(), n.unitNoticeEndsOn(), n.summary(), n.deeds(), n.stage(),
				n.overrideReason(), n.overriddenRules(), votes, n.noticeId(), n.honorId(), n.createdAt(), n.createdBy(), events, signOffs, documents,
				actions);
	}
}
