package org.gonghui.honor.internal;

import org.gonghui.honor.RuleKind;

import org.gonghui.honor.NominationStage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.internal.SelectionCampaignRepository.SelectionCampaignRow;
import org.gonghui.honor.internal.SelectionCampaignRepository.NominationRow;
import org.gonghui.member.Members;
import org.gonghui.organization.Organizations;
import org.gonghui.organization.Ownership;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.platform.Role;
import org.gonghui.shared.Documents;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations by grassroots unions, checked as they arrive (window, places, ratio rules, eligibility by the
 * registry; staff may override a rule with a reason), and their way up: the federation above vets, the
 * campaign's panel votes, agencies sign off enterprise heads. Notice and conferment are in
 * {@link NoticeService} and {@link Conferment}.
 */
@Service
public class NominationService {

	/** 工商（市场监管）、税务、纪检监察、人力社保、应急管理（安全）、生态环境: asked about every enterprise head. */
	/** A nomination's or objection's document: 10 MB, enough for a scanned 推荐表 at a readable resolution. */
	static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;
	public static final List<String> AGENCIES = List.of("MARKET", "TAX", "DISCIPLINE", "SOCIAL_SECURITY", "SAFETY", "ENVIRONMENT");
	private static final List<Role> NOMINATORS = List.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);
	private static final List<Role> STAFF = List.of(Role.ADMIN, Role.STAFF);

	private final SelectionCampaignRepository campaigns;
	private final SelectionCampaignService campaignService;
	private final Conferment conferment;
	private final Organizations organizations;
	private final Members members;
	private final PersonalDataCipher cipher;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	NominationService(SelectionCampaignRepository campaigns, SelectionCampaignService campaignService, Conferment conferment, Organizations organizations,
			Members members, PersonalDataCipher cipher, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.campaigns = campaigns;
		this.campaignService = campaignService;
		this.conferment = conferment;
		this.organizations = organizations;
		this.members = members;
		this.cipher = cipher;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public enum MeetingKind {
		/** 职工代表大会. */
		WORKERS_CONGRESS,
		/** 职工大会. */
		GENERAL_ASSEMBLY
	}

	public record NewNomination(Long organizationId, Long honoreeId, Long memberId, String name, String idNumber, String employer, String occupation,
			Boolean frontLine, Boolean nonPublic, Boolean enterpriseHead, MeetingKind meetingKind, LocalDate meetingOn, Integer meetingVotesFor,
			Integer meetingAttendance, LocalDate unitNoticeStartsOn, LocalDate unitNoticeEndsOn, String summary, String deeds, String overrideReason) {
	}

	/** A stored supporting file as it is sent back: its display name, checked type and bytes. */
	public record StoredFile(String fileName, String contentType, byte[] content) {
	}

	public enum Decision {
		PASS, REJECT
	}

	public record Advance(Decision decision, String note, Integer votesFor, Integer votesAgainst, Integer votesAbstain) {
	}

	public enum SignOffOutcome {
		CLEARED, REFUSED
	}

	@Transactional
	public long submit(long campaignId, NewNomination n) {
		return submit(campaignId, n, campaignService.today());
	}

	/** Submits as of {@code today} (the demo data files nominations made weeks ago). */
	@Transactional
	long submit(long campaignId, NewNomination n, LocalDate today) {
		if (currentUser.account().map(a -> !NOMINATORS.contains(a.role())).orElse(true)) {
			throw new AccessDeniedException("Not allowed to nominate");
		}
		SelectionCampaignRow campaign = campaignService.visible(campaignId);
		campaigns.lockCampaign(campaignId);
		List<FieldProblem> problems = new ArrayList<>();
		if (today.isBefore(campaign.opensOn()) || today.isAfter(campaign.closesOn())) {
			throw InvalidInputException.of(null, "honor.nomination.windowClosed", campaign.opensOn().toString(), campaign.closesOn().toString());
		}
		OrgPath campaignPath = new OrgPath(campaign.organizationPath());
		var unit = n.organizationId() == null ? Optional.<org.gonghui.organization.OrganizationSummary>empty() : organizations.findVisible(n.organizationId());
		if (n.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else if (unit.isEmpty()) {
			problems.add(new FieldProblem("organizationId", "honor.organization.notFound"));
		}
		else if (!new OrgPath(unit.get().path()).isWithin(campaignPath) || unit.get().id() == campaign.organizationId()) {
			problems.add(new FieldProblem("organizationId", "honor.nomination.outsideCampaign", campaign.organizationName()));
		}
		Candidate candidate = candidate(n, problems);
		String employer = TextChecks.line(n.employer(), "employer", 100, problems);
		if (employer == null && candidate.employer() != null) {
			employer = candidate.employer();
		}
		if (employer == null && problems.stream().noneMatch(p -> "employer".equals(p.field()))) {
			problems.add(new FieldProblem("employer", "validation.required"));
		}
		String occupation = TextChecks.line(n.occupation(), "occupation", 50, problems);
		String summary = TextChecks.text(n.summary(), "summary", 500, problems);
		String deeds = TextChecks.text(n.deeds(), "deeds", 2000, problems);
		requireText(summary, "summary", problems);
		requireText(deeds, "deeds", problems);
		checkDemocraticStep(n, today, problems);
		String overrideReason = TextChecks.line(n.overrideReason(), "overrideReason", 200, problems);
		Long quotaOrg = null;
		Integer places = null;
		if (unit.isPresent() && problems.stream().noneMatch(p -> "organizationId".equals(p.field()))) {
			var quotas = campaigns.quotas(campaignId);
			if (!quotas.isEmpty()) {
				long child = new OrgPath(unit.get().path()).ids().get(campaignPath.depth());
				var quota = quotas.stream().filter(q -> q.organizationId() == child).findFirst();
				if (quota.isEmpty()) {
					problems.add(new FieldProblem("organizationId", "honor.nomination.noPlaces"));
				}
				else {
					quotaOrg = child;
					places = quota.get().places();
					if (campaigns.tally(campaignId, child).total() >= places) {
						problems.add(new FieldProblem("organizationId", "honor.nomination.quotaFull", quota.get().organizationName(), places));
					}
				}
			}
		}
		if (candidate.key() != null && campaigns.candidateTaken(campaignId, candidate.key())) {
			problems.add(new FieldProblem(candidate.field(), "honor.nomination.duplicate"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean nonPublic = n.nonPublic() != null ? n.nonPublic() : isNonPublic(unit.get().id());
		var traits = new NominationRules.Candidate(Boolean.TRUE.equals(n.frontLine()), nonPublic, Boolean.TRUE.equals(n.enterpriseHead()));
		List<RuleKind> broken = new ArrayList<>(
				NominationRules.broken(campaigns.rules(campaignId), campaigns.tally(campaignId, quotaOrg), traits, places));
		if (campaign.requiresLowerHonor() && !holdsLowerHonor(candidate, campaign.level())) {
			broken.add(RuleKind.LOWER_HONOR_REQUIRED);
		}
		List<NominationRules.Rule> rules = campaigns.rules(campaignId);
		if (!broken.isEmpty()) {
			boolean staff = currentUser.account().map(a -> STAFF.contains(a.role())).orElse(false);
			if (overrideReason == null || !staff) {
				List<FieldProblem> refusals = new ArrayList<>();
				for (RuleKind kind : broken) {
					int bp = rules.stream().filter(r -> r.kind() == kind).mapToInt(NominationRules.Rule::shareBp).findFirst().orElse(0);
					refusals.add(new FieldProblem("rules", "honor.rule." + kind.name(), percent(bp)));
				}
				if (overrideReason != null) {
					refusals.add(new FieldProblem("overrideReason", "honor.nomination.overrideNotAllowed"));
				}
				throw new InvalidInputException(refusals);
			}
		}
		else {
			overrideReason = null;
		}
		String overridden = broken.isEmpty() ? null : String.join(",", broken.stream().map(Enum::name).toList());
		long id = campaigns.insertNomination(new SelectionCampaignRepository.NewNomination(campaignId, unit.get().id(), quotaOrg, candidate.key(),
				candidate.honoreeId(), candidate.memberId(), candidate.name(), candidate.idCipher(), candidate.idHash(), candidate.idMasked(), employer,
				occupation, traits.frontLine(), traits.nonPublic(), traits.enterpriseHead(), n.meetingKind().name(), n.meetingOn(), n.meetingVotesFor(),
				n.meetingAttendance(), n.unitNoticeStartsOn(), n.unitNoticeEndsOn(), summary, deeds, overrideReason, overridden), currentUser.username(),
				clock.instant());
		if (traits.enterpriseHead()) {
			AGENCIES.forEach(agency -> campaigns.insertSignOff(id, agency));
		}
		audit.record("honor.nomination.submit", "honor_nomination", id,
				candidate.name() + " → " + campaign.title() + (overridden == null ? "" : ", override " + overridden + ": " + overrideReason));
		return id;
	}

	static String percent(int bp) {
		return java.math.BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString();
	}

	private static void requireText(String value, String field, List<FieldProblem> problems) {
		if (value == null && problems.stream().noneMatch(p -> field.equals(p.field()))) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
	}

	/** The unit's 职代会 or 职工大会 has voted for the candidate (a majority of those present), and the unit's own notice has run. */
	private static void checkDemocraticStep(NewNomination n, LocalDate today, List<FieldProblem> problems) {
		if (n.meetingKind() == null) {
			problems.add(new FieldProblem("meetingKind", "validation.required"));
		}
		if (n.meetingOn() == null) {
			problems.add(new FieldProblem("meetingOn", "validation.required"));
		}
		else if (n.meetingOn().isAfter(today)) {
			problems.add(new FieldProblem("meetingOn", "honor.nomination.future"));
		}
		if (n.meetingAttendance() == null || n.meetingAttendance() < 1 || n.meetingAttendance() > 100_000) {
			problems.add(new FieldProblem("meetingAttendance", "honor.nomination.attendance"));
		}
		if (n.meetingVotesFor() == null || n.meetingVotesFor() < 0) {
			problems.add(new FieldProblem("meetingVotesFor", "validation.required"));
		}
		else if (n.meetingAttendance() != null && n.meetingAttendance() >= 1) {
			if (n.meetingVotesFor() > n.meetingAttendance()) {
				problems.add(new FieldProblem("meetingVotesFor", "honor.nomination.votesOverAttendance"));
			}
			else if (n.meetingVotesFor() * 2 <= n.meetingAttendance()) {
				problems.add(new FieldProblem("meetingVotesFor", "honor.nomination.meetingNotPassed"));
			}
		}
		if (n.unitNoticeStartsOn() == null) {
			problems.add(new FieldProblem("unitNoticeStartsOn", "validation.required"));
		}
		if (n.unitNoticeEndsOn() == null) {
			problems.add(new FieldProblem("unitNoticeEndsOn", "validation.required"));
		}
		else if (n.unitNoticeStartsOn() != null && n.unitNoticeEndsOn().isBefore(n.unitNoticeStartsOn())) {
			problems.add(new FieldProblem("unitNoticeEndsOn", "honor.nomination.noticeOrder"));
		}
		else if (n.unitNoticeEndsOn().isAfter(today)) {
			problems.add(new FieldProblem("unitNoticeEndsOn", "honor.nomination.unitNoticeRunning"));
		}
	}

	/** Who is nominated, and the key that keeps them to one nomination per campaign. */
	record Candidate(String field, String key, Long honoreeId, Long memberId, String name, String employer, String idCipher, String idHash,
			String idMasked) {
	}

	private Candidate candidate(NewNomination n, List<FieldProblem> problems) {
		if (n.honoreeId() != null) {
			var h = conferment.visibleHonoree(n.honoreeId());
			if (h.isEmpty()) {
				problems.add(new FieldProblem("honoreeId", "honor.honoree.notFound"));
				return new Candidate("honoreeId", null, null, null, null, null, null, null, null);
			}
			return new Candidate("honoreeId", "H" + h.get().id(), h.get().id(), h.get().memberId(), h.get().name(), h.get().employer(), null, null,
					h.get().idNumberMasked());
		}
		if (n.memberId() != null) {
			var m = members.find(n.memberId()).filter(x -> currentUser.scope().includes(new OrgPath(x.unionPath())));
			if (m.isEmpty()) {
				problems.add(new FieldProblem("memberId", "honor.member.notFound"));
				return new Candidate("memberId", null, null, null, null, null, null, null, null);
			}
			Long honoree = campaigns.honoreeFor(m.get().id(), null).orElse(null);
			return new Candidate("memberId", honoree != null ? "H" + honoree : "M" + m.get().id(), honoree, m.get().id(), m.get().name(), null, null,
					null, null);
		}
		String name = TextChecks.line(n.name(), "name", 50, problems);
		if (name != null && name.matches(".*[<>\"'&;=].*")) {
			problems.add(new FieldProblem("name", "honor.name.invalid"));
		}
		requireText(name, "name", problems);
		String typed = Text.clean(n.idNumber());
		if (typed == null) {
			// Without a 身份证号 the person is told apart by name and employer.
			String employer = Text.clean(n.employer());
			return new Candidate("name", name == null ? null : "N" + cipher.lookupHash(name + "|" + (employer == null ? "" : employer)), null, null, name,
					null, null, null, null);
		}
		Optional<IdNumber> id = IdNumber.parse(typed, clock);
		if (id.isEmpty()) {
			problems.add(new FieldProblem("idNumber", "honor.idNumber.invalid"));
			return new Candidate("idNumber", null, null, null, name, null, null, null, null);
		}
		String hash = cipher.lookupHash(id.get().value());
		Long honoree = campaigns.honoreeFor(null, hash).orElse(null);
		return new Candidate("idNumber", honoree != null ? "H" + honoree : "I" + hash, honoree, null, name, null, cipher.encrypt(id.get().value()), hash,
				id.get().masked());
	}

	private boolean isNonPublic(long unitId) {
		return organizations.employersOf(unitId).stream().anyMatch(e -> e.ownership() != Ownership.STATE);
	}

	/** Holds an active honour at the level just below the campaign's, or higher. */
	private boolean holdsLowerHonor(Candidate c, HonorLevel level) {
		Long honoree = c.honoreeId() != null ? c.honoreeId() : campaigns.honoreeFor(c.memberId(), c.idHash()).orElse(null);
		if (honoree == null) {
			return false;
		}
		List<String> levels = Arrays.stream(HonorLevel.values()).filter(l -> l.ordinal() <= level.ordinal() + 1).map(Enum::name).toList();
		return campaigns.holdsActiveHonor(honoree, levels);
	}

	/**
	 * Moves a nomination one step: the federation above the unit vets it (pass or reject with a reason), the
	 * campaign's panel votes (the campaign's majority rule decides), an approved nomination is conferred
	 * (once: conferring again answers the same honour). Notice steps happen on the notice.
	 */
	@Transactional
	public NominationStage advance(long nominationId, Advance a) {
		NominationRow n = visibleRow(nominationId);
		SelectionCampaignRow campaign = campaigns.findCampaign(n.campaignId()).orElseThrow();
		Decision decision = a == null || a.decision() == null ? Decision.PASS : a.decision();
		String note = a == null ? null : Text.clean(a.note());
		if (note != null && note.length() > 300) {
			throw InvalidInputException.of("note", "validation.tooLong", 300);
		}
		switch (n.stage()) {
			case SUBMITTED -> {
				requireVetter(n);
				if (decision == Decision.REJECT && note == null) {
					throw InvalidInputException.of("note", "honor.nomination.reasonRequired");
				}
				return move(n, decision == Decision.PASS ? NominationStage.VETTED : NominationStage.REJECTED, note);
			}
			case VETTED -> {
				requireManager(campaign);
				if (n.enterpriseHead() && campaigns.signOffs(n.id()).stream().anyMatch(s -> !s.outcome().equals("CLEARED"))) {
					throw new org.gonghui.shared.StateConflictException("honor.nomination.signOffsPending");
				}
				int[] votes = votes(a, campaign.panelSize());
				boolean passed = campaign.panelMajority().equals("TWO_THIRDS") ? votes[0] * 3 >= campaign.panelSize() * 2
						: votes[0] * 2 > campaign.panelSize();
				campaigns.recordPanelVotes(n.id(), votes[0], votes[1], votes[2]);
				String tally = votes[0] + "/" + votes[1] + "/" + votes[2] + " of " + campaign.panelSize() + (note == null ? "" : ", " + note);
				return move(n, passed ? NominationStage.PANEL_PASSED : NominationStage.REJECTED, tally);
			}
			case APPROVED -> {
				requireManager(campaign);
				move(n, NominationStage.CONFERRED, note);
				conferment.confer(campaign, n);
				return NominationStage.CONFERRED;
			}
			case CONFERRED -> {
				requireManager(campaign);
				return NominationStage.CONFERRED;
			}
			case PANEL_PASSED -> throw new org.gonghui.shared.StateConflictException("honor.nomination.awaitsNotice");
			case IN_NOTICE -> throw new org.gonghui.shared.StateConflictException("honor.nomination.inNotice");
			default -> throw new org.gonghui.shared.StateConflictException("honor.nomination.final");
		}
	}

	/** The panel's votes for, against and abstaining; together no more than the panel's members. */
	private static int[] votes(Advance a, int panelSize) {
		if (a == null || a.votesFor() == null) {
			throw InvalidInputException.of("votesFor", "honor.nomination.votesRequired");
		}
		int f = a.votesFor();
		int against = a.votesAgainst() == null ? 0 : a.votesAgainst();
		int abstain = a.votesAbstain() == null ? 0 : a.votesAbstain();
		if (f < 0 || against < 0 || abstain < 0 || f + against + abstain > panelSize) {
			throw InvalidInputException.of("votesFor", "honor.nomination.votesOverPanel", panelSize);
		}
		return new int[] { f, against, abstain };
	}

	NominationStage move(NominationRow n, NominationStage to, String note) {
		if (!campaigns.move(n.id(), n.version(), n.stage(), to, currentUser.username(), note, clock.instant())) {
			throw new org.gonghui.shared.StateConflictException("honor.nomination.changed");
		}
		audit.record("honor.nomination." + to.name().toLowerCase(java.util.Locale.ROOT), "honor_nomination", n.id(),
				n.name() + ": " + n.stage() + " → " + to + (note == null ? "" : ", " + note));
		return to;
	}

	/** The nominating unit (or anyone above it) withdraws a nomination not yet conferred, with a reason. */
	@Transactional
	public void withdraw(long nominationId, String reasonText) {
		NominationRow n = visibleRow(nominationId);
		if (currentUser.account().map(a -> !NOMINATORS.contains(a.role())).orElse(true)) {
			throw new AccessDeniedException("Not allowed to withdraw");
		}
		String reason = Text.clean(reasonText);
		if (reason == null || reason.length() > 300) {
			throw InvalidInputException.of("reason", reason == null ? "honor.nomination.reasonRequired" : "validation.tooLong", 300);
		}
		if (!n.stage().isActive() || n.stage() == NominationStage.CONFERRED) {
			throw new org.gonghui.shared.StateConflictException("honor.nomination.final");
		}
		move(n, NominationStage.WITHDRAWN, reason);
	}

	/** An agency's answer on an enterprise head; one refusal rejects the nomination (一票否决). */
	@Transactional
	public void signOff(long nominationId, String agency, SignOffOutcome outcome, String noteText) {
		NominationRow n = visibleRow(nominationId);
		requireVetter(n);
		List<FieldProblem> problems = new ArrayList<>();
		if (agency == null || !AGENCIES.contains(agency)) {
			problems.add(new FieldProblem("agency", "honor.signOff.agency"));
		}
		if (outcome == null) {
			problems.add(new FieldProblem("outcome", "validation.required"));
		}
		String note = TextChecks.line(noteText, "note", 200, problems);
		if (outcome == SignOffOutcome.REFUSED && note == null && problems.stream().noneMatch(p -> "note".equals(p.field()))) {
			problems.add(new FieldProblem("note", "honor.nomination.reasonRequired"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!n.enterpriseHead()) {
			throw new org.gonghui.shared.StateConflictException("honor.signOff.notHead");
		}
		if (!n.stage().isActive() || n.stage() == NominationStage.APPROVED || n.stage() == NominationStage.CONFERRED) {
			throw new org.gonghui.shared.StateConflictException("honor.nomination.final");
		}
		if (!campaigns.decideSignOff(n.id(), agency, outcome.name(), note, currentUser.username(), clock.instant())) {
			throw new org.gonghui.shared.StateConflictException("honor.signOff.decided");
		}
		audit.record("honor.signoff." + outcome.name().toLowerCase(java.util.Locale.ROOT), "honor_nomination", n.id(),
				n.name() + ": " + agency + (note == null ? "" : ", " + note));
		if (outcome == SignOffOutcome.REFUSED) {
			move(campaigns.findNomination(n.id()).orElseThrow(), NominationStage.REJECTED, "一票否决: " + agency + ", " + note);
		}
	}

	/** Adds a supporting document (PDF or image, checked as photos are) while the nomination is in the running; ten at most. */
	@Transactional
	public long addDocument(long nominationId, byte[] content, String fileName) {
		NominationRow n = visibleRow(nominationId);
		Documents.Checked file = Documents.check(content, fileName, MAX_DOCUMENT_BYTES, "file");
		if (!n.stage().isActive() || n.stage() == NominationStage.CONFERRED) {
			throw new org.gonghui.shared.StateConflictException("honor.nomination.final");
		}
		if (campaigns.documentCount(n.id()) >= 10) {
			throw InvalidInputException.of("file", "honor.file.tooMany", 10);
		}
		long id = campaigns.insertDocument(n.id(), file.fileName(), file.contentType(), file.content(), currentUser.username(), clock.instant());
		audit.record("honor.nomination.document", "honor_nomination", n.id(), file.fileName() + " (" + file.contentType() + ")");
		return id;
	}

	@Transactional(readOnly = true)
	public StoredFile document(long nominationId, long documentId) {
		NominationRow n = visibleRow(nominationId);
		return campaigns.documentContent(n.id(), documentId).orElseThrow(() -> new RecordNotFoundException("honor_nomination_document", documentId));
	}

	/** A nomination inside the caller's scope; "not found" otherwise (a district sees its own only). */
	NominationRow visibleRow(long id) {
		if (currentUser.account().map(a -> !NOMINATORS.contains(a.role())).orElse(true)) {
			throw new AccessDeniedException("Not allowed to read nominations");
		}
		var n = campaigns.findNomination(id).filter(x -> currentUser.scope().includes(new OrgPath(x.organizationPath())));
		return n.orElseThrow(() -> new RecordNotFoundException("honor_nomination", id));
	}

	/** Vetting is for staff of a federation above the nominating unit, never the unit itself. */
	private void requireVetter(NominationRow n) {
		boolean staff = currentUser.account().map(a -> STAFF.contains(a.role())).orElse(false);
		boolean above = currentUser.scope().rootPath().map(root -> !root.value().equals(n.organizationPath())).orElse(true);
		if (!staff || !above) {
			throw new AccessDeniedException("Vetting is done by the federation above the unit");
		}
	}

	private void requireManager(SelectionCampaignRow campaign) {
		if (!campaignService.manages(campaign)) {
			throw new AccessDeniedException("The campaign's federation runs its panel and conferment");
		}
	}
}
