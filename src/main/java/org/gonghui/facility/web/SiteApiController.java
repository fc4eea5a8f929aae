package org.gonghui.facility.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.Crs;
import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.internal.NearestSites;
import org.gonghui.facility.internal.NearestSites.NearbySite;
import org.gonghui.facility.internal.SiteExportService;
import org.gonghui.facility.internal.SiteImportService;
import org.gonghui.facility.internal.SiteImportService.ImportReport;
import org.gonghui.facility.internal.SiteQueries;
import org.gonghui.facility.internal.SiteQueries.SiteQuery;
import org.gonghui.facility.internal.SiteQueries.SiteView;
import org.gonghui.facility.internal.SiteQueries.StatusLine;
import org.gonghui.facility.internal.SiteService;
import org.gonghui.facility.internal.SiteService.SiteCommand;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API for service sites. The nearest search and public sites are open to anyone; listing and writing
 * are for staff in scope (outside it, 404).
 */
@RestController
@RequestMapping("/api/sites")
@Tag(name = "Sites", description = "服务阵地：职工之家、户外劳动者服务站点、心理减压室、母婴关爱室")
class SiteApiController {

	private final SiteService sites;
	private final SiteQueries queries;
	private final NearestSites nearest;
	private final SiteImportService imports;
	private final SiteExportService exports;

	SiteApiController(SiteService sites, SiteQueries queries, NearestSites nearest, SiteImportService imports, SiteExportService exports) {
		this.exports = exports;
		this.sites = sites;
		this.queries = queries;
		this.nearest = nearest;
		this.imports = imports;
	}

	@GetMapping("/nearest")
	@Operation(summary = "Open public sites nearest to a point (public)", description = "lat/lon in WGS84 (default) or GCJ02 (crs=GCJ02);"
			+ " results in great-circle order with WGS-84 positions. amenity may repeat: every one named must be offered.")
	ResponseEntity<List<NearbySite>> nearest(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
			@RequestParam(required = false) Integer k, @RequestParam(required = false) SiteType type,
			@RequestParam(required = false) List<Amenity> amenity, @RequestParam(defaultValue = "false") boolean openNow,
			@RequestParam(required = false) Crs crs) {
		// Results change with the clock (open now) and with edits; a few seconds of caching spares a walking worker nothing.
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(nearest.nearest(lat, lon, crs, k, type, amenity, openNow));
	}

	@GetMapping
	@Operation(summary = "Sites in the caller's scope (staff)", description = "sort: NAME (default), UPDATED, OPENED, STATUS")
	PageResult<SiteView> search(@RequestParam(required = false) SiteType type, @RequestParam(required = false) SiteStatus status,
			@RequestParam(required = false) String q, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return queries.search(new SiteQuery(type, status, q, organizationId, sort), new PageResult.Request(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One site: public sites to anyone, others to staff in scope")
	SiteView get(@PathVariable long id) {
		return queries.getPublic(id);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "A site's status history (staff in scope)")
	List<StatusLine> history(@PathVariable long id) {
		return queries.history(id);
	}

	@PostMapping
	@Operation(summary = "Create a site (staff)", description = "crs: WGS84 (default) or GCJ02; openingHours in OpenStreetMap syntax,"
			+ " e.g. 24/7, 'Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00', 'Mo-Su 22:00-06:00'")
	ResponseEntity<SiteView> create(@RequestBody SiteRequest request) {
		long id = sites.create(request.command());
		return ResponseEntity.created(URI.create("/api/sites/" + id)).body(queries.get(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a site's details (staff in scope); version from the last read guards against lost updates")
	SiteView update(@PathVariable long id, @RequestBody SiteRequest request) {
		queries.get(id); // out of scope or missing: 404 before anything else is said about the request
		if (request.version() == null) {
			// Without the version read, a lost update could pass unnoticed.
			throw InvalidInputException.of("version", "validation.required");
		}
		sites.update(id, request.version(), request.command());
		return queries.get(id);
	}

	@PostMapping("/{id}/status")
	@Operation(summary = "Move a site to another status from a date (today by default); suspending and closing need a note")
	SiteView changeStatus(@PathVariable long id, @RequestBody StatusRequest request) {
		sites.changeStatus(id, request.status(), request.effectiveOn(), request.note());
		return queries.get(id);
	}

	@PostMapping(path = "/import", produces = "application/json")
	@Operation(summary = "Import sites from .xlsx or .csv (staff)", description = "Each row is stored or refused on its own; rows whose"
			+ " organisation already has a site of that name are skipped. A file-level problem (missing column, unreadable) is a 400.")
	ImportReport importSheet(@RequestParam(required = false) MultipartFile file) throws IOException {
		return imports.importSheet(file == null ? null : file.getOriginalFilename(), Uploads.bytes(file, SiteImportService.MAX_BYTES, "file", "sheet.tooLarge"));
	}

	@GetMapping("/export")
	@Operation(summary = "The sites in scope matching the filters as .xlsx, in the import's columns (staff; audited)")
	ResponseEntity<byte[]> export(@RequestParam(required = false) SiteType type, @RequestParam(required = false) SiteStatus status,
			@RequestParam(required = false) String q, @RequestParam(required = false) Long organizationId) throws IOException {
		return SiteImportController.exportSheet(exports, new SiteQuery(type, status, q, organizationId, null));
	}

	@GetMapping("/tally")
	@Operation(summary = "Sites per type and status in the caller's scope")
	Map<SiteType, Map<SiteStatus, Long>> tally() {
		return queries.tally();
	}

	record SiteRequest(Long organizationId, SiteType type, String name, String address, Double lat, Double lon, Crs crs, String openingHours,
			List<Amenity> amenities, Integer capacity, String contactName, String contactPhone, String description, SiteStatus status,
			LocalDate statusSince, @JsonProperty("public") @JsonAlias("isPublic") Boolean isPublic, Integer version) {

		SiteCommand command() {
			return new SiteCommand(organizationId, type, name, address, lat, lon, crs, openingHours, amenities, capacity, contactName, contactPhone,
					description, status, statusSince, isPublic);
		}
	}

	record StatusRequest(SiteStatus status, LocalDate effectiveOn, String note) {
	}
}
