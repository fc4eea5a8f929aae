package org.gonghui.care.mutualaid.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gonghui.care.mutualaid.ClaimStatus;
import org.gonghui.care.mutualaid.DocumentKind;
import org.gonghui.care.mutualaid.ReviewDecision;
import org.gonghui.care.mutualaid.internal.ClaimRepository.Claim;
import org.gonghui.care.mutualaid.internal.ClaimRepository.NewClaim;
import org.gonghui.care.mutualaid.internal.EnrolmentRepository.Cover;
import org.gonghui.care.mutualaid.internal.AidPlanRepository.Benefit;
import org.gonghui.care.mutualaid.internal.AidPlanRepository.Plan;
import org.gonghui.member.MemberSummary;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.shared.Documents;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.Text;
import org.gonghui.shared.spreadsheet.SheetCells;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims from the member's phone or their union, through the review chain to the payout.
 * <ul>
 * <li>The unit union (its chair, or staff whose scope holds the union) checks the documents: the benefit's checklist
 * must be complete before the claim goes on.</li>
 * <li>The district office (staff whose scope holds the district above the union) computes the payout by the plan's
 * rules ({@link PayoutRules}) and approves; an event inside the waiting period computes 0 and is rejected.</li>
 * <li>Over {@code gonghui.aid.federation-approval-over-fen} the federation above the district approves as well.</li>
 * </ul>
 * A level holds the authority of the levels below it over its subtree, so a district reviewer may do the unit's check
 * in the same decision, and a federation reviewer the district's; never the reverse. Any step may reject with a
 * reason or ask for more documents (the member or union sends them and submits again, the unit checks again). Every
 * step has a service-level clock ({@code gonghui.aid.sla.*}); claims past it are listed as overdue.
 * <p>
 * Amounts and the diagnosis are personal data: the member sees their own claims, reviewing staff the claims in their
 * scope (each staff read of a claim is audited); other units get not found, figures only totals.
 */
@Service
public class ClaimService {

	private static final Set<ClaimStatus> ACCEPTS_DOCUMENTS = EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNIT_CHECKED, ClaimStatus.WAITING_DOCUMENTS);

	private final ClaimRepository claims;
	private final EnrolmentRepository enrolments;
	private final AidPlanService plans;
	private final AidAccess access;
	private final PersonalDataCipher cipher;
	private final AuditLog audit;
	private final Clock clock;
	private final long federationOverFen;
	private final long maxFileBytes;
	private final Sla sla;

	/** Days each step may take: the unit's check, the district's review, the federation's, the payout, the member's documents. */
	record Sla(int unit, int district, int federation, int payout, int documents) {

		Duration of(ClaimStatus status) {
			int days = switch (status) {
				case SUBMITTED -> unit;
				case UNIT_CHECKED -> district;
				case FEDERATION_REVIEW -> federation;
				case APPROVED -> payout;
				case WAITING_DOCUMENTS -> documents;
				default -> 0;
			};
			return Duration.ofDays(days);
		}
	}

	ClaimService(ClaimRepository claims, EnrolmentRepository enrolments, AidPlanService plans, AidAccess access, PersonalDataCipher cipher, AuditLog audit,
			Clock clock, @Value("${gonghui.aid.federation-approval-over-fen:2000000}") long federationOverFen,
			@Value("${gonghui.aid.max-file-bytes:5242880}") long maxFileBytes, @Value("${gonghui.aid.sla.unit-days:5}") int unitDays,
			@Value("${gonghui.aid.sla.district-days:10}") int districtDays, @Value("${gonghui.aid.sla.federation-days:5}") int federationDays,
			@Value("${gonghui.aid.sla.payout-days:5}") int payoutDays, @Value("${gonghui.aid.sla.documents-days:30}") int documentsDays) {
		this.claims = claims;
		this.enrolments = enrolments;
		this.plans = plans;
		this.access = access;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
		this.federationOverFen = federationOverFen;
		this.maxFileBytes = maxFileBytes;
		this.sla = new Sla(unitDays, districtDays, federationDays, payoutDays, documentsDays);
	}

	/** {@code memberId} may be left out by a member claiming for themselves; {@code benefit} is the benefit's code. */
	public record ClaimInput(Long planId, Long memberId, String benefit, LocalDate eventDate, String hospital, String diagnosis, Long expensesFen,
			Long otherPaidFen) {
	}

	public record StepView(ClaimStatus status, String actor, Instant at, String reason) {
	}

	public record DocumentView(long id, DocumentKind kind, String fileName, String contentType, int size, Instant uploadedAt) {
	}

	public record ChecklistItem(DocumentKind kind, boolean present) {
	}

	public record TraceStep(String code, long amountFen) {
	}

	/** A claim as its member or a reviewer in scope sees it, with what the caller may do now. */
	public record ClaimView(long id, ClaimStatus status, long planId, String planName, String benefit, String benefitName, long memberId,
			String memberName, LocalDate eventDate, String hospital, String diagnosis, long expensesFen, long otherPaidFen, Long payoutFen,
			List<TraceStep> payoutSteps, String reason, Instant submittedAt, Instant stepDueAt, boolean overdue, String paymentReference, Instant paidAt,
			List<StepView> steps, List<DocumentView> documents, List<ChecklistItem> checklist, boolean documentsComplete, boolean reviewable,
			boolean payable, boolean resubmittable, boolean acceptsDocuments) {
	}

	/** A line of a claims list (no diagnosis). */
	public record ClaimRow(long id, ClaimStatus status, String planName, String memberName, LocalDate eventDate, long expensesFen, Long payoutFen,
			Instant submittedAt, Instant stepDueAt, boolean overdue) {
	}

	public record Content(String fileName, String contentType, byte[] bytes) {
	}

	@Transactional
	public ClaimView submit(ClaimInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		MemberSummary member = claimant(in.memberId());
		if (in.planId() == null) {
			throw InvalidInputException.of("planId", "aid.field.required");
		}
		Plan plan;
		try {
			plan = plans.visible(in.planId());
		}
		catch (RecordNotFoundException e) {
			throw InvalidInputException.of("planId", "aid.claim.plan.unknown");
		}
		Benefit benefit = plans.benefit(plan.id(), in.benefit()).orElse(null);
		if (benefit == null) {
			problems.add(new FieldProblem("benefit", "aid.claim.benefit.unknown"));
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), EnrolmentService.BEIJING);
		if (in.eventDate() == null) {
			problems.add(new FieldProblem("eventDate", "aid.field.required"));
		}
		else if (in.eventDate().isAfter(today)) {
			problems.add(new FieldProblem("eventDate", "aid.claim.eventDate.future"));
		}
		AidPlanService.rangeFen(problems, "expensesFen", in.expensesFen(), 0, true);
		AidPlanService.rangeFen(problems, "otherPaidFen", in.otherPaidFen(), 0, false);
		String hospital = Text.clean(in.hospital());
		String diagnosis = Text.clean(in.diagnosis());
		if (hospital != null && hospital.length() > 100) {
			problems.add(new FieldProblem("hospital", "aid.claim.text.long", 100));
		}
		if (diagnosis != null && diagnosis.length() > 100) {
			problems.add(new FieldProblem("diagnosis", "aid.claim.text.long", 100));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Cover cover = enrolments.coverOn(member.id(), plan.id(), in.eventDate())
			.orElseThrow(() -> InvalidInputException.of("eventDate", "aid.claim.notCovered"));
		Instant now = clock.instant();
		long id = claims.insert(new NewClaim(plan.id(), benefit.id(), cover.id(), member.id(), cover.unionPath(), access.districtPath(member.unionId()),
				in.eventDate(), hospital, diagnosis == null ? null : cipher.encrypt(diagnosis), in.expensesFen(),
				in.otherPaidFen() == null ? 0 : in.otherPaidFen()), now.plus(sla.of(ClaimStatus.SUBMITTED)), access.username(), now);
		claims.step(id, ClaimStatus.SUBMITTED, access.username(), null, now);
		audit.record("aid.claim.submit", "aid_claim", id, "plan " + plan.id() + ", benefit " + benefit.code() + ", member " + member.id());
		return view(claims.findById(id).orElseThrow(), false);
	}

	/** The member a claim is for: the signed-in member themselves, or a member of a union in the staff caller's scope. */
	private MemberSummary claimant(Long memberId) {
		var own = access.member();
		if (own.isPresent()) {
			if (memberId != null && memberId != own.get().id()) {
				throw InvalidInputException.of("memberId", "aid.claim.member.unknown");
			}
			return own.get();
		}
		access.staff();
		if (memberId == null) {
			throw InvalidInputException.of("memberId", "aid.field.required");
		}
		return access.findMember(memberId).filter(m -> access.sees(m.unionPath()))
			.orElseThrow(() -> InvalidInputException.of("memberId", "aid.claim.member.unknown"));
	}

	@Transactional
	public DocumentView addDocument(long claimId, DocumentKind kind, byte[] content, String fileName) {
		Claim c = visible(claimId);
		if (kind == null) {
			throw InvalidInputException.of("kind", "aid.field.required");
		}
		Documents.Checked file = Documents.check(content, fileName, maxFileBytes, "file");
		if (!ACCEPTS_DOCUMENTS.contains(c.status())) {
			throw new StateConflictException("aid.claim.closedForDocuments");
		}
		if (claims.countDocuments(claimId) >= 20) {
			throw new StateConflictException("aid.claim.tooManyDocuments", 20);
		}
		long id = claims.insertDocument(claimId, kind, file.fileName(), file.contentType(), file.content(), access.username(), clock.instant());
		audit.record("aid.claim.document", "aid_claim", claimId, kind + ", " + file.contentType() + ", " + file.content().length + " bytes");
		return claims.documents(claimId).stream().filter(d -> d.id() == id).map(ClaimService::documentView).findFirst().orElseThrow();
	}

	@Transactional
	public ClaimView review(long claimId, ReviewDecision decision, String reason) {
		access.staff();
		Claim c = visible(claimId);
		if (decision == null) {
			throw InvalidInputException.of("decision", "aid.field.required");
		}
		String why = Text.clean(reason);
		if (why != null && why.length() > 300) {
			throw InvalidInputException.of("reason", "aid.claim.text.long", 300);
		}
		if (decision != ReviewDecision.APPROVE && why == null) {
			throw InvalidInputException.of("reason", "aid.claim.reason.required");
		}
		if (!c.status().underReview()) {
			throw new StateConflictException("aid.claim.illegal");
		}
		if (!mayActOn(c)) {
			throw new AccessDeniedException("This step belongs to another level of the review chain");
		}
		Instant now = clock.instant();
		String actor = access.username();
		switch (decision) {
			case REJECT -> moveOrConflict(c, ClaimStatus.REJECTED, c.payoutFen(), c.payoutTrace(), why, null, null, actor, now);
			case MORE_DOCUMENTS -> moveOrConflict(c, ClaimStatus.WAITING_DOCUMENTS, c.payoutFen(), c.payoutTrace(), why,
					now.plus(sla.of(ClaimStatus.WAITING_DOCUMENTS)), null, actor, now);
			case APPROVE -> approve(c, why, actor, now);
		}
		return view(claims.findById(claimId).orElseThrow(), true);
	}

	private void approve(Claim c, String note, String actor, Instant now) {
		if (c.status() == ClaimStatus.SUBMITTED && !documentsComplete(c)) {
			throw new StateConflictException("aid.claim.documentsMissing");
		}
		if (c.status() == ClaimStatus.SUBMITTED && !canDistrict(c)) {
			moveOrConflict(c, ClaimStatus.UNIT_CHECKED, null, null, note, now.plus(sla.of(ClaimStatus.UNIT_CHECKED)), null, actor, now);
			return;
		}
		if (c.status() == ClaimStatus.FEDERATION_REVIEW) {
			moveOrConflict(c, ClaimStatus.APPROVED, c.payoutFen(), c.payoutTrace(), note, now.plus(sla.of(ClaimStatus.APPROVED)), null, actor, now);
			return;
		}
		// The district's review: compute the payout by the plan's rules.
		PayoutRules.Result result = compute(c);
		if (result.outcome() == PayoutRules.Outcome.WAITING_PERIOD) {
			moveOrConflict(c, ClaimStatus.REJECTED, 0L, result.trace(), "aid.claim.rejected.waitingPeriod", null, null, actor, now);
			return;
		}
		if (result.payoutFen() > federationOverFen && !canFederation(c)) {
			moveOrConflict(c, ClaimStatus.FEDERATION_REVIEW, result.payoutFen(), result.trace(), note, now.plus(sla.of(ClaimStatus.FEDERATION_REVIEW)), null,
					actor, now);
			return;
		}
		moveOrConflict(c, ClaimStatus.APPROVED, result.payoutFen(), result.trace(), note, now.plus(sla.of(ClaimStatus.APPROVED)), null, actor, now);
	}

	PayoutRules.Result compute(Claim c) {
		Plan plan = plans.visibleUnchecked(c.planId());
		Benefit benefit = plans.benefitById(c.benefitId());
		Cover cover = enrolments.cover(c.coverId()).orElseThrow();
		long offset = plan.offsetOtherPlans() ? c.otherPaidFen() + claims.paidByOtherPlans(c.memberId(), c.planId(), c.eventDate()) : 0;
		return PayoutRules.compute(new PayoutRules.Claim(benefit.rule(), plan.periods(), cover.shares(), cover.coveredFrom(), cover.coveredUntil(),
				cover.renewal(), c.eventDate(), c.expensesFen(), offset, claims.paidInTerm(c.coverId(), c.benefitId(), c.id())));
	}

	private void moveOrConflict(Claim c, ClaimStatus to, Long payout, String trace, String reason, Instant due, String reference, String actor,
			Instant now) {
		if (!c.status().mayMoveTo(to)) {
			throw new StateConflictException("aid.claim.illegal");
		}
		if (!claims.move(c, to, payout, trace, reason, due, reference, now)) {
			throw new StateConflictException("aid.claim.changed");
		}
		claims.step(c.id(), to, actor, reason, now);
		audit.record("aid.claim." + to.name().toLowerCase(java.util.Locale.ROOT), "aid_claim", c.id(),
				c.status() + " -> " + to + (payout == null ? "" : ", payout " + payout + " fen"));
	}

	/** The member or the union sends the claim back after adding the documents asked for; the unit checks again. */
	@Transactional
	public ClaimView resubmit(long claimId) {
		Claim c = visible(claimId);
		if (c.status() != ClaimStatus.WAITING_DOCUMENTS) {
			throw new StateConflictException("aid.claim.illegal");
		}
		Instant now = clock.instant();
		moveOrConflict(c, ClaimStatus.SUBMITTED, c.payoutFen(), c.payoutTrace(), null, now.plus(sla.of(ClaimStatus.SUBMITTED)), null, access.username(),
				now);
		return view(claims.findById(claimId).orElseThrow(), false);
	}

	/** The payout was transferred (outside Gonghui): recorded with the bank's payment reference by the district or above. */
	@Transactional
	public ClaimView pay(long claimId, String paymentReference) {
		access.federationStaff();
		Claim c = visible(claimId);
		String ref = Text.clean(paymentReference);
		if (ref == null || ref.length() > 64) {
			throw InvalidInputException.of("paymentReference", "aid.enrolment.reference");
		}
		if (c.status() != ClaimStatus.APPROVED) {
			throw new StateConflictException("aid.claim.illegal");
		}
		if (!canDistrict(c)) {
			throw new AccessDeniedException("The district office records payouts");
		}
		moveOrConflict(c, ClaimStatus.PAID, c.payoutFen(), c.payoutTrace(), null, null, ref, access.username(), clock.instant());
		return view(claims.findById(claimId).orElseThrow(), true);
	}

	private boolean canUnit(Claim c) {
		return access.isStaff() && access.sees(c.unionPath());
	}

	private boolean canDistrict(Claim c) {
		return access.isFederationStaff() && access.sees(c.districtPath());
	}

	private boolean canFederation(Claim c) {
		return access.isFederationStaff() && access.sees(AidAccess.parentPath(c.districtPath())) && !AidAccess.parentPath(c.districtPath()).equals(c.districtPath());
	}

	private boolean mayActOn(Claim c) {
		return switch (c.status()) {
			case SUBMITTED -> canUnit(c);
			case UNIT_CHECKED -> canDistrict(c);
			case FEDERATION_REVIEW -> canFederation(c);
			default -> false;
		};
	}

	/** The claim if the caller is its member or staff whose scope holds its union; not found for everyone else. */
	Claim visible(long id) {
		Claim c = claims.findById(id).orElseThrow(() -> new RecordNotFoundException("aid_claim", id));
		var own = access.member();
		if (own.isPresent() ? own.get().id() != c.memberId() : !(access.isStaff() && access.sees(c.unionPath()))) {
			throw new RecordNotFoundException("aid_claim", id);
		}
		return c;
	}

	/** One claim with its steps, documents and checklist; a staff read is audited (amounts and the diagnosis are personal data). */
	@Transactional
	public ClaimView get(long id) {
		Claim c = visible(id);
		boolean staff = access.member().isEmpty();
		if (staff) {
			audit.record("aid.claim.read", "aid_claim", id, "claim of member " + c.memberId());
		}
		return view(c, staff);
	}

	@Transactional(readOnly = true)
	public List<ClaimRow> list(ClaimStatus status, boolean overdueOnly) {
		access.staff();
		Instant now = clock.instant();
		return claims.inScope(access.scopePattern(), status, overdueOnly ? now : null, 500).stream().map(c -> row(c, now)).toList();
	}

	/** The signed-in member's claims, newest first; empty for anyone else. */
	@Transactional(readOnly = true)
	public List<ClaimView> mine() {
		return access.member().map(m -> claims.ofMember(m.id()).stream().map(c -> view(c, false)).toList()).orElse(List.of());
	}

	@Transactional(readOnly = true)
	public Content document(long claimId, long documentId) {
		visible(claimId);
		var d = claims.documents(claimId).stream().filter(x -> x.id() == documentId).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("aid_claim_document", documentId));
		return new Content(d.fileName(), d.contentType(), claims.content(claimId, documentId).orElseThrow());
	}

	/** The approved claims waiting for their payout in the caller's scope, for the bank; audited as an export of personal data. */
	@Transactional
	public void bankExport(OutputStream out) throws IOException {
		access.federationStaff();
		Workbook workbook = new Workbook(out, "Gonghui", "1.0");
		Worksheet sheet = workbook.newWorksheet("互助保障给付");
		String[] headers = { "序号", "申请编号", "会员", "保障计划", "事故日期", "给付金额（元）", "给付金额（分）", "付款凭证号" };
		int[] widths = { 8, 12, 14, 36, 14, 16, 16, 24 };
		for (int col = 0; col < headers.length; col++) {
			sheet.value(0, col, headers[col]);
			sheet.style(0, col).bold().fillColor("DDEBF7").set();
			sheet.width(col, widths[col]);
		}
		int[] row = { 1 };
		claims.forEachApproved(access.scopePattern(), c -> {
			int r = row[0]++;
			sheet.value(r, 0, r);
			sheet.value(r, 1, c.id());
			SheetCells.write(sheet, r, 2, c.memberName());
			SheetCells.write(sheet, r, 3, c.planName());
			sheet.value(r, 4, c.eventDate().toString());
			SheetCells.write(sheet, r, 5, yuan(c.payoutFen() == null ? 0 : c.payoutFen()));
			sheet.value(r, 6, c.payoutFen() == null ? 0 : c.payoutFen());
		});
		workbook.finish();
		audit.record("aid.claim.export", "aid_claim", "bank", (row[0] - 1) + " approved claims");
	}

	/** Fen as yuan text with two decimals, exactly. */
	static String yuan(long fen) {
		return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100);
	}

	private boolean documentsComplete(Claim c) {
		return checklist(c).stream().allMatch(ChecklistItem::present);
	}

	private List<ChecklistItem> checklist(Claim c) {
		Set<DocumentKind> have = claims.documents(c.id()).stream().map(ClaimRepository.Document::kind).collect(Collectors.toSet());
		return plans.benefitById(c.benefitId()).documents().stream().map(k -> new ChecklistItem(k, have.contains(k))).toList();
	}

	private ClaimRow row(Claim c, Instant now) {
		return new ClaimRow(c.id(), c.status(), c.planName(), c.memberName(), c.eventDate(), c.expensesFen(), c.payoutFen(), c.submittedAt(),
				c.stepDueAt(), overdue(c, now));
	}

	private static boolean overdue(Claim c, Instant now) {
		return c.status().open() && c.stepDueAt() != null && c.stepDueAt().isBefore(now);
	}

	private ClaimView view(Claim c, boolean forStaff) {
		Benefit b = plans.benefitById(c.benefitId());
		List<ChecklistItem> checklist = checklist(c);
		boolean complete = checklist.stream().allMatch(ChecklistItem::present);
		List<TraceStep> trace = new ArrayList<>();
		if (c.payoutTrace() != null && !c.payoutTrace().isBlank()) {
			for (String part : c.payoutTrace().split(";")) {
				String[] kv = part.split("=");
				trace.add(new TraceStep(kv[0], Long.parseLong(kv[1])));
			}
		}
		var steps = claims.steps(c.id()).stream().map(s -> new StepView(s.status(), forStaff ? s.actor() : null, s.at(), s.reason())).toList();
		var documents = claims.documents(c.id()).stream().map(ClaimService::documentView).toList();
		boolean reviewable = forStaff && c.status().underReview() && mayActOn(c);
		boolean payable = forStaff && c.status() == ClaimStatus.APPROVED && canDistrict(c);
		return new ClaimView(c.id(), c.status(), c.planId(), c.planName(), b.code(), b.name(), c.memberId(), c.memberName(), c.eventDate(), c.hospital(),
				c.diagnosisCipher() == null ? null : cipher.decrypt(c.diagnosisCipher()), c.expensesFen(), c.otherPaidFen(), c.payoutFen(), trace,
				c.reason(), c.submittedAt(), c.stepDueAt(), overdue(c, clock.instant()), c.paymentReference(), c.paidAt(), steps, documents, checklist,
				complete, reviewable, payable, c.status() == ClaimStatus.WAITING_DOCUMENTS, ACCEPTS_DOCUMENTS.contains(c.status()));
	}

	private static DocumentView documentView(ClaimRepository.Document d) {
		return new DocumentView(d.id(), d.kind(), d.fileName(), d.contentType(), d.size(), d.uploadedAt());
	}
}
