package org.gonghui.platform.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After a request that may have written (any method but GET, HEAD, OPTIONS, TRACE) and did not fail, the search index
 * takes in what was committed before the answer leaves, so the person who saved a record finds it with their next
 * search instead of a second later. It reads changes the way the poll does ({@link SearchIndexMaintainer#catchUp}), so
 * a write that rolled back is never shown, and nothing is asked of the modules that write.
 */
@Component
class SearchWriteFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SearchWriteFilter.class);
	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final SearchIndexMaintainer maintainer;

	SearchWriteFilter(SearchIndexMaintainer maintainer) {
		this.maintainer = maintainer;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return READS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (response.getStatus() < 400) {
			try {
				maintainer.catchUp(System.nanoTime());
			}
			catch (RuntimeException e) {
				// The write itself is committed: the answer stays a success and the next poll brings the change.
				log.warn("Search catch-up after {} {} failed: {}", request.getMethod(), request.getRequestURI(), e.toString());
			}
		}
	}
}
