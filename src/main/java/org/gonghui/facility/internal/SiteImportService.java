package org.gonghui.facility.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.Crs;
import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.internal.SiteService.SiteCommand;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.platform.AuditLog;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.spreadsheet.SheetHeader;
import org.gonghui.shared.spreadsheet.SheetReader;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of sites from the sheet staff keep (.xlsx or .csv, the columns of {@link SiteColumns}).
 * Each row is checked by the same rules as the form and stored in its own transaction: a good row is
 * stored, a bad one is reported with its Excel row number, column and reason and stores nothing. A row
 * with a site number (站点编号, as the export writes it) updates that site's details when they differ
 * and is skipped when they do not, so export → edit → import round-trips; status moves stay on the
 * site's page, where they carry a date and a note. A row without a number whose organisation already
 * has a site of that name is skipped, so importing the same file twice creates nothing the second time.
 */
@Service
public class SiteImportService {

	/** The largest sheet accepted, in bytes. */
	public static final long MAX_BYTES = 5L * 1024 * 1024;
	/**
	 * Site files are small (a district's sites), so they are read whole: 5 MB, 60 MB unpacked (a zip bomb is
	 * refused before a cell is read), 5,000 rows.
	 */
	static final SheetReader.SheetLimits LIMITS = new SheetReader.SheetLimits(MAX_BYTES, 60L * 1024 * 1024, 5000);

	private final SiteService sites;
	private final SiteQueries queries;
	private final SiteRepository repository;
	private final AuditLog audit;
	private final MessageSource messages;
	private final TransactionTemplate rowTransaction;
	private final org.gonghui.organization.Organizations organizations;

	SiteImportService(SiteService sites, SiteQueries queries, SiteRepository repository, AuditLog audit, MessageSource messages,
			PlatformTransactionManager tx, org.gonghui.organization.Organizations organizations) {
		this.organizations = organizations;
		this.sites = sites;
		this.queries = queries;
		this.repository = repository;
		this.audit = audit;
		this.messages = messages;
		this.rowTransaction = new TransactionTemplate(tx);
	}

	public ImportReport importSheet(String filename, byte[] content) {
		if (!queries.mayWrite()) {
			throw new AccessDeniedException("Not allowed to manage sites");
		}
		SheetReader.Sheet sheet = SheetReader.read(filename, content, LIMITS);
		SheetHeader<SiteColumns> header = SheetHeader.match(SiteColumns.class, sheet.header());
		if (!header.missing().isEmpty()) {
			throw InvalidInputException.of("file", "site.import.missingColumns", SheetHeader.names(header.missing()));
		}
		Map<SiteColumns, Integer> positions = header.positions();
		// Owner names are looked up as they come (each distinct name once), not by loading the whole scope.
		Map<String, List<OrganizationSummary>> owners = new LinkedHashMap<>();
		Locale locale = LocaleContextHolder.getLocale();
		int created = 0;
		int updated = 0;
		List<Integer> skippedRows = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		for (SheetReader.SheetRow row : sheet.rows()) {
			List<RowProblem> rowProblems = new ArrayList<>();
			SiteCommand command = parse(row, positions, owners, rowProblems, locale);
			Long code = code(row, positions, rowProblems, locale);
			if (command != null && rowProblems.isEmpty() && code != null) {
				try {
					boolean changed = Boolean.TRUE.equals(rowTransaction.execute(status -> sites.update(code, queries.get(code).version(), command)));
					if (changed) {
						updated++;
					}
					else {
						skippedRows.add(row.number());
					}
				}
				catch (org.gonghui.shared.RecordNotFoundException e) {
					rowProblems.add(new RowProblem(row.number(), SiteColumns.CODE.header(), messages.getMessage("site.import.codeUnknown", null, locale)));
				}
				catch (InvalidInputException e) {
					for (FieldProblem p : e.problems()) {
						rowProblems.add(new RowProblem(row.number(), SiteColumns.forField(p.field()).map(SiteColumns::header).orElse(""),
								messages.getMessage(p.code(), p.args(), p.code(), locale)));
					}
				}
			}
			else if (command != null && rowProblems.isEmpty()) {
				if (repository.nameTaken(command.organizationId(), SiteChecks.cleanName(command.name()), null)) {
					skippedRows.add(row.number());
					continue;
				}
				try {
					rowTransaction.executeWithoutResult(status -> sites.create(command));
					created++;
				}
				catch (InvalidInputException e) {
					for (FieldProblem p : e.problems()) {
						rowProblems.add(new RowProblem(row.number(), SiteColumns.forField(p.field()).map(SiteColumns::header).orElse(""),
								messages.getMessage(p.code(), p.args(), p.code(), locale)));
					}
				}
			}
			problems.addAll(rowProblems);
		}
		int failedRows = (int) problems.stream().mapToInt(RowProblem::row).distinct().count();
		audit.record("site.import", "site", null, (filename == null ? "" : filename) + ": " + sheet.rows().size() + " rows, " + created
				+ " created, " + updated + " updated, " + skippedRows.size() + " skipped, " + failedRows + " refused");
		return new ImportReport(sheet.rows().size(), created, updated, skippedRows.size(), failedRows, problems, skippedRows);
	}

	private SiteCommand parse(SheetReader.SheetRow row, Map<SiteColumns, Integer> positions, Map<String, List<OrganizationSummary>> owners,
			List<RowProblem> problems, Locale locale) {
		java.util.function.Function<SiteColumns, String> cell = c -> {
			Integer at = positions.get(c);
			return at == null || at >= row.cells().size() ? null : row.cells().get(at);
		};
		java.util.function.BiConsumer<SiteColumns, String> problem = (column, code) -> problems
			.add(new RowProblem(row.number(), column.header(), messages.getMessage(code, null, code, locale)));
		Long organizationId = null;
		String ownerName = cell.apply(SiteColumns.ORGANIZATION);
		if (ownerName == null) {
			problem.accept(SiteColumns.ORGANIZATION, "validation.required");
		}
		else {
			List<OrganizationSummary> matches = owners.computeIfAbsent(ownerName.strip(), organizations::visibleNamed);
			if (matches.size() == 1) {
				organizationId = matches.get(0).id();
			}
			else {
				problem.accept(SiteColumns.ORGANIZATION, matches.isEmpty() ? "site.organization.notFound" : "site.import.organizationAmbiguous");
			}
		}
		SiteType type = SiteColumns.choice(cell.apply(SiteColumns.TYPE), SiteType.values(), "site.type.", messages);
		if (type == null) {
			problem.accept(SiteColumns.TYPE, cell.apply(SiteColumns.TYPE) == null ? "validation.required" : "site.import.unknownType");
		}
		Double lat = number(cell.apply(SiteColumns.LAT), SiteColumns.LAT, problem);
		Double lon = number(cell.apply(SiteColumns.LON), SiteColumns.LON, problem);
		Crs crs = Crs.WGS84;
		String crsText = cell.apply(SiteColumns.CRS);
		if (crsText != null) {
			String normalised = crsText.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
			if (normalised.startsWith("GCJ") || crsText.contains("高德") || crsText.contains("腾讯") || crsText.contains("火星")) {
				crs = Crs.GCJ02;
			}
			else if (!normalised.startsWith("WGS") && !crsText.contains("GPS") && !crsText.contains("天地图")) {
				problem.accept(SiteColumns.CRS, "site.import.unknownCrs");
			}
		}
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		String amenityText = cell.apply(SiteColumns.AMENITIES);
		if (amenityText != null) {
			for (String item : amenityText.split("[、,，;；|]+")) {
				// "/" separates amenities too, but a label may hold one ("空调/暖气", as the export writes it): whole labels first.
				boolean label = SiteColumns.choice(item.strip(), Amenity.values(), "site.amenity.", messages) != null;
				for (String part : label ? new String[] { item } : item.split("/+")) {
					if (part.isBlank()) {
						continue;
					}
					Amenity a = SiteColumns.choice(part.strip(), Amenity.values(), "site.amenity.", messages);
					if (a == null) {
						problems.add(new RowProblem(row.number(), SiteColumns.AMENITIES.header(),
								messages.getMessage("site.import.unknownAmenity", new Object[] { part.strip() }, locale)));
					}
					else {
						amenities.add(a);
					}
				}
			}
		}
		Integer capacity = null;
		Double capacityNumber = number(cell.apply(SiteColumns.CAPACITY), SiteColumns.CAPACITY, problem);
		if (capacityNumber != null) {
			if (capacityNumber != Math.rint(capacityNumber) || Math.abs(capacityNumber) > Integer.MAX_VALUE) {
				problem.accept(SiteColumns.CAPACITY, "validation.typeMismatch");
			}
			else {
				capacity = capacityNumber.intValue();
			}
		}
		SiteStatus status = SiteStatus.PLANNED;
		String statusText = cell.apply(SiteColumns.STATUS);
		if (statusText != null) {
			status = SiteColumns.choice(statusText, SiteStatus.values(), "site.status.", messages);
			if (status == null) {
				problem.accept(SiteColumns.STATUS, "site.import.unknownStatus");
			}
		}
		LocalDate since = date(cell.apply(SiteColumns.STATUS_SINCE), problem);
		Boolean isPublic = true;
		String publicText = cell.apply(SiteColumns.PUBLIC);
		if (publicText != null) {
			isPublic = switch (publicText.strip().toLowerCase(Locale.ROOT)) {
				case "是", "公开", "y", "yes", "true", "1" -> true;
				case "否", "不公开", "n", "no", "false", "0" -> false;
				default -> {
					problem.accept(SiteColumns.PUBLIC, "site.import.yesNo");
					yield null;
				}
			};
		}
		return new SiteCommand(organizationId, type, cell.apply(SiteColumns.NAME), cell.apply(SiteColumns.ADDRESS), lat, lon, crs,
				cell.apply(SiteColumns.HOURS), amenities, capacity, cell.apply(SiteColumns.CONTACT_NAME), cell.apply(SiteColumns.CONTACT_PHONE),
				cell.apply(SiteColumns.DESCRIPTION), status, since, isPublic);
	}

	/** The site number of the row, if it has one; a number that is not one is a row problem. */
	private Long code(SheetReader.SheetRow row, Map<SiteColumns, Integer> positions, List<RowProblem> problems, Locale locale) {
		Integer at = positions.get(SiteColumns.CODE);
		String text = at == null || at >= row.cells().size() ? null : row.cells().get(at);
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = org.gonghui.shared.Text.toHalfWidth(text).strip().replaceAll("\\.0+$", "");
		if (!t.matches("\\d{1,18}")) {
			problems.add(new RowProblem(row.number(), SiteColumns.CODE.header(), messages.getMessage("site.import.codeUnknown", null, locale)));
			return null;
		}
		return Long.parseLong(t);
	}

	private static Double number(String text, SiteColumns column, java.util.function.BiConsumer<SiteColumns, String> problem) {
		if (text == null) {
			return null;
		}
		try {
			return Double.valueOf(org.gonghui.shared.Text.toHalfWidth(text).strip());
		}
		catch (NumberFormatException e) {
			problem.accept(column, "validation.typeMismatch");
			return null;
		}
	}

	/** 2026-03-01, 2026/3/1, 2026.3.1 or an Excel date serial number. */
	private static LocalDate date(String text, java.util.function.BiConsumer<SiteColumns, String> problem) {
		if (text == null) {
			return null;
		}
		String t = text.strip();
		try {
			if (t.matches("\\d{5}(\\.0+)?")) {
				return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(t.replaceAll("\\..*", "")));
			}
			String[] parts = t.split("[-/.年月日]");
			if (parts.length == 3) {
				return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
			}
			return LocalDate.parse(t);
		}
		catch (NumberFormatException | java.time.DateTimeException e) {
			problem.accept(SiteColumns.STATUS_SINCE, "validation.typeMismatch");
			return null;
		}
	}

	/**
	 * What an import did: rows read, sites created, rows skipped because the site exists already (or came
	 * earlier in the same file) with their row numbers, rows refused, and why.
	 */
	public record ImportReport(int rows, int created, int updated, int skipped, int refused, List<RowProblem> problems, List<Integer> skippedRows) {
	}

	/** One reason a row was refused: Excel row number, column header, message. */
	public record RowProblem(int row, String column, String message) {
	}
}
