package org.gonghui.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.SearchKind;
import org.gonghui.platform.internal.SearchService;
import org.gonghui.platform.internal.SearchService.KindCount;
import org.gonghui.platform.internal.SearchService.SearchResult;
import org.gonghui.platform.internal.SearchService.SearchResults;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page behind the top bar's box: staff search their scope, everyone else what is public. Results come
 * grouped by kind in the order of {@link SearchKind}, each group with its count in the caller's scope and a link
 * that shows that kind alone.
 */
@Controller
class SearchController {

	private static final int PAGE_RESULTS = 60;

	private final SearchService search;
	private final CurrentUser currentUser;
	private final MessageSource messages;

	SearchController(SearchService search, CurrentUser currentUser, MessageSource messages) {
		this.search = search;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	/** One kind's results on the page. */
	record Group(SearchKind kind, long count, List<SearchResult> results) {
	}

	@GetMapping("/search")
	String page(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Long organizationId, Model model, jakarta.servlet.http.HttpServletResponse response) {
		boolean staff = currentUser.scope().kind() != DataScope.Kind.NONE;
		model.addAttribute("staffSearch", staff);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("kind", kind);
		model.addAttribute("organizationId", staff ? organizationId : null);
		if (q == null || q.isBlank()) {
			return "search";
		}
		try {
			SearchResults found = staff ? search.staffSearch(q, kind, organizationId, PAGE_RESULTS) : search.publicSearch(q, kind, PAGE_RESULTS);
			model.addAttribute("found", found);
			model.addAttribute("groups", groups(found));
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errorText", FormErrors.text(e, messages));
		}
		return "search";
	}

	private static List<Group> groups(SearchResults found) {
		Map<SearchKind, List<SearchResult>> byKind = found.results().stream().collect(Collectors.groupingBy(SearchResult::kind));
		Map<SearchKind, Long> counts = found.groups().stream().collect(Collectors.toMap(KindCount::kind, KindCount::count));
		List<Group> groups = new ArrayList<>();
		for (SearchKind k : SearchKind.values()) {
			List<SearchResult> results = byKind.getOrDefault(k, List.of());
			if (!results.isEmpty()) {
				groups.add(new Group(k, counts.getOrDefault(k, (long) results.size()), results));
			}
		}
		return groups;
	}
}
