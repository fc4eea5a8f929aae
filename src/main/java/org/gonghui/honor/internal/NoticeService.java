package org.gonghui.honor.internal;

import org.gonghui.honor.NominationStage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gonghui.honor.internal.SelectionCampaignRepository.SelectionCampaignRow;
import org.gonghui.honor.internal.SelectionCampaignRepository.NominationRow;
import org.gonghui.honor.internal.NoticeRepository.NoticeRow;
import org.gonghui.honor.internal.NoticeRepository.ObjectionRow;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.Accounts;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.platform.Role;
import org.gonghui.shared.Documents;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.PhoneNumber;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.gonghui.shared.TooManyAttemptsException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public notice (公示): the campaign's federation puts the candidates the panel passed on notice for at
 * least five working days of the official calendar; anyone may object under their real name and phone;
 * staff investigate each objection (upheld withdraws the nomination) and close the notice once it has run,
 * which approves the candidates still on it.
 */
@Service
public class NoticeService {

	static final int MIN_WORKING_DAYS = 5;

	public enum State {
		SCHEDULED, OPEN, ENDED, CLOSED
	}

	public enum Finding {
		UPHELD, DISMISSED
	}

	public record Candidate(long nominationId, String name, String organizationName, String employer, String occupation, String summary,
			NominationStage stage) {
	}

	public record ObjectionView(long id, long nominationId, String candidateName, String objectorName, String phone, String reason, String fileName,
			String status, String assignee, String finding, java.time.Instant createdAt, java.time.Instant resolvedAt) {

		/** When it arrived, in Beijing time, as pages show it. */
		public String received() {
			return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(createdAt.atZone(HonorService.BEIJING));
		}
	}

	public record NoticeView(long id, long campaignId, String campaignTitle, String organizationName, String honourTitle, LocalDate startsOn,
			LocalDate endsOn, int workingDays, State state, String outcome, List<Candidate> candidates, List<ObjectionView> objections,
			boolean mayManage) {
	}

	/** What the public sees of an open notice: the candidates, never the objections. */
	public record PublicNotice(long id, String campaignTitle, String organizationName, String honourTitle, LocalDate startsOn, LocalDate endsOn,
			List<Candidate> candidates) {
	}

	public record NewObjection(Long nominationId, String name, String phone, String reason, byte[] file, String fileName) {
	}

	private final NoticeRepository notices;
	private final SelectionCampaignRepository campaigns;
	private final SelectionCampaignService campaignService;
	private final NominationService nominations;
	private final WorkingCalendar calendar;
	private final ObjectionRateLimiter limiter;
	private final Accounts accounts;
	private final Organizations organizations;
	private final PersonalDataCipher cipher;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final NoticeResultPdf resultPdf;

	NoticeService(NoticeResultPdf resultPdf, NoticeRepository notices, SelectionCampaignRepository campaigns, SelectionCampaignService campaignService, NominationService nominations,
			WorkingCalendar calendar, ObjectionRateLimiter limiter, Accounts accounts, Organizations organizations, PersonalDataCipher cipher,
			CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.resultPdf = resultPdf;
		this.notices = notices;
		this.campaigns = campaigns;
		this.campaignService = campaignService;
		this.nominations = nominations;
		this.calendar = calendar;
		this.limiter = limiter;
		this.accounts = accounts;
		this.organizations = organizations;
		this.cipher = cipher;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Starts a notice of every candidate the panel has passed. The end is the {@code days}-th working day on
	 * or after the start (five at least); a start whose count runs into a year without calendar data is refused.
	 */
	@Transactional
	public NoticeView start(long campaignId, LocalDate startsOn, Integer days) {
		SelectionCampaignRow campaign = campaignService.visible(campaignId);
		requireManager(campaign);
		int workingDays = days == null ? MIN_WORKING_DAYS : days;
		List<FieldProblem> problems = new ArrayList<>();
		if (startsOn == null) {
			problems.add(new FieldProblem("startsOn", "validation.required"));
		}
		if (workingDays < MIN_WORKING_DAYS || workingDays > 30) {
			problems.add(new FieldProblem("days", "honor.notice.days", MIN_WORKING_DAYS));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate endsOn;
		try {
			endsOn = calendar.nthWorkingDay(startsOn, workingDays);
		}
		catch (InvalidInputException e) {
			// The calendar names its own parameter; the caller typed a start date.
			throw new InvalidInputException(e.problems().stream().map(p -> new FieldProblem("startsOn", p.code(), p.args())).toList());
		}
		List<NominationRow> ready = campaigns.nominations(campaignId, "/%").stream().filter(n -> n.stage() == NominationStage.PANEL_PASSED).toList();
		if (ready.isEmpty()) {
			throw new StateConflictException("honor.notice.nothingReady");
		}
		long id = notices.insert(campaignId, startsOn, endsOn, workingDays, currentUser.username(), clock.instant());
		for (NominationRow n : ready) {
			nominations.move(n, NominationStage.IN_NOTICE, "公示 " + startsOn + " – " + endsOn);
			campaigns.putInNotice(n.id(), id);
		}
		audit.record("honor.notice.start", "honor_notice", id, campaign.title() + ": " + ready.size() + " candidates, " + startsOn + " – " + endsOn);
		return view(id);
	}

	static State state(NoticeRow n, LocalDate today) {
		if (n.closedAt() != null) {
			return State.CLOSED;
		}
		if (today.isBefore(n.startsOn())) {
			return State.SCHEDULED;
		}
		return today.isAfter(n.endsOn()) ? State.ENDED : State.OPEN;
	}

	@Transactional(readOnly = true)
	public NoticeView view(long noticeId) {
		NoticeRow notice = notices.find(noticeId).orElseThrow(() -> new RecordNotFoundException("honor_notice", noticeId));
		SelectionCampaignRow campaign = campaignService.visible(notice.campaignId());
		if (!campaignService.manages(campaign)) {
			// Objections name people: only the federation that runs the notice reads them.
			throw new RecordNotFoundException("honor_notice", noticeId);
		}
		List<ObjectionView> objections = notices.objections(noticeId).stream().map(NoticeService::objectionView).toList();
		return new NoticeView(notice.id(), campaign.id(), campaign.title(), campaign.organizationName(), campaign.honorTitle(), notice.startsOn(),
				notice.endsOn(), notice.workingDays(), state(notice, campaignService.today()), notice.outcome(), candidates(noticeId), objections, true);
	}

	@Transactional(readOnly = true)
	public List<NoticeRow> ofCampaign(long campaignId) {
		campaignService.visible(campaignId);
		return notices.ofCampaign(campaignId);
	}

	private List<Candidate> candidates(long noticeId) {
		return campaigns.nominationsInNotice(noticeId).stream()
			.map(n -> new Candidate(n.id(), n.name(), n.organizationName(), n.employer(), n.occupation(), n.summary(), n.stage())).toList();
	}

	private static ObjectionView objectionView(ObjectionRow o) {
		return new ObjectionView(o.id(), o.nominationId(), o.candidateName(), o.objectorName(), o.phoneMasked(), o.reason(), o.fileName(), o.status(),
				o.assignee(), o.finding(), o.createdAt(), o.resolvedAt());
	}

	/** Notices open today, for anyone. */
	@Transactional(readOnly = true)
	public List<PublicNotice> openNotices() {
		return notices.open(campaignService.today()).stream().map(this::publicView).toList();
	}

	/** An open notice for anyone; one not running today is "not found" (the public sees only open notices). */
	@Transactional(readOnly = true)
	public PublicNotice publicNotice(long noticeId) {
		NoticeRow notice = notices.find(noticeId).filter(n -> state(n, campaignService.today()) == State.OPEN)
			.orElseThrow(() -> new RecordNotFoundException("honor_notice", noticeId));
		return publicView(notice);
	}

	private PublicNotice publicView(NoticeRow notice) {
		SelectionCampaignRow campaign = campaigns.findCampaign(notice.campaignId()).orElseThrow();
		List<Candidate> shown = candidates(notice.id()).stream().filter(c -> c.stage() == NominationStage.IN_NOTICE)
			.map(c -> new Candidate(c.nominationId(), c.name(), c.organizationName(), c.employer(), c.occupation(), c.summary(), null)).toList();
		return new PublicNotice(notice.id(), campaign.title(), campaign.organizationName(), campaign.honorTitle(), notice.startsOn(), notice.endsOn(),
				shown);
	}

	/**
	 * An objection from the public while the notice runs: real name and mobile number required, a reason, an
	 * optional file. Limited per address and per phone. The phone is stored encrypted and shown masked.
	 */
	@Transactional
	public long object(long noticeId, NewObjection o, String clientAddress) {
		NoticeRow notice = notices.find(noticeId).orElseThrow(() -> new RecordNotFoundException("honor_notice", noticeId));
		if (state(notice, campaignService.today()) != State.OPEN) {
			throw new RecordNotFoundException("honor_notice", noticeId);
		}
		if (!limiter.tryAddress(clientAddress)) {
			throw new TooManyAttemptsException("objection from " + clientAddress);
		}
		List<FieldProblem> problems = new ArrayList<>();
		String name = TextChecks.line(o.name(), "name", 20, problems);
		if (name == null && problems.isEmpty()) {
			problems.add(new FieldProblem("name", "honor.objection.realName"));
		}
		else if (name != null && (name.length() < 2 || !name.matches("[\\p{IsHan}·A-Za-z ]+"))) {
			problems.add(new FieldProblem("name", "honor.objection.nameInvalid"));
		}
		Optional<PhoneNumber> phone = PhoneNumber.parse(Text.clean(o.phone()));
		if (Text.clean(o.phone()) == null) {
			problems.add(new FieldProblem("phone", "honor.objection.realPhone"));
		}
		else if (phone.isEmpty()) {
			problems.add(new FieldProblem("phone", "honor.objection.phoneInvalid"));
		}
		String reason = TextChecks.text(o.reason(), "reason", 1000, problems);
		if (reason == null && problems.stream().noneMatch(p -> "reason".equals(p.field()))) {
			problems.add(new FieldProblem("reason", "validation.required"));
		}
		else if (reason != null && reason.length() < 10) {
			problems.add(new FieldProblem("reason", "honor.objection.reasonShort", 10));
		}
		NominationRow nomination = null;
		if (o.nominationId() == null) {
			problems.add(new FieldProblem("nominationId", "honor.objection.candidate"));
		}
		else {
			nomination = campaigns.findNomination(o.nominationId())
				.filter(n -> Long.valueOf(noticeId).equals(n.noticeId()) && n.stage() == NominationStage.IN_NOTICE).orElse(null);
			if (nomination == null) {
				problems.add(new FieldProblem("nominationId", "honor.objection.candidate"));
			}
		}
		Documents.Checked file = null;
		if (o.file() != null && o.file().length > 0) {
			try {
				file = Documents.check(o.file(), o.fileName(), NominationService.MAX_DOCUMENT_BYTES, "file");
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String hash = cipher.lookupHash(phone.get().value());
		if (!limiter.tryPhone(hash)) {
			throw new TooManyAttemptsException("objections from one phone");
		}
		long id = notices.insertObjection(new NoticeRepository.NewObjection(noticeId, nomination.id(), name, cipher.encrypt(phone.get().value()), hash,
				phone.get().masked(), reason, file == null ? null : file.fileName(), file == null ? null : file.contentType(),
				file == null ? null : file.content()), clock.instant());
		audit.record("honor.objection.receive", "honor_objection", id, "against " + nomination.name() + " from " + name + " " + phone.get().masked());
		return id;
	}

	/** Hands an objection to an investigator: a staff account of the campaign's federation or below. */
	@Transactional
	public void assign(long objectionId, String assignee) {
		ObjectionRow o = managedObjection(objectionId);
		String username = Text.clean(assignee);
		var account = username == null ? Optional.<org.gonghui.platform.AccountRef>empty() : accounts.find(username);
		SelectionCampaignRow campaign = campaignOf(o);
		if (account.isEmpty() || (account.get().role() != Role.STAFF && account.get().role() != Role.ADMIN)
				|| account.get().role() == Role.STAFF && !organizations.isWithin(account.get().organizationId(), campaign.organizationId())) {
			throw InvalidInputException.of("assignee", "honor.objection.assignee");
		}
		if (!notices.assign(objectionId, account.get().username())) {
			throw new StateConflictException("honor.objection.resolved");
		}
		audit.record("honor.objection.assign", "honor_objection", objectionId, "to " + account.get().username());
	}

	/** Records the finding; an upheld objection withdraws the candidate from the notice and the campaign. */
	@Transactional
	public void resolve(long objectionId, Finding finding, String text) {
		ObjectionRow o = managedObjection(objectionId);
		List<FieldProblem> problems = new ArrayList<>();
		if (finding == null) {
			problems.add(new FieldProblem("outcome", "validation.required"));
		}
		String written = TextChecks.text(text, "finding", 1000, problems);
		if (written == null && problems.stream().noneMatch(p -> "finding".equals(p.field()))) {
			problems.add(new FieldProblem("finding", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!notices.resolve(objectionId, finding.name(), written, currentUser.username(), clock.instant())) {
			throw new StateConflictException("honor.objection.resolved");
		}
		audit.record("honor.objection." + finding.name().toLowerCase(java.util.Locale.ROOT), "honor_objection", objectionId, o.candidateName() + ": " + written);
		if (finding == Finding.UPHELD) {
			NominationRow n = campaigns.findNomination(o.nominationId()).orElseThrow();
			if (n.stage() == NominationStage.IN_NOTICE) {
				nominations.move(n, NominationStage.WITHDRAWN, "公示期异议经核实成立: " + written);
			}
		}
	}

	/**
	 * Closes a notice that has run its course with every objection answered: candidates still on it are
	 * approved. "公示无异议" when nobody objected; otherwise the notice closes with the outcome of each.
	 */
	@Transactional
	public NoticeView close(long noticeId) {
		NoticeRow notice = notices.find(noticeId).orElseThrow(() -> new RecordNotFoundException("honor_notice", noticeId));
		SelectionCampaignRow campaign = campaignService.visible(notice.campaignId());
		requireManager(campaign);
		State state = state(notice, campaignService.today());
		if (state == State.CLOSED) {
			throw new StateConflictException("honor.notice.closed");
		}
		if (state != State.ENDED) {
			throw new StateConflictException("honor.notice.stillRunning", notice.endsOn().toString());
		}
		List<ObjectionRow> objections = notices.objections(noticeId);
		if (objections.stream().anyMatch(o -> o.status().equals("RECEIVED") || o.status().equals("INVESTIGATING"))) {
			throw new StateConflictException("honor.notice.openObjections");
		}
		String outcome = objections.isEmpty() ? "NO_OBJECTION" : "WITH_OUTCOME";
		if (!notices.close(noticeId, outcome, currentUser.username(), clock.instant())) {
			throw new StateConflictException("honor.notice.closed");
		}
		int approved = 0;
		for (NominationRow n : campaigns.nominationsInNotice(noticeId)) {
			if (n.stage() == NominationStage.IN_NOTICE) {
				nominations.move(n, NominationStage.APPROVED, outcome.equals("NO_OBJECTION") ? "公示无异议" : "公示结束");
				approved++;
			}
		}
		audit.record("honor.notice.close", "honor_notice", noticeId, campaign.title() + ": " + outcome + ", " + approved + " approved");
		return view(noticeId);
	}

	/** The result of a closed notice as a PDF, written to {@code out}; audited as an export. */
	@Transactional
	public void resultPdf(long noticeId, java.io.OutputStream out) {
		NoticeView view = view(noticeId);
		if (view.state() != State.CLOSED) {
			throw new StateConflictException("honor.notice.notClosed");
		}
		NoticeRow notice = notices.find(noticeId).orElseThrow();
		resultPdf.render(view, LocalDate.ofInstant(notice.closedAt(), HonorService.BEIJING), out);
		audit.record("honor.notice.result", "honor_notice", noticeId, view.campaignTitle() + " result PDF");
	}

	/** The objector's full phone number, for the investigator to call back; audited as every reveal. */
	@Transactional
	public String revealPhone(long objectionId) {
		ObjectionRow o = managedObjection(objectionId);
		String phone = cipher.decrypt(notices.phoneCipher(objectionId));
		audit.record("honor.objection.reveal", "honor_objection", objectionId, "phone of " + o.objectorName());
		return phone;
	}

	@Transactional(readOnly = true)
	public Optional<NominationService.StoredFile> objectionFile(long objectionId) {
		managedObjection(objectionId);
		return notices.file(objectionId);
	}

	private ObjectionRow managedObjection(long objectionId) {
		ObjectionRow o = notices.findObjection(objectionId).orElseThrow(() -> new RecordNotFoundException("honor_objection", objectionId));
		SelectionCampaignRow campaign = campaignOf(o);
		if (!campaignService.isVisible(campaign) || !campaignService.manages(campaign)) {
			throw new RecordNotFoundException("honor_objection", objectionId);
		}
		return o;
	}

	private SelectionCampaignRow campaignOf(ObjectionRow o) {
		long campaignId = notices.find(o.noticeId()).orElseThrow().campaignId();
		return campaigns.findCampaign(campaignId).orElseThrow();
	}

	private void requireManager(SelectionCampaignRow campaign) {
		if (!campaignService.manages(campaign)) {
			throw new AccessDeniedException("The campaign's federation runs its notice");
		}
	}
}
