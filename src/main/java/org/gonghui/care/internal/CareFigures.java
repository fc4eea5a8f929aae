package org.gonghui.care.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gonghui.care.Band;
import org.gonghui.care.Instrument;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What unions see of self-assessment: counts only, per organisation subtree and period — assessments taken,
 * how many fell in each band, follow-ups opened and closed in time. Any count under ten is suppressed (shown
 * as "<10", null in the API); when a single band of an instrument would be the only one suppressed, the next
 * smallest is suppressed with it, so that no suppressed count can be got back by subtraction from the total.
 * There is no way from here to a person: no rows, no names, no drill-down.
 */
@Service
public class CareFigures {

	static final int MIN_CELL = 10;
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final List<Role> READERS = List.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	CareFigures(JdbcClient jdbc, Organizations organizations, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** A count, or nothing when it is under ten. */
	public record Cell(Long count, boolean suppressed, BigDecimal share) {

		static Cell hidden() {
			return new Cell(null, true, null);
		}
	}

	public record BandCell(Band band, Long count, boolean suppressed, BigDecimal share) {
	}

	public record InstrumentFigures(Instrument instrument, Cell taken, List<BandCell> bands) {
	}

	public record Figures(long organizationId, String organizationName, LocalDate from, LocalDate to, List<InstrumentFigures> instruments,
			Cell followUpsOpened, Cell followUpsClosedInTime) {
	}

	@Transactional
	public Figures figures(Long organizationId, LocalDate from, LocalDate to) {
		if (currentUser.account().map(a -> !READERS.contains(a.role())).orElse(true)) {
			throw new AccessDeniedException("Care figures are for union staff");
		}
		LocalDate today = LocalDate.now(clock.withZone(BEIJING));
		LocalDate start = from == null ? today.withDayOfYear(1) : from;
		LocalDate end = to == null ? today : to;
		List<FieldProblem> problems = new ArrayList<>();
		// Without an organisation the caller's own is meant; an administrator (whole tree) must name one.
		long orgId = organizationId != null ? organizationId : currentUser.scope().rootPath().map(OrgPath::leafId).orElse(0L);
		var org = organizations.findVisible(orgId);
		if (organizationId == null && org.isEmpty()) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else if (org.isEmpty()) {
			problems.add(new FieldProblem("organizationId", "care.figures.organization"));
		}
		if (end.isBefore(start)) {
			problems.add(new FieldProblem("to", "care.figures.period"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String scope = org.get().path() + "%";
		Timestamp fromTs = Timestamp.from(start.atStartOfDay(BEIJING).toInstant());
		Timestamp toTs = Timestamp.from(end.plusDays(1).atStartOfDay(BEIJING).toInstant());
		Map<Instrument, Map<Band, Long>> counts = new EnumMap<>(Instrument.class);
		jdbc.sql("select instrument, band, count(*) as n from care_assessment where organization_path like :scope and taken_at >= :from"
				+ " and taken_at < :to group by instrument, band").param("scope", scope).param("from", fromTs).param("to", toTs)
			.query((rs, n) -> {
				counts.computeIfAbsent(Instrument.valueOf(rs.getString("instrument")), k -> new EnumMap<>(Band.class))
					.put(Band.valueOf(rs.getString("band")), rs.getLong("n"));
				return null;
			}).list();
		List<InstrumentFigures> instruments = new ArrayList<>();
		for (Instrument instrument : Instrument.values()) {
			Map<Band, Long> byBand = counts.getOrDefault(instrument, Map.of());
			instruments.add(suppress(instrument, byBand));
		}
		long opened = jdbc.sql("select count(*) from care_follow_up where organization_path like :scope and created_at >= :from and created_at < :to")
			.param("scope", scope).param("from", fromTs).param("to", toTs).query(Long.class).single();
		long inTime = jdbc.sql("select count(*) from care_follow_up where organization_path like :scope and created_at >= :from and created_at < :to"
				+ " and status = 'CLOSED' and closed_at <= due_at").param("scope", scope).param("from", fromTs).param("to", toTs).query(Long.class).single();
		audit.record("care.figures.read", "organization", orgId, start + " – " + end);
		return new Figures(orgId, org.get().name(), start, end, instruments, cell(opened, null), cell(inTime, opened));
	}

	static Cell cell(long count, Long total) {
		if (count < MIN_CELL) {
			return Cell.hidden();
		}
		return new Cell(count, false, total == null || total < MIN_CELL ? null : share(count, total));
	}

	private static BigDecimal share(long count, long total) {
		return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
	}

	/** The suppression rule, as a pure function of the counts. */
	static InstrumentFigures suppress(Instrument instrument, Map<Band, Long> byBand) {
		long total = byBand.values().stream().mapToLong(Long::longValue).sum();
		List<Band> bands = Scoring.bands(instrument);
		if (total < MIN_CELL) {
			return new InstrumentFigures(instrument, Cell.hidden(), bands.stream().map(b -> new BandCell(b, null, true, null)).toList());
		}
		Map<Band, Boolean> hidden = new EnumMap<>(Band.class);
		for (Band b : bands) {
			hidden.put(b, byBand.getOrDefault(b, 0L) < MIN_CELL);
		}
		if (hidden.values().stream().filter(Boolean::booleanValue).count() == 1) {
			bands.stream().filter(b -> !hidden.get(b)).min(java.util.Comparator.comparingLong(b -> byBand.getOrDefault(b, 0L)))
				.ifPresent(b -> hidden.put(b, true));
		}
		List<BandCell> cells = bands.stream().map(b -> hidden.get(b) ? new BandCell(b, null, true, null)
				: new BandCell(b, byBand.getOrDefault(b, 0L), false, share(byBand.getOrDefault(b, 0L), total))).toList();
		return new InstrumentFigures(instrument, new Cell(total, false, null), cells);
	}
}
