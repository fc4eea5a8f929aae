package org.gonghui.care.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gonghui.care.SlotMode;
import org.gonghui.care.SlotStatus;
import org.gonghui.care.internal.CounsellorRepository.Counsellor;
import org.gonghui.care.internal.SlotRepository.Slot;
import org.gonghui.care.internal.SlotRules.Neighbour;
import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteSummary;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.Sites;
import org.gonghui.member.MemberSummary;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Availability slots. The counsellor, or staff in scope of the counsellor, add slots: at a 心理减压室 (an open
 * DECOMPRESSION_ROOM site the caller may use), by phone (the number the worker calls), by video (an https link) or
 * at a workplace on a caravan day (the place). A slot ends after it starts, lies ahead (at most half a year), lasts
 * 15 minutes to 4 hours and overlaps no other slot of the counsellor (checked under a lock on the counsellor).
 * Workers see the open slots of the counsellors serving their union; a video link only once they hold the slot.
 */
@Service
public class SlotService {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	/** How far ahead workers are offered slots. */
	static final Duration OFFER_WINDOW = Duration.ofDays(60);
	private static final int MAX_LISTED = 200;

	private final SlotRepository slots;
	private final CounsellorRepository counsellorRows;
	private final CounsellorService counsellors;
	private final WorkerMembers workers;
	private final Sites sites;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	private final CounsellorPhotoService photos;

	SlotService(SlotRepository slots, CounsellorRepository counsellorRows, CounsellorService counsellors, WorkerMembers workers, Sites sites,
			CurrentUser currentUser, AuditLog audit, Clock clock, CounsellorPhotoService photos) {
		this.photos = photos;
		this.slots = slots;
		this.counsellorRows = counsellorRows;
		this.counsellors = counsellors;
		this.workers = workers;
		this.sites = sites;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new slot; a date-time without an offset in the JSON API is Beijing time. */
	public record NewSlot(Instant startsAt, Instant endsAt, SlotMode mode, Long siteId, String location, String link) {
	}

	/** A slot as pages and the API show it. {@code link} is null for workers who do not hold the slot. */
	public record SlotView(long id, long counsellorId, String counsellorName, Instant startsAt, Instant endsAt, SlotMode mode, Long siteId,
			String siteName, String siteAddress, String location, String link, SlotStatus status) {

		private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
		private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

		/** The day in Beijing time, as pages show it. */
		public String day() {
			return DAY.format(startsAt.atZone(BEIJING));
		}

		/** "14:00–14:50" in Beijing time. */
		public String hours() {
			return TIME.format(startsAt.atZone(BEIJING)) + "–" + TIME.format(endsAt.atZone(BEIJING));
		}

		/** Where, in one line: the room's name, the workplace, or the number to call. */
		public String place() {
			return switch (mode) {
				case SITE -> siteName;
				case PHONE, WORKPLACE -> location;
				case VIDEO -> null;
			};
		}
	}

	/** A counsellor serving the worker's union, with the slots the worker may book. */
	/** {@code photoVersion}: the version of the counsellor's photo (part of its address), null without one. */
	public record CounsellorOffer(long id, String name, String credential, String credentialBody, String affiliation, String languages, String bio,
			Integer photoVersion, List<SlotView> slots) {
	}

	@Transactional
	public long add(long counsellorId, NewSlot in) {
		Counsellor c = counsellors.manageable(counsellorId);
		if (in == null) {
			throw InvalidInputException.of(null, "validation.unreadableBody");
		}
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		SlotRules.checkTimes(in.startsAt(), in.endsAt(), now, problems);
		Long siteId = null;
		String location = null;
		String link = null;
		if (in.mode() == null) {
			problems.add(new FieldProblem("mode", "validation.required"));
		}
		else {
			switch (in.mode()) {
				case SITE -> {
					if (in.siteId() == null) {
						problems.add(new FieldProblem("siteId", "validation.required"));
					}
					else {
						Optional<SiteSummary> site = sites.findUsable(in.siteId());
						if (site.isEmpty() || site.get().type() != SiteType.DECOMPRESSION_ROOM || site.get().status() != SiteStatus.OPEN) {
							problems.add(new FieldProblem("siteId", "care.slot.site"));
						}
						else {
							siteId = site.get().id();
						}
					}
				}
				case PHONE -> {
					location = TextChecks.line(in.location(), "location", 30, problems);
					if (location == null) {
						problems.add(new FieldProblem("location", "care.slot.phone"));
					}
					else if (location.length() <= 30 && !SlotRules.isPhone(Text.toHalfWidth(location))) {
						problems.add(new FieldProblem("location", "care.slot.phone"));
					}
					location = location == null ? null : Text.toHalfWidth(location);
				}
				case VIDEO -> {
					link = Text.clean(in.link());
					if (!SlotRules.isLink(link)) {
						problems.add(new FieldProblem("link", "care.slot.link.invalid"));
					}
				}
				case WORKPLACE -> {
					location = TextChecks.line(in.location(), "location", 200, problems);
					if (location == null) {
						problems.add(new FieldProblem("location", "care.slot.workplace"));
					}
				}
			}
		}
		if (!c.active()) {
			problems.add(new FieldProblem(null, "care.slot.inactive"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		counsellorRows.lock(c.id());
		if (slots.overlaps(c.id(), in.startsAt(), in.endsAt())) {
			throw InvalidInputException.of("startsAt", "care.slot.overlap");
		}
		long id = slots.insert(c.id(), in.startsAt(), in.endsAt(), in.mode(), siteId, location, link, currentUser.username(), now);
		audit.record("care.slot.create", "care_slot", id, c.name() + ": " + in.startsAt() + ".." + in.endsAt() + ", " + in.mode()
				+ (siteId == null ? "" : " site " + siteId));
		return id;
	}

	/** Withdraws an open slot (the counsellor or staff in scope); a booked one stays. */
	@Transactional
	public void withdraw(long slotId) {
		Slot slot = slots.findById(slotId).orElseThrow(() -> new RecordNotFoundException("slot", slotId));
		Counsellor c = counsellors.manageable(slot.counsellorId());
		if (!slots.withdraw(slotId, clock.instant())) {
			throw new StateConflictException("care.slot.notOpen");
		}
		audit.record("care.slot.withdraw", "care_slot", slotId, c.name() + ": " + slot.startsAt());
	}

	/** A counsellor's coming slots (and those running now), for the counsellor and staff in scope. */
	@Transactional(readOnly = true)
	public List<SlotView> ofCounsellor(long counsellorId) {
		Counsellor c = counsellors.manageable(counsellorId);
		return views(slots.ofCounsellor(c.id(), clock.instant(), MAX_LISTED), Map.of(c.id(), c.name()), true);
	}

	/** The 心理减压室 the caller may hold slots in (open rooms in their scope). */
	@Transactional(readOnly = true)
	public List<SiteSummary> rooms() {
		return sites.openInScope(SiteType.DECOMPRESSION_ROOM, 100);
	}

	/**
	 * The counsellors serving the signed-in worker's union with their open slots of the coming weeks. With
	 * {@code discreet}, slots back-to-back in one room with a booking of a colleague (same employer) are left out,
	 * and so are such slots next to a colleague who asked for discretion, whatever this worker chose.
	 */
	@Transactional(readOnly = true)
	public List<CounsellorOffer> offer(boolean discreet) {
		MemberSummary me = workers.require();
		List<Counsellor> serving = counsellorRows.serving(me.unionPath());
		Map<Long, String> names = serving.stream().collect(Collectors.toMap(Counsellor::id, Counsellor::name));
		Instant now = clock.instant();
		List<Slot> open = offerable(slots.open(names.keySet(), now, now.plus(OFFER_WINDOW), MAX_LISTED), me, discreet);
		Map<Long, List<SlotView>> byCounsellor = views(open, names, false).stream().collect(Collectors.groupingBy(SlotView::counsellorId));
		Map<Long, Integer> photoVersions = photos.versions(names.keySet());
		return serving.stream()
			.map(c -> new CounsellorOffer(c.id(), c.name(), c.credential(), c.credentialBody(), c.affiliation(), c.languages(), c.bio(),
					photoVersions.get(c.id()), byCounsellor.getOrDefault(c.id(), List.of())))
			.toList();
	}

	/** The open slots of one counsellor serving the worker, as {@link #offer} gives them; not found otherwise. */
	@Transactional(readOnly = true)
	public List<SlotView> offeredOf(long counsellorId, boolean discreet) {
		return offer(discreet).stream().filter(o -> o.id() == counsellorId).findFirst().map(CounsellorOffer::slots)
			.orElseThrow(() -> new RecordNotFoundException("counsellor", counsellorId));
	}

	/** One open slot the worker may book, for the confirmation page; not found otherwise. */
	@Transactional(readOnly = true)
	public SlotView offered(long slotId, boolean discreet) {
		MemberSummary me = workers.require();
		Slot slot = slots.findById(slotId).orElseThrow(() -> new RecordNotFoundException("slot", slotId));
		Counsellor c = counsellorRows.findById(slot.counsellorId()).orElseThrow();
		if (!counsellorRows.serves(c.id(), me.unionPath())) {
			throw new RecordNotFoundException("slot", slotId);
		}
		// Taken, past, withdrawn or kept free by the discretion rule: one answer, so no colleague's booking shows through.
		if (slot.status() != SlotStatus.OPEN || !slot.startsAt().isAfter(clock.instant()) || offerable(List.of(slot), me, discreet).isEmpty()) {
			throw new StateConflictException("care.slot.taken");
		}
		return views(List.of(slot), Map.of(c.id(), c.name()), false).get(0);
	}

	/** The slots among {@code open} the discretion rule lets this worker book. */
	List<Slot> offerable(List<Slot> open, MemberSummary me, boolean discreet) {
		if (me.employerId() == null) {
			return open;
		}
		List<Slot> inRooms = open.stream().filter(s -> s.siteId() != null).toList();
		if (inRooms.isEmpty()) {
			return open;
		}
		Instant from = inRooms.stream().map(Slot::startsAt).min(Instant::compareTo).orElseThrow().minus(SlotRules.ADJACENT_GAP);
		Instant to = inRooms.stream().map(Slot::endsAt).max(Instant::compareTo).orElseThrow().plus(SlotRules.ADJACENT_GAP);
		List<Neighbour> near = slots.sameEmployerInRooms(inRooms.stream().map(Slot::siteId).distinct().toList(), me.employerId(), from, to);
		return open.stream()
			.filter(s -> s.siteId() == null || !SlotRules.discretionConflict(s.startsAt(), s.endsAt(), discreet,
					near.stream().filter(n -> n.siteId() == s.siteId() && n.slotId() != s.id()).toList()))
			.toList();
	}

	/** Views of slots; rooms are looked up once each. */
	List<SlotView> views(List<Slot> rows, Map<Long, String> counsellorNames, boolean showLinks) {
		Map<Long, Optional<SiteSummary>> rooms = new HashMap<>();
		return rows.stream().map(s -> {
			SiteSummary site = s.siteId() == null ? null : rooms.computeIfAbsent(s.siteId(), sites::find).orElse(null);
			return new SlotView(s.id(), s.counsellorId(), counsellorNames.get(s.counsellorId()), s.startsAt(), s.endsAt(), s.mode(), s.siteId(),
					site == null ? null : site.name(), site == null ? null : site.address(), s.location(), showLinks ? s.link() : null, s.status());
		}).toList();
	}
}
