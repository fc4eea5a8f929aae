package org.gonghui.care.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gonghui.care.BookingStatus;
import org.gonghui.care.internal.BookingRepository.Booking;
import org.gonghui.care.internal.CounsellorRepository.Counsellor;
import org.gonghui.care.internal.SessionNoteRepository.Consent;
import org.gonghui.care.internal.SessionNoteRepository.Note;
import org.gonghui.care.internal.SlotRepository.Slot;
import org.gonghui.member.MemberSummary;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.TextChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Session notes. The counsellor of an appointment that took place writes one note about it; the text is encrypted
 * at rest and readable by that counsellor — and by a successor, another counsellor the worker names, for as long
 * as the worker's consent lasts. Nobody else: union staff, administrators and other counsellors are told the note
 * does not exist (404), as for assessments. Every read by a counsellor is audited; the audit never holds the text.
 * Notes appear in no export and no union view; only this service decrypts them.
 */
@Service
public class SessionNoteService {

	static final int MAX_LENGTH = 4000;
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

	private final SessionNoteRepository notes;
	private final BookingRepository bookings;
	private final SlotRepository slots;
	private final CounsellorService counsellors;
	private final AssessmentRepository choices;
	private final WorkerMembers workers;
	private final PersonalDataCipher cipher;
	private final AuditLog audit;
	private final Clock clock;

	SessionNoteService(SessionNoteRepository notes, BookingRepository bookings, SlotRepository slots, CounsellorService counsellors,
			AssessmentRepository choices, WorkerMembers workers, PersonalDataCipher cipher, AuditLog audit, Clock clock) {
		this.notes = notes;
		this.bookings = bookings;
		this.slots = slots;
		this.counsellors = counsellors;
		this.choices = choices;
		this.workers = workers;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** A note as its reader sees it; {@code editable} only for its author. */
	public record NoteView(long bookingId, String counsellorName, Instant sessionAt, String text, Instant updatedAt, boolean editable) {

		public String sessionWhen() {
			return WHEN.format(sessionAt);
		}

		public String updatedWhen() {
			return WHEN.format(updatedAt);
		}
	}

	/** The appointment a note is about, for the counsellor's note page: the worker's name and whether it took place. */
	public record NoteSubject(long bookingId, String memberName, Instant sessionAt, BookingStatus status, Optional<NoteView> note) {

		public String sessionWhen() {
			return WHEN.format(sessionAt);
		}

		public boolean writable() {
			return status == BookingStatus.DONE;
		}
	}

	/** A worker's consent as the worker sees it. */
	public record ConsentView(long id, long counsellorId, String counsellorName, Instant grantedAt, Instant revokedAt) {

		public boolean live() {
			return revokedAt == null;
		}

		public String grantedWhen() {
			return WHEN.format(grantedAt);
		}

		public String revokedWhen() {
			return revokedAt == null ? null : WHEN.format(revokedAt);
		}
	}

	/** A worker who named the signed-in counsellor as successor: the consent and the notes it opens. */
	public record Referral(long consentId, String memberName, Instant grantedAt, List<NoteView> notes) {

		public String grantedWhen() {
			return WHEN.format(grantedAt);
		}
	}

	/** The appointment and its note, for its counsellor only (the read of an existing note is audited). */
	@Transactional
	public NoteSubject subject(long bookingId) {
		Authored a = authored(bookingId);
		Optional<NoteView> note = notes.ofBooking(bookingId).map(n -> read(n, a.counsellor().id()));
		return new NoteSubject(bookingId, a.booking().memberName(), a.slot().startsAt(), a.booking().status(), note);
	}

	/** Writes (or rewrites) the note of an appointment that took place. Blank or too long: 400, nothing stored. */
	@Transactional
	public NoteView write(long bookingId, String text) {
		Authored a = authored(bookingId);
		List<FieldProblem> problems = new ArrayList<>();
		String body = TextChecks.text(text, "text", MAX_LENGTH, problems);
		if (body == null && problems.isEmpty()) {
			problems.add(new FieldProblem("text", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		notes.lockBooking(bookingId);
		Booking fresh = bookings.findById(bookingId).orElseThrow();
		if (fresh.status() != BookingStatus.DONE) {
			throw new StateConflictException("care.note.notDone");
		}
		Instant now = clock.instant();
		notes.save(bookingId, a.counsellor().id(), fresh.memberId(), cipher.encrypt(body), now);
		audit.record("care.note.write", "care_booking", bookingId, "session note saved (" + body.length() + " characters)");
		return new NoteView(bookingId, a.counsellor().name(), a.slot().startsAt(), body, now, true);
	}

	/** The note of an appointment, for its author or a successor the worker consented to; 404 for anyone else. */
	@Transactional
	public NoteView note(long bookingId) {
		Counsellor me = counsellors.own().orElseThrow(() -> new RecordNotFoundException("care_session_note", bookingId));
		Note n = notes.ofBooking(bookingId).orElseThrow(() -> new RecordNotFoundException("care_session_note", bookingId));
		if (n.counsellorId() != me.id() && notes.live(n.memberId(), me.id()).isEmpty()) {
			throw new RecordNotFoundException("care_session_note", bookingId);
		}
		return read(n, me.id());
	}

	/** The workers who named the signed-in counsellor as successor, without their notes (nothing is read here). */
	@Transactional(readOnly = true)
	public List<Referral> referrals() {
		Counsellor me = counsellors.own().orElseThrow(() -> new RecordNotFoundException("care_note_consent", 0));
		return notes.liveFor(me.id()).stream().map(k -> new Referral(k.id(), k.memberName(), k.grantedAt(), List.of())).toList();
	}

	/** One referral with every note about the worker; each note read is audited. 404 unless the consent is live and names me. */
	@Transactional
	public Referral referral(long consentId) {
		Counsellor me = counsellors.own().orElseThrow(() -> new RecordNotFoundException("care_note_consent", consentId));
		Consent k = notes.consent(consentId).filter(c -> c.revokedAt() == null && c.counsellorId() == me.id())
			.orElseThrow(() -> new RecordNotFoundException("care_note_consent", consentId));
		List<NoteView> read = notes.ofMember(k.memberId()).stream().map(n -> read(n, me.id())).toList();
		return new Referral(k.id(), k.memberName(), k.grantedAt(), read);
	}

	/** The signed-in worker's consents, live ones first. */
	@Transactional(readOnly = true)
	public List<ConsentView> consents() {
		MemberSummary me = workers.require();
		return notes.consentsOf(me.id()).stream().map(SessionNoteService::view).toList();
	}

	/** The worker names a counsellor serving their union as successor; naming one already named answers that consent. */
	@Transactional
	public Granted grant(Long counsellorId) {
		MemberSummary me = workers.require();
		if (counsellorId == null || choices.counsellorsServing(me.unionPath()).stream().noneMatch(c -> c.id() == counsellorId)) {
			throw new InvalidInputException(List.of(new FieldProblem("counsellorId", "care.assessment.counsellorUnknown")));
		}
		Optional<Consent> live = notes.live(me.id(), counsellorId);
		if (live.isPresent()) {
			return new Granted(view(live.get()), false);
		}
		long id = notes.grant(me.id(), counsellorId, clock.instant());
		audit.record("care.note.consent", "care_note_consent", id, "worker lets counsellor " + counsellorId + " read their session notes");
		return new Granted(view(notes.consent(id).orElseThrow()), true);
	}

	/** A consent and whether this request created it (false when it was already granted). */
	public record Granted(ConsentView consent, boolean created) {
	}

	/** The worker withdraws a consent; from now on the counsellor is told the notes do not exist. */
	@Transactional
	public void revoke(long consentId) {
		MemberSummary me = workers.require();
		Consent k = notes.consent(consentId).filter(c -> c.memberId() == me.id())
			.orElseThrow(() -> new RecordNotFoundException("care_note_consent", consentId));
		if (k.revokedAt() == null && notes.revoke(consentId, me.id(), clock.instant())) {
			audit.record("care.note.revoke", "care_note_consent", consentId, "worker withdrew counsellor " + k.counsellorId() + "'s access");
		}
	}

	private NoteView read(Note n, long readerId) {
		audit.record("care.note.read", "care_session_note", n.id(),
				n.counsellorId() == readerId ? "read by its author" : "read by counsellor " + readerId + " with the worker's consent");
		return new NoteView(n.bookingId(), n.counsellorName(), n.slotStartsAt(), cipher.decrypt(n.bodyCipher()), n.updatedAt(), n.counsellorId() == readerId);
	}

	private record Authored(Counsellor counsellor, Booking booking, Slot slot) {
	}

	/** The booking if the signed-in counsellor holds its slot; not found for anyone else, staff and administrators included. */
	private Authored authored(long bookingId) {
		Counsellor me = counsellors.own().orElseThrow(() -> new RecordNotFoundException("booking", bookingId));
		Booking b = bookings.findById(bookingId).orElseThrow(() -> new RecordNotFoundException("booking", bookingId));
		Slot slot = slots.findById(b.slotId()).orElseThrow();
		if (slot.counsellorId() != me.id()) {
			throw new RecordNotFoundException("booking", bookingId);
		}
		return new Authored(me, b, slot);
	}

	private static ConsentView view(Consent k) {
		return new ConsentView(k.id(), k.counsellorId(), k.counsellorName(), k.grantedAt(), k.revokedAt());
	}
}
