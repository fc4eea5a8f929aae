package org.gonghui.facility.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gonghui.facility.Amenity;
import org.gonghui.facility.internal.SiteQueries.SiteQuery;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site list as .xlsx, in the import's columns and labels, so a district can edit it in Excel and
 * import it again; streamed row by row. Exports are audited. Labels are Chinese whatever the page
 * language, because the file goes to Chinese offices and the importer reads them back.
 */
@Service
public class SiteExportService {

	private final SiteRepository sites;
	private final SiteQueries queries;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final MessageSource messages;

	SiteExportService(SiteRepository sites, SiteQueries queries, CurrentUser currentUser, AuditLog audit, MessageSource messages) {
		this.sites = sites;
		this.queries = queries;
		this.currentUser = currentUser;
		this.audit = audit;
		this.messages = messages;
	}

	/** Writes the sites in scope that match the query; with {@code templateOnly} just the header and one example row. */
	// Not read-only: the export writes its audit row (PostgreSQL refuses an INSERT in a READ ONLY transaction).
	@Transactional
	public void write(SiteQuery query, boolean templateOnly, OutputStream out) throws IOException {
		if (!currentUser.account().map(a -> a.role().isStaffLike()).orElse(false)) {
			throw new AccessDeniedException("Staff only");
		}
		Workbook workbook = new Workbook(out, "Gonghui", "1.0");
		Worksheet sheet = workbook.newWorksheet(templateOnly ? "站点导入模板" : "服务阵地");
		SiteColumns[] columns = SiteColumns.values();
		for (int c = 0; c < columns.length; c++) {
			sheet.value(0, c, columns[c].header());
			sheet.style(0, c).bold().fillColor("DDEBF7").set();
			sheet.width(c, c == SiteColumns.NAME.ordinal() || c == SiteColumns.ADDRESS.ordinal() || c == SiteColumns.HOURS.ordinal() ? 30 : 14);
		}
		int[] row = { 1 };
		if (templateOnly) {
			Object[] example = { "", "丰台区总工会", label("site.type.OUTDOOR_WORKER_STATION"), "示例暖心驿站", "丰台区某某路1号", 39.8480, 116.3050, "WGS84",
					"Mo-Su 07:00-21:00", label("site.amenity.DRINKING_WATER") + "、" + label("site.amenity.EBIKE_CHARGING"), 12, "李明", "010-63801234",
					label("site.status.OPEN"), queries.today().toString(), "", "是", "" };
			for (int c = 0; c < example.length; c++) {
				write(sheet, 1, c, example[c]);
			}
		}
		else {
			var filter = new SiteRepository.Filter(query.type(), query.status(), org.gonghui.shared.Text.clean(query.text()), null);
			if (query.organizationId() != null) {
				// Reuses the queries' check: an organisation outside the scope is not found.
				filter = new SiteRepository.Filter(query.type(), query.status(), org.gonghui.shared.Text.clean(query.text()),
						queries.organizationPath(query.organizationId()));
			}
			sites.forEach(currentUser.scope(), filter, r -> {
				Site s = r.site();
				Object[] values = { s.id(), r.organizationName(), label("site.type." + s.type()), s.name(), s.address(), s.lat(), s.lon(), "WGS84",
						s.openingHours(), Amenity.fromMask(s.amenities()).stream().map(a -> label("site.amenity." + a)).collect(Collectors.joining("、")),
						s.capacity(), s.contactName(), s.contactPhone(), label("site.status." + s.status()), s.statusSince().toString(),
						s.openedOn() == null ? "" : s.openedOn().toString(), s.isPublic() ? "是" : "否", s.description() };
				for (int c = 0; c < values.length; c++) {
					write(sheet, row[0], c, values[c]);
				}
				row[0]++;
			});
			audit.record("site.export", "site", null, (row[0] - 1) + " rows");
		}
		workbook.finish();
	}

	/** Today in Beijing, for the file name. */
	public java.time.LocalDate today() {
		return queries.today();
	}

	private static void write(Worksheet sheet, int r, int c, Object value) {
		// Text as a string cell, never a formula, so "=..." typed by someone stays text in Excel.
		org.gonghui.shared.spreadsheet.SheetCells.write(sheet, r, c, value);
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
