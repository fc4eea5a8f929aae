package org.gonghui.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import org.gonghui.platform.internal.SearchService;
import org.gonghui.platform.internal.SearchService.SearchResults;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform search as JSON. {@code title} is plain text; {@code titleHtml} and {@code snippet} are escaped HTML
 * with {@code <mark>} around what matched. {@code groups} counts the results per kind within the caller's scope.
 */
@RestController
class SearchApiController {

	private final SearchService search;

	SearchApiController(SearchService search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	@Operation(summary = "Search organisations, employers, members (masked), sites, activities, competitions, honorees and articles in the caller's scope")
	SearchResults staff(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Long organizationId, @RequestParam(defaultValue = "20") int size) {
		return search.staffSearch(q, kind, organizationId, size);
	}

	@GetMapping("/api/public/search")
	@Operation(summary = "Search what is public: organisations, open sites, published activities and competitions, public honorees, published articles")
	SearchResults publicSearch(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "20") int size) {
		return search.publicSearch(q, kind, size);
	}
}
