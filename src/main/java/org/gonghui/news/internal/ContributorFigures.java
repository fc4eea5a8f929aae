package org.gonghui.news.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gonghui.news.BylineRole;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.spreadsheet.SheetCells;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The correspondents' points (通讯员积分): published articles per person named in a byline and role, over a
 * period of Beijing dates (publication dates), for an organisation's subtree inside the caller's scope. The few
 * hundred rows a federation has are sorted and paged here; the export is audited like every other export.
 */
@Service
public class ContributorFigures {

	/** A longer period is a typing error rather than a question (ten years of points at most). */
	static final int MAX_DAYS = 3700;
	private static final String[] HEADERS = { "news.contributors.name", "news.contributors.account", "news.contributors.role",
			"news.contributors.articles" };

	private final ArticleRepository articles;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final MessageSource messages;
	private final Clock clock;
	private final ArticleService articleService;

	ContributorFigures(ArticleRepository articles, ArticleService articleService, Organizations organizations, CurrentUser currentUser, AuditLog audit,
			MessageSource messages, Clock clock) {
		this.articleService = articleService;
		this.articles = articles;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	public enum Sort {
		ARTICLES, NAME, ROLE
	}

	/** The period asked for; without dates, from the first of January to today in Beijing. */
	public record Period(LocalDate from, LocalDate to) {
	}

	public record Contributor(String name, String username, BylineRole role, long articles) {
	}

	public record Figures(Period period, Long organizationId, String organizationName, long articles, PageResult<Contributor> contributors) {
	}

	public Period period(LocalDate from, LocalDate to) {
		LocalDate today = LocalDate.now(clock.withZone(ArticleService.BEIJING));
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.withDayOfYear(1) : from;
		if (start.isAfter(end)) {
			throw InvalidInputException.of("from", "news.contributors.badPeriod");
		}
		if (start.plusDays(MAX_DAYS).isBefore(end)) {
			throw InvalidInputException.of("to", "news.contributors.longPeriod", MAX_DAYS);
		}
		return new Period(start, end);
	}

	@Transactional(readOnly = true)
	public Figures figures(LocalDate from, LocalDate to, Long organizationId, Sort sort, PageResult.Request page) {
		Period period = period(from, to);
		requireStaff();
		String orgName = organizationId == null ? null : organizations.findVisible(organizationId).map(o -> o.name()).orElse(null);
		List<Contributor> all = rows(period, organizationId, sort);
		long total = articles.countPublished(currentUser.scope().pathPattern(), under(organizationId), period.from(), period.to());
		int start = (int) Math.min(page.offset(), all.size());
		List<Contributor> slice = all.subList(start, Math.min(all.size(), start + page.size()));
		return new Figures(period, organizationId, orgName, total, new PageResult<>(slice, page.page(), page.size(), all.size()));
	}

	/** Every row of the figures as a workbook; audited with the period and organisation. */
	@Transactional(readOnly = true)
	public void export(LocalDate from, LocalDate to, Long organizationId, Sort sort, OutputStream out) throws IOException {
		Figures f = figures(from, to, organizationId, sort, new PageResult.Request(0, 1));
		List<Contributor> rows = rows(f.period(), organizationId, sort);
		Locale locale = LocaleContextHolder.getLocale();
		Workbook workbook = new Workbook(out, "Gonghui", "1.0");
		Worksheet sheet = workbook.newWorksheet(messages.getMessage("news.contributors.title", null, locale));
		sheet.value(0, 0, (f.organizationName() == null ? "" : f.organizationName() + " ") + f.period().from() + " — " + f.period().to());
		sheet.style(0, 0).bold().set();
		for (int c = 0; c < HEADERS.length; c++) {
			sheet.value(1, c, messages.getMessage(HEADERS[c], null, locale));
			sheet.style(1, c).bold().fillColor("DDEBF7").set();
			sheet.width(c, c == 1 ? 20 : 14);
		}
		int r = 2;
		for (Contributor c : rows) {
			SheetCells.write(sheet, r, 0, c.name());
			SheetCells.write(sheet, r, 1, c.username() == null ? "" : c.username());
			sheet.value(r, 2, c.role().chinese());
			sheet.value(r, 3, c.articles());
			r++;
		}
		workbook.finish();
		audit.record("news.contributors.export", "organization", organizationId == null ? 0 : organizationId,
				f.period().from() + " — " + f.period().to() + ", " + rows.size() + " rows");
	}

	private List<Contributor> rows(Period period, Long organizationId, Sort sort) {
		String scope = currentUser.scope().pathPattern();
		return articles.contributors(scope, under(organizationId), period.from(), period.to()).stream()
			.map(c -> new Contributor(c.name(), c.username(), c.role(), c.articles())).sorted(order(sort)).toList();
	}

	/** The subtree asked for, inside the caller's scope (an organisation outside it is not found). */
	private String under(Long organizationId) {
		return organizationId == null ? currentUser.scope().pathPattern()
				: organizations.findVisible(organizationId).map(o -> new OrgPath(o.path()).subtreePattern())
					.orElseThrow(() -> InvalidInputException.of("organizationId", "news.organization.notFound"));
	}

	private static Comparator<Contributor> order(Sort sort) {
		Comparator<Contributor> byName = Comparator.comparing(Contributor::name).thenComparing(Contributor::role);
		return switch (sort == null ? Sort.ARTICLES : sort) {
			case ARTICLES -> Comparator.comparingLong(Contributor::articles).reversed().thenComparing(byName);
			case NAME -> byName;
			case ROLE -> Comparator.comparing(Contributor::role).thenComparing(Comparator.comparingLong(Contributor::articles).reversed())
				.thenComparing(Contributor::name);
		};
	}

	private void requireStaff() {
		if (!articleService.mayWrite()) {
			throw new AccessDeniedException("Not allowed to read the contributors' figures");
		}
	}
}
