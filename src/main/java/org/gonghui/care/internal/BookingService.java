package org.gonghui.care.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gonghui.care.BookingStatus;
import org.gonghui.care.SlotMode;
import org.gonghui.care.SlotStatus;
import org.gonghui.care.internal.BookingRepository.Booking;
import org.gonghui.care.internal.CounsellorRepository.Counsellor;
import org.gonghui.care.internal.SlotRepository.Slot;
import org.gonghui.care.internal.SlotService.SlotView;
import org.gonghui.member.MemberSummary;
import org.gonghui.platform.AuditLog;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings of slots. A signed-in worker who is an active member books an open slot of a counsellor serving their
 * union: one booking per slot, decided by the conditional update on the slot (of 32 workers racing, one wins, the
 * others are told it is taken) and guarded again by the unique active-slot key. A worker may cancel up to
 * {@code gonghui.care.cancel-cutoff} before the start (the slot opens again); the counsellor confirms, and once the
 * time has come marks it done or a no-show. Every step is audited without the worker's phone (the audit masks a
 * worker's username) or name.
 * <p>
 * Unions never see bookings: who talks to a counsellor is nobody's business but the worker's and the counsellor's.
 */
@Service
public class BookingService {

	private static final int MAX_LISTED = 100;

	private final BookingRepository bookings;
	private final SlotRepository slots;
	private final CounsellorRepository counsellorRows;
	private final CounsellorService counsellors;
	private final SlotService slotService;
	private final WorkerMembers workers;
	private final AuditLog audit;
	private final Clock clock;
	private final Duration cancelCutoff;

	BookingService(BookingRepository bookings, SlotRepository slots, CounsellorRepository counsellorRows, CounsellorService counsellors,
			SlotService slotService, WorkerMembers workers, AuditLog audit, Clock clock,
			@Value("${gonghui.care.cancel-cutoff:PT2H}") Duration cancelCutoff) {
		this.bookings = bookings;
		this.slots = slots;
		this.counsellorRows = counsellorRows;
		this.counsellors = counsellors;
		this.slotService = slotService;
		this.workers = workers;
		this.audit = audit;
		this.clock = clock;
		this.cancelCutoff = cancelCutoff;
	}

	/** What a booking attempt gave: the booking, and whether it is new (false for a repeated click). */
	public record Booked(long id, BookingStatus status, boolean created) {
	}

	/**
	 * A booking as the worker or the counsellor sees it. {@code memberName} only for the counsellor; the flags say
	 * what the caller may do now.
	 */
	public record BookingView(long id, BookingStatus status, boolean discreet, String memberName, SlotView slot, boolean cancellable,
			boolean confirmable, boolean closable) {
	}

	public Duration cancelCutoff() {
		return cancelCutoff;
	}

	/** The cut-off as pages say it: a message key (hours or minutes) and the amount. */
	public record Cutoff(String key, long amount) {
	}

	public Cutoff cutoff() {
		long minutes = cancelCutoff.toMinutes();
		return minutes % 60 == 0 ? new Cutoff("care.cutoff.hours", minutes / 60) : new Cutoff("care.cutoff.minutes", minutes);
	}

	@Transactional
	public Booked book(long slotId, boolean discreet) {
		MemberSummary me = workers.require();
		Slot slot = slots.findById(slotId).orElseThrow(() -> new RecordNotFoundException("slot", slotId));
		Counsellor c = counsellorRows.findById(slot.counsellorId()).orElseThrow();
		if (!counsellorRows.serves(c.id(), me.unionPath())) {
			throw new RecordNotFoundException("slot", slotId);
		}
		Optional<Booked> again = mineAlready(slotId, me);
		if (again.isPresent()) {
			return again.get();
		}
		Instant now = clock.instant();
		if (slot.status() != SlotStatus.OPEN || !slot.startsAt().isAfter(now)) {
			throw new StateConflictException("care.slot.taken");
		}
		if (bookings.upcomingOf(me.id(), now) >= SlotRules.MAX_UPCOMING) {
			throw new StateConflictException("care.booking.tooMany", SlotRules.MAX_UPCOMING);
		}
		if (slot.mode() == SlotMode.SITE && me.employerId() != null) {
			// Lock the room's neighbouring slots first, so a colleague booking next door at this moment is seen.
			slots.lockRoom(slot.siteId(), slot.startsAt().minus(SlotRules.ADJACENT_GAP), slot.endsAt().plus(SlotRules.ADJACENT_GAP));
			if (slotService.offerable(List.of(slot), me, discreet).isEmpty()) {
				throw new StateConflictException("care.slot.taken");
			}
		}
		if (!slots.take(slotId, now)) {
			// A second click of the same worker lost to the first: answer the first's booking, not "taken".
			return mineAlready(slotId, me).orElseThrow(() -> new StateConflictException("care.slot.taken"));
		}
		long id = bookings.insert(slotId, me.id(), me.employerId(), me.unionPath(), discreet, now);
		audit.record("care.booking.create", "care_booking", id, "slot " + slotId + ", counsellor " + c.id() + (discreet ? ", discreet" : ""));
		return new Booked(id, BookingStatus.BOOKED, true);
	}

	private Optional<Booked> mineAlready(long slotId, MemberSummary me) {
		return bookings.holding(slotId).filter(b -> b.memberId() == me.id()).map(b -> new Booked(b.id(), b.status(), false));
	}

	/** The worker cancels their own booking, until the cut-off; the slot opens again. */
	@Transactional
	public void cancel(long bookingId) {
		MemberSummary me = workers.require();
		Booking b = bookings.findById(bookingId).filter(x -> x.memberId() == me.id())
			.orElseThrow(() -> new RecordNotFoundException("booking", bookingId));
		Slot slot = slots.findById(b.slotId()).orElseThrow();
		Instant now = clock.instant();
		if (!b.status().upcoming()) {
			throw new StateConflictException("care.booking.illegal");
		}
		if (!SlotRules.mayCancel(slot.startsAt(), now, cancelCutoff)) {
			throw new StateConflictException("care.booking.cutoff");
		}
		if (!bookings.move(bookingId, b.status(), BookingStatus.CANCELLED, now)) {
			throw new StateConflictException("care.booking.changed");
		}
		slots.release(slot.id(), now);
		audit.record("care.booking.cancel", "care_booking", bookingId, "slot " + slot.id() + ", by the worker");
	}

	@Transactional
	public void confirm(long bookingId) {
		counsellorMove(bookingId, BookingStatus.CONFIRMED, "care.booking.confirm");
	}

	@Transactional
	public void done(long bookingId) {
		counsellorMove(bookingId, BookingStatus.DONE, "care.booking.done");
	}

	@Transactional
	public void noShow(long bookingId) {
		counsellorMove(bookingId, BookingStatus.NO_SHOW, "care.booking.noShow");
	}

	private void counsellorMove(long bookingId, BookingStatus to, String action) {
		Counsellor me = counsellors.own().orElseThrow(() -> new AccessDeniedException("Only the counsellor of the slot moves a booking"));
		Booking b = bookings.findById(bookingId).orElseThrow(() -> new RecordNotFoundException("booking", bookingId));
		Slot slot = slots.findById(b.slotId()).orElseThrow();
		if (slot.counsellorId() != me.id()) {
			throw new RecordNotFoundException("booking", bookingId);
		}
		Instant now = clock.instant();
		if (!b.status().mayMoveTo(to) || to == BookingStatus.CANCELLED) {
			throw new StateConflictException("care.booking.illegal");
		}
		if ((to == BookingStatus.DONE || to == BookingStatus.NO_SHOW) && !SlotRules.begun(slot.startsAt(), now)) {
			throw new StateConflictException("care.booking.notBegun");
		}
		if (to == BookingStatus.CONFIRMED && !now.isBefore(slot.endsAt())) {
			throw new StateConflictException("care.booking.over");
		}
		if (!bookings.move(bookingId, b.status(), to, now)) {
			throw new StateConflictException("care.booking.changed");
		}
		audit.record(action, "care_booking", bookingId, "slot " + slot.id() + ": " + b.status() + " -> " + to);
	}

	/** The signed-in worker's bookings, latest first. */
	@Transactional(readOnly = true)
	public List<BookingView> mine() {
		MemberSummary me = workers.require();
		return views(bookings.ofMember(me.id(), MAX_LISTED), false);
	}

	/** The worker's next booking still ahead, if any: the reminder on 我的. Empty for anyone but a member. */
	@Transactional(readOnly = true)
	public Optional<BookingView> next() {
		if (!workers.isWorker()) {
			return Optional.empty();
		}
		MemberSummary me;
		try {
			me = workers.require();
		}
		catch (AccessDeniedException e) {
			return Optional.empty();
		}
		return bookings.nextOf(me.id(), clock.instant()).map(b -> views(List.of(b), false).get(0));
	}

	/** One of the worker's own bookings; not found for anyone else. */
	@Transactional(readOnly = true)
	public BookingView mineOne(long bookingId) {
		MemberSummary me = workers.require();
		Booking b = bookings.findById(bookingId).filter(x -> x.memberId() == me.id())
			.orElseThrow(() -> new RecordNotFoundException("booking", bookingId));
		return views(List.of(b), false).get(0);
	}

	/** The bookings holding the signed-in counsellor's slots that have not ended long ago, soonest first. */
	@Transactional(readOnly = true)
	public List<BookingView> desk() {
		Counsellor me = counsellors.own().orElseThrow(() -> new AccessDeniedException("Only counsellors with a profile have a desk"));
		return views(bookings.ofCounsellor(me.id(), clock.instant().minus(Duration.ofDays(14)), MAX_LISTED), true);
	}

	private List<BookingView> views(List<Booking> rows, boolean forCounsellor) {
		Map<Long, Slot> slotsById = rows.stream().map(b -> slots.findById(b.slotId()).orElseThrow())
			.collect(Collectors.toMap(Slot::id, Function.identity(), (a, b) -> a));
		Map<Long, String> names = slotsById.values().stream().map(Slot::counsellorId).distinct()
			.collect(Collectors.toMap(Function.identity(), id -> counsellorRows.findById(id).map(Counsellor::name).orElse("—")));
		Map<Long, SlotView> slotViews = slotService.views(List.copyOf(slotsById.values()), names, true).stream()
			.collect(Collectors.toMap(SlotView::id, Function.identity()));
		Instant now = clock.instant();
		return rows.stream().map(b -> {
			Slot s = slotsById.get(b.slotId());
			SlotView v = slotViews.get(s.id());
			// A worker sees the video link only while the booking holds the slot.
			if (!forCounsellor && !b.status().holdsSlot()) {
				v = new SlotView(v.id(), v.counsellorId(), v.counsellorName(), v.startsAt(), v.endsAt(), v.mode(), v.siteId(), v.siteName(),
						v.siteAddress(), v.location(), null, v.status());
			}
			boolean cancellable = !forCounsellor && b.status().upcoming() && SlotRules.mayCancel(s.startsAt(), now, cancelCutoff);
			boolean confirmable = forCounsellor && b.status() == BookingStatus.BOOKED && now.isBefore(s.endsAt());
			boolean closable = forCounsellor && b.status().upcoming() && SlotRules.begun(s.startsAt(), now);
			return new BookingView(b.id(), b.status(), b.discreet(), forCounsellor ? b.memberName() : null, v, cancellable, confirmable, closable);
		}).toList();
	}
}
