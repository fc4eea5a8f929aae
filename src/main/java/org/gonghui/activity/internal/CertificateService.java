package org.gonghui.activity.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.gonghui.activity.CertificateStatus;
import org.gonghui.activity.internal.CertificateRepository.Certificate;
import org.gonghui.activity.internal.CertificateRepository.NewCertificate;
import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.TextChecks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificates (结业证书) of training camps: one for each trainee whose camp result says completed, issued in
 * the name of the camp's partner institution together with the organiser; a PDF in Chinese with the CJK font
 * embedded and a QR code of the public verify page; a ZIP of a whole camp; revocation by staff with a reason;
 * and the public check of a number, which tells only the status, the masked name, programme, issuer and date.
 * Staff act within their scope (outside it: not found); a worker may download their own certificate.
 */
@Service
public class CertificateService {

	static final int MAX_REASON = 200;
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final CertificateRepository certificates;
	private final ActivityRepository activities;
	private final ActivityAccess access;
	private final RegistrationService registrations;
	private final Members members;
	private final CertificatePdf pdf;
	private final VerifyRateLimiter limiter;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final String publicBaseUrl;

	CertificateService(CertificateRepository certificates, ActivityRepository activities, ActivityAccess access,
			RegistrationService registrations, Members members, CertificatePdf pdf, VerifyRateLimiter limiter, CurrentUser currentUser,
			AuditLog audit, Clock clock, PlatformTransactionManager transactions,
			@Value("${gonghui.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.certificates = certificates;
		this.activities = activities;
		this.access = access;
		this.registrations = registrations;
		this.members = members;
		this.pdf = pdf;
		this.limiter = limiter;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
	}

	/**
	 * Issues a certificate to every trainee of the camp whose result says completed and who has none yet
	 * (staff in scope). Idempotent: run again after an override turned someone to completed, it issues that
	 * one only. Returns how many were issued now.
	 */
	public int issueForCompleted(long activityId) {
		access.requireWriter();
		access.visible(activityId);
		return issue(activityId);
	}

	/**
	 * {@link #issueForCompleted} without the caller check, for the camp's completion evaluation in this
	 * package (which has checked its caller already, or runs without one).
	 */
	int issue(long activityId) {
		try {
			return transaction.execute(status -> issueInTransaction(activityId));
		}
		catch (DuplicateKeyException e) {
			// Another issuing of the same camp inserted the same trainee first (or, once in 2^75, the same
			// number came up). Running again finds their certificates and issues the rest; inside a caller's
			// transaction PostgreSQL has aborted it, so that caller retries instead.
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				throw e;
			}
			return transaction.execute(status -> issueInTransaction(activityId));
		}
	}

	private int issueInTransaction(long activityId) {
		ActivityRepository.Activity activity = activities.findById(activityId).orElseThrow(() -> new RecordNotFoundException("activity", activityId));
		List<Long> pending = certificates.completedWithoutCertificate(activityId);
		if (pending.isEmpty()) {
			return 0;
		}
		var sessions = activities.sessions(activityId);
		LocalDate startsOn = sessions.stream().map(ActivityRepository.Session::startsAt).min(Comparator.naturalOrder())
			.map(i -> LocalDate.ofInstant(i, BEIJING)).orElse(null);
		LocalDate endsOn = sessions.stream().map(ActivityRepository.Session::endsAt).max(Comparator.naturalOrder())
			.map(i -> LocalDate.ofInstant(i, BEIJING)).orElse(null);
		BigDecimal hours = hours(sessions);
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		int year = LocalDate.ofInstant(now, BEIJING).getYear();
		int issued = 0;
		for (long memberId : pending) {
			String holder = members.find(memberId).map(MemberSummary::name).orElseThrow(() -> new RecordNotFoundException("member", memberId));
			if (certificates.insert(new NewCertificate(CertificateNumbers.next(year), activityId, memberId, holder, activity.title(),
					activity.issuer(), activity.organizationName(), startsOn, endsOn, hours, now))) {
				issued++;
			}
		}
		if (issued > 0) {
			audit.record("certificate.issue", "activity", activityId, issued + " certificates");
		}
		return issued;
	}

	/** Hours of the counting sessions (those that count toward attendance), to one decimal. */
	static BigDecimal hours(List<ActivityRepository.Session> sessions) {
		long minutes = sessions.stream().filter(ActivityRepository.Session::counts)
			.mapToLong(s -> Duration.between(s.startsAt(), s.endsAt()).toMinutes())
			.sum();
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
	}

	/** The certificates of a camp, for staff in scope. */
	@Transactional(readOnly = true)
	public List<CertificateLine> list(long activityId) {
		access.requireWriter();
		access.visible(activityId);
		return certificates.ofActivity(activityId).stream().map(CertificateService::line).toList();
	}

	/** Revokes a valid certificate (staff in scope of the camp's organiser), with a reason of up to 200 characters. */
	@Transactional
	public CertificateLine revoke(String number, String reason) {
		access.requireWriter();
		Certificate c = inScope(number);
		List<FieldProblem> problems = new ArrayList<>();
		String clean = TextChecks.line(reason, "reason", MAX_REASON, problems);
		if (clean == null) {
			problems.add(new FieldProblem("reason", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (c.status() == CertificateStatus.REVOKED || !certificates.revoke(c.id(), clean, currentUser.username(), clock.instant())) {
			throw InvalidInputException.of(null, "certificate.revoke.already");
		}
		audit.record("certificate.revoke", "certificate", c.id(), c.number() + ": " + clean);
		return line(certificates.findByNumber(c.number()).orElseThrow());
	}

	/**
	 * Revokes the trainee's valid certificate of the camp, if any, when staff override their completion to
	 * "not completed" (called by {@link CampCompletion} in the same transaction, caller already checked).
	 */
	void revokeFor(long activityId, long memberId, String reason) {
		for (Certificate c : certificates.ofActivity(activityId)) {
			if (c.memberId() == memberId && c.status() == CertificateStatus.VALID
					&& certificates.revoke(c.id(), reason, currentUser.username(), clock.instant())) {
				audit.record("certificate.revoke", "certificate", c.id(), c.number() + ": " + reason);
			}
		}
	}

	/** The signed-in worker's own certificates (none for an account without a member record). */
	@Transactional(readOnly = true)
	public List<CertificateLine> mine() {
		return registrations.self().map(m -> certificates.ofMember(m.id()).stream().map(CertificateService::line).toList()).orElse(List.of());
	}

	/**
	 * The PDF of one certificate: for staff in scope of the camp's organiser, or for the holder (a worker
	 * whose account is linked to the member). Anyone else: not found.
	 */
	@Transactional
	public PdfFile pdf(String number) {
		Certificate c = readable(number);
		if (access.mayWrite()) {
			audit.record("certificate.download", "certificate", c.id(), c.number());
		}
		return new PdfFile(c.number() + ".pdf", pdf.render(c, verifyUrl(c.number())));
	}

	private Certificate readable(String number) {
		Optional<Certificate> found = CertificateNumbers.normalise(number).flatMap(certificates::findByNumber);
		if (found.isPresent()) {
			Certificate c = found.get();
			if (access.mayWrite() ? currentUser.scope().includes(c.organizationPath())
					: registrations.self().filter(m -> m.id() == c.memberId()).isPresent()) {
				return c;
			}
		}
		throw new RecordNotFoundException("certificate", number);
	}

	/**
	 * All valid certificates of a camp as one ZIP of PDFs (staff in scope). The check and the audit row come
	 * now; the archive is written later, one PDF at a time, straight to the response.
	 */
	@Transactional
	public Archive zip(long activityId) {
		access.requireWriter();
		access.visible(activityId);
		List<Certificate> valid = certificates.ofActivity(activityId).stream().filter(c -> c.status() == CertificateStatus.VALID).toList();
		audit.record("certificate.export", "activity", activityId, valid.size() + " certificates");
		return new Archive("certificates-" + activityId + ".zip", valid.size(), out -> {
			var zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
			for (Certificate c : valid) {
				zip.putNextEntry(new ZipEntry(c.number() + "-" + fileNamePart(c.holderName()) + ".pdf"));
				pdf.render(c, verifyUrl(c.number()), zip);
				zip.closeEntry();
			}
			zip.finish();
		});
	}

	/** Letters and digits of a name (Chinese included); anything else, such as a slash, becomes an underscore. */
	private static String fileNamePart(String name) {
		StringBuilder out = new StringBuilder();
		name.codePoints().limit(40).forEach(cp -> out.appendCodePoint(Character.isLetterOrDigit(cp) ? cp : '_'));
		return out.toString();
	}

	/** Counts one public lookup from the client address; false when it has made too many lately. */
	public boolean allowLookup(String clientAddress) {
		return limiter.tryAcquire(clientAddress);
	}

	public Duration lookupWindow() {
		return limiter.window();
	}

	/**
	 * The public check of a number (typed or scanned; case, dashes and the look-alikes I, L and O are
	 * forgiven): status, the holder's name masked, programme, issuer and date of issue. Nothing more: no
	 * revocation reason, no dates of the camp, no member data. Empty for a number that is not one of ours.
	 */
	@Transactional(readOnly = true)
	public Optional<Verification> verify(String number) {
		return CertificateNumbers.normalise(number)
			.flatMap(certificates::findByNumber)
			.map(c -> new Verification(c.number(), c.status(), mask(c.holderName()), c.programme(), c.issuer() != null ? c.issuer() : c.organiser(),
					LocalDate.ofInstant(c.issuedAt(), BEIJING)));
	}

	String verifyUrl(String number) {
		return publicBaseUrl + "/verify/certificates/" + number;
	}

	/** 张伟 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜: the first character, and the last one from three characters on. */
	static String mask(String name) {
		int[] cps = name.strip().codePoints().toArray();
		if (cps.length == 0) {
			return "*";
		}
		StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
		if (cps.length <= 2) {
			return out.append('*').toString();
		}
		out.append("*".repeat(cps.length - 2));
		return out.appendCodePoint(cps[cps.length - 1]).toString();
	}

	private Certificate inScope(String number) {
		return CertificateNumbers.normalise(number)
			.flatMap(certificates::findByNumber)
			.filter(c -> currentUser.scope().includes(c.organizationPath()))
			.orElseThrow(() -> new RecordNotFoundException("certificate", number));
	}

	private static CertificateLine line(Certificate c) {
		return new CertificateLine(c.number(), c.activityId(), c.memberId(), c.holderName(), c.status(), c.issuedAt(), c.hours(), c.revokedReason(),
				c.revokedBy(), c.revokedAt(), c.programme());
	}

	/** A certificate as staff see it in the camp's list. */
	public record CertificateLine(String number, long activityId, long memberId, String holderName, CertificateStatus status, Instant issuedAt,
			BigDecimal hours, String revokedReason, String revokedBy, Instant revokedAt, String programme) {

		public java.time.LocalDateTime issuedAtLocal() {
			return ActivityQueries.local(issuedAt);
		}
	}

	/** What the public verify page shows, and nothing more. */
	public record Verification(String number, CertificateStatus status, String maskedName, String programme, String issuer, LocalDate issuedOn) {

		public boolean valid() {
			return status == CertificateStatus.VALID;
		}
	}

	public record PdfFile(String filename, byte[] content) {
	}

	/** A ZIP to be written: its file name, how many PDFs it holds, and the writer. */
	public record Archive(String filename, int count, ArchiveWriter writer) {

		public void writeTo(OutputStream out) throws IOException {
			writer.writeTo(out);
		}
	}

	@FunctionalInterface
	public interface ArchiveWriter {

		void writeTo(OutputStream out) throws IOException;
	}
}
