package org.gonghui.honor.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.gonghui.honor.HonorLevel;
import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profile booklets (风采录): staff choose honorees of their scope and the union on the cover; the PDF is drawn
 * from the registry on each download, so it always shows the current accounts and titles. Every honoree must
 * be visible to the caller and lie under the booklet's union, so anyone who may read the booklet (its union in
 * their scope) may see everyone in it. Creating and exporting are audited; a bad request stores nothing.
 */
@Service
public class BookletService {

	/** More than any union's booklet (the seed's largest list is 5,000+ national craftsmen); keeps one request bounded. */
	public static final int MAX_HONOREES = 5000;
	private static final List<Role> WRITERS = List.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);
	private static final List<String> PAPERS = List.of("A5", "A4");
	/** How many candidates the chooser lists at once; a narrower filter finds the rest. */
	static final int MAX_CANDIDATES = 500;

	private final BookletRepository booklets;
	private final HonorRepository honors;
	private final HonoreePhotoService photos;
	private final BookletPdf pdf;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	BookletService(BookletRepository booklets, HonorRepository honors, HonoreePhotoService photos, BookletPdf pdf, Organizations organizations,
			CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.booklets = booklets;
		this.honors = honors;
		this.photos = photos;
		this.pdf = pdf;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** What staff ask for: organisation, paper and year may be left out (the honorees' common union, A5, this year). */
	public record NewBooklet(String title, List<Long> honoreeIds, Long organizationId, String paper, Integer year) {
	}

	public record BookletView(long id, String title, long organizationId, String organizationName, int year, String paper, int honoreeCount,
			String createdBy, Instant createdAt) {

		public java.time.LocalDateTime createdAtLocal() {
			return java.time.LocalDateTime.ofInstant(createdAt, HonorService.BEIJING);
		}
	}

	/** An honoree the chooser offers: name, union, occupation and active titles. */
	public record Candidate(long id, String name, String organizationName, String employer, String occupation, List<String> titles) {
	}

	/** A PDF to be written to the response: its file name, its pages' people, and the writer. */
	public record Export(String filename, int honoreeCount, PdfWriter writer) {

		public void writeTo(OutputStream out) throws IOException {
			writer.writeTo(out);
		}
	}

	@FunctionalInterface
	public interface PdfWriter {

		void writeTo(OutputStream out) throws IOException;
	}

	public boolean mayWrite() {
		return currentUser.account().map(a -> WRITERS.contains(a.role())).orElse(false);
	}

	@Transactional
	public long create(NewBooklet c) {
		requireWriter();
		DataScope scope = currentUser.scope();
		List<FieldProblem> problems = new ArrayList<>();
		String title = TextChecks.line(c.title(), "title", 100, problems);
		if (title == null && problems.isEmpty()) {
			problems.add(new FieldProblem("title", "validation.required"));
		}
		String paper = Text.clean(c.paper()) == null ? "A5" : Text.clean(c.paper()).toUpperCase(java.util.Locale.ROOT);
		if (!PAPERS.contains(paper)) {
			problems.add(new FieldProblem("paper", "honor.booklet.paper.invalid"));
		}
		int thisYear = LocalDate.now(clock.withZone(HonorService.BEIJING)).getYear();
		int year = c.year() == null ? thisYear : c.year();
		if (year < 1949 || year > thisYear + 1) {
			problems.add(new FieldProblem("year", "honor.booklet.year.range", thisYear + 1));
		}
		// In the order chosen, each once.
		List<Long> ids = c.honoreeIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(c.honoreeIds().stream().filter(Objects::nonNull).toList()));
		List<HonorRepository.HonoreeRow> rows = List.of();
		if (ids.isEmpty()) {
			problems.add(new FieldProblem("honoreeIds", "honor.booklet.honoreesRequired"));
		}
		else if (ids.size() > MAX_HONOREES) {
			problems.add(new FieldProblem("honoreeIds", "honor.booklet.tooMany", MAX_HONOREES));
		}
		else {
			rows = honors.findHonorees(ids).stream().filter(r -> scope.includes(new OrgPath(r.organizationPath()))).toList();
			if (rows.size() < ids.size()) {
				// Unknown and out-of-scope ids get the same answer, so the answer confirms no record outside the scope.
				var found = rows.stream().map(HonorRepository.HonoreeRow::id).collect(Collectors.toSet());
				List<Long> missing = ids.stream().filter(id -> !found.contains(id)).toList();
				problems.add(new FieldProblem("honoreeIds", "honor.booklet.honoreesNotFound", missing.size(),
						missing.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))));
			}
		}
		OrganizationSummary organization = null;
		if (c.organizationId() != null) {
			organization = organizations.findVisible(c.organizationId()).orElse(null);
			if (organization == null) {
				problems.add(new FieldProblem("organizationId", "honor.organization.notFound"));
			}
		}
		else if (!rows.isEmpty()) {
			organization = organizations.findVisible(commonAncestor(rows)).orElse(null);
		}
		if (organization == null && problems.isEmpty()) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		if (organization != null && problems.stream().noneMatch(p -> p.field().equals("honoreeIds"))) {
			OrgPath under = new OrgPath(organization.path());
			long outside = rows.stream().filter(r -> !new OrgPath(r.organizationPath()).isWithin(under)).count();
			if (outside > 0) {
				problems.add(new FieldProblem("honoreeIds", "honor.booklet.outsideOrganization", outside, organization.name()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = booklets.insert(title, organization.id(), year, paper, ids, currentUser.username(), clock.instant());
		audit.record("booklet.create", "booklet", id, title + ", " + organization.name() + ", " + ids.size() + " honorees, " + paper);
		return id;
	}

	@Transactional(readOnly = true)
	public BookletView get(long id) {
		return view(readable(id));
	}

	@Transactional(readOnly = true)
	public List<Long> honoreeIds(long id) {
		readable(id);
		return booklets.honoreeIds(id);
	}

	@Transactional(readOnly = true)
	public PageResult<BookletView> list(PageResult.Request page) {
		requireWriter();
		String scope = currentUser.scope().pathPattern();
		return new PageResult<>(booklets.list(scope, page.offset(), page.size()).stream().map(BookletService::view).toList(), page.page(), page.size(),
				booklets.count(scope));
	}

	/**
	 * The booklet as PDF: checked, read from the registry and audited now; drawn later, page by page, straight to
	 * the response. Honorees are read as they are today (a revoked title drops out, a corrected account shows).
	 */
	@Transactional
	public Export export(long id) {
		var booklet = readable(id);
		List<Long> ids = booklets.honoreeIds(id);
		Map<Long, HonorRepository.HonoreeRow> rows = new HashMap<>();
		honors.findHonorees(ids).forEach(r -> rows.put(r.id(), r));
		Map<Long, List<String>> titles = activeTitles(ids);
		var facts = photos.facts(ids);
		List<BookletPdf.Profile> people = new ArrayList<>(ids.size());
		for (Long honoreeId : ids) {
			var r = rows.get(honoreeId);
			var f = facts.get(honoreeId);
			people.add(new BookletPdf.Profile(r.id(), r.name(), titles.getOrDefault(r.id(), List.of()), r.employer(), r.occupation(), r.summary(), r.deeds(),
					f == null ? 0 : f.width(), f == null ? 0 : f.height()));
		}
		var organization = organizations.find(booklet.organizationId()).orElseThrow();
		var cover = new BookletPdf.Cover(booklet.title(), organization.name(), branchOf(organization), booklet.year(), booklet.paper(), people.size());
		audit.record("booklet.export", "booklet", id, booklet.title() + ", " + people.size() + " honorees, " + booklet.paper());
		return new Export(fileName(booklet.title(), id), people.size(), out -> pdf.render(cover, people, out));
	}

	/** Honorees under an organisation of the scope (anywhere in it when none is named), for the chooser; at most {@link #MAX_CANDIDATES}. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(Long organizationId, String text, HonorLevel level) {
		List<HonorRepository.HonoreeRow> rows = honors.search(chooserFilter(organizationId, text, level), 0, MAX_CANDIDATES);
		Map<Long, List<String>> titles = activeTitles(rows.stream().map(HonorRepository.HonoreeRow::id).toList());
		return rows.stream().map(r -> new Candidate(r.id(), r.name(), r.organizationName(), r.employer(), r.occupation(),
				titles.getOrDefault(r.id(), List.of()))).toList();
	}

	/** How many honorees the chooser's filter matches in all. */
	@Transactional(readOnly = true)
	public long candidateCount(Long organizationId, String text, HonorLevel level) {
		return honors.count(chooserFilter(organizationId, text, level));
	}

	private HonorRepository.Filter chooserFilter(Long organizationId, String text, HonorLevel level) {
		requireWriter();
		String pattern = organizationId == null ? currentUser.scope().pathPattern()
				: organizations.findVisible(organizationId).map(o -> new OrgPath(o.path()).subtreePattern())
					.orElseThrow(() -> InvalidInputException.of("unit", "honor.organization.notFound"));
		String clean = Text.clean(text);
		return new HonorRepository.Filter(pattern, clean == null ? null : "%" + Text.escapeLike(clean) + "%", level, null, false);
	}

	/** Active titles ("2020 北京市劳动模范") of the honorees, newest first, read in slices of 1,000. */
	private Map<Long, List<String>> activeTitles(List<Long> ids) {
		Map<Long, List<String>> titles = new HashMap<>();
		for (int from = 0; from < ids.size(); from += 1000) {
			for (var h : honors.honorsOf(ids.subList(from, Math.min(ids.size(), from + 1000)))) {
				if (h.status().equals("ACTIVE")) {
					titles.computeIfAbsent(h.honoreeId(), k -> new ArrayList<>()).add(h.year() + " " + h.title().name());
				}
			}
		}
		return titles;
	}

	public int maxCandidates() {
		return MAX_CANDIDATES;
	}

	/**
	 * A branch union's own name (物业管理中心工会) says little outside its group, so the cover names the group's
	 * union above it (北京公交集团工会); a federation's name stands alone.
	 */
	private String branchOf(OrganizationSummary organization) {
		if (organization.level() != OrganizationLevel.GRASSROOTS || organization.parentId() == null) {
			return null;
		}
		return organizations.find(organization.parentId()).filter(p -> p.level() == OrganizationLevel.GRASSROOTS).map(OrganizationSummary::name)
			.orElse(null);
	}

	/** The deepest organisation whose subtree holds all the honorees: their paths' longest common prefix. */
	static long commonAncestor(List<HonorRepository.HonoreeRow> rows) {
		List<Long> common = new OrgPath(rows.get(0).organizationPath()).ids();
		for (var r : rows) {
			List<Long> ids = new OrgPath(r.organizationPath()).ids();
			int n = 0;
			while (n < common.size() && n < ids.size() && common.get(n).equals(ids.get(n))) {
				n++;
			}
			common = common.subList(0, n);
		}
		return common.isEmpty() ? 0 : common.get(common.size() - 1);
	}

	/** The title's letters and digits (Chinese included), anything else an underscore, then the id: 物业管理中心职工风采录-3.pdf. */
	static String fileName(String title, long id) {
		StringBuilder out = new StringBuilder();
		title.codePoints().limit(60).forEach(cp -> out.appendCodePoint(Character.isLetterOrDigit(cp) ? cp : '_'));
		return out + "-" + id + ".pdf";
	}

	private BookletRepository.BookletRow readable(long id) {
		requireWriter();
		return booklets.find(id).filter(b -> currentUser.scope().includes(new OrgPath(b.organizationPath())))
			.orElseThrow(() -> new RecordNotFoundException("booklet", id));
	}

	private static BookletView view(BookletRepository.BookletRow b) {
		return new BookletView(b.id(), b.title(), b.organizationId(), b.organizationName(), b.year(), b.paper(), b.honoreeCount(), b.createdBy(),
				b.createdAt());
	}

	private void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to make booklets");
		}
	}
}
