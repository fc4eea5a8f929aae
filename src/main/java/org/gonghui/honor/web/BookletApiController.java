package org.gonghui.honor.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gonghui.honor.internal.BookletService;
import org.gonghui.honor.internal.BookletService.BookletView;
import org.gonghui.honor.internal.BookletService.NewBooklet;
import org.gonghui.shared.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;

/** Profile booklets (风采录) as JSON and PDF: staff, honorees and booklets of their scope only. */
@RestController
class BookletApiController {

	private final BookletService booklets;

	BookletApiController(BookletService booklets) {
		this.booklets = booklets;
	}

	record BookletRequest(String title, List<Long> honoreeIds, Long organizationId, String paper, Integer year) {
	}

	@PostMapping("/api/booklets")
	@Operation(summary = "Make a profile booklet of honorees in scope (1 to 5,000, in the order given)",
			description = "title required (up to 100 characters); organizationId: the union on the cover, which must hold every honoree"
					+ " (default: their nearest common organisation); paper A5 (default) or A4; year (default this year). An honoree that is"
					+ " unknown or outside the caller's scope is refused (400) and nothing is stored.")
	ResponseEntity<BookletView> create(@RequestBody BookletRequest r) {
		long id = booklets.create(new NewBooklet(r.title(), r.honoreeIds(), r.organizationId(), r.paper(), r.year()));
		return ResponseEntity.created(URI.create("/api/booklets/" + id)).body(booklets.get(id));
	}

	@GetMapping("/api/booklets")
	@Operation(summary = "Booklets of unions in the caller's scope, newest first")
	PageResult<BookletView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return booklets.list(new PageResult.Request(page, size));
	}

	@GetMapping("/api/booklets/{id:\\d+}")
	BookletView get(@PathVariable long id) {
		return booklets.get(id);
	}

	@GetMapping("/api/booklets/{id:\\d+}.pdf")
	@Operation(summary = "The booklet as PDF, drawn from the registry now (cover, contents, a page per person; CJK font embedded)",
			description = "Written to the response as it is made. Staff whose scope holds the booklet's union; anyone else 404.")
	void pdf(@PathVariable long id, HttpServletResponse response) throws IOException {
		var export = booklets.export(id);
		response.setContentType(MediaType.APPLICATION_PDF_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(export.filename(), StandardCharsets.UTF_8).build().toString());
		export.writeTo(response.getOutputStream());
	}
}
