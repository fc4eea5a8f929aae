package org.gonghui.news.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gonghui.news.ArticleStatus;
import org.gonghui.news.internal.ArticleRepository.Content;
import org.gonghui.news.internal.ArticleRepository.Link;
import org.gonghui.news.internal.NewspaperPage.Report;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed page as published news: the page (a demo resource, copied from the seed) is split by
 * {@link NewspaperPage}, each report's organisation and subject are read by {@link ReportSubjects}, and each is
 * published as an article of its organisation with the bylines parsed from the text, filed under the page's column
 * and its subject's tag, and linked to the demo record it describes where one exists (the camp, the competition,
 * the group counselling, the booklet, the caravan, the 龙潭 visit, the plenary). It was printed already, so it is
 * published without a new review; its one step says so. Runs after all demo records, the work-plan module's plenary
 * (order 750) and standardisation (760) included: the demo data is read by table, as the seed's importer would, so
 * news depends on no module whose records it links.
 */
@Component
@Profile("demo")
@Order(800)
class NewsBootstrap implements StartupData {

	static final String PAGE = "/news/seed-page.txt";

	private final JdbcClient jdbc;
	private final ArticleRepository articles;
	private final Clock clock;

	NewsBootstrap(JdbcClient jdbc, ArticleRepository articles, Clock clock) {
		this.jdbc = jdbc;
		this.articles = articles;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from news_article").query(Long.class).single() > 0) {
			return;
		}
		NewspaperPage.Page page = NewspaperPage.parse(read());
		List<String> names = jdbc.sql("select name from organization order by id").query(String.class).list();
		// The page is a day's paper: its reports appeared three days ago (Beijing time).
		LocalDate printed = LocalDate.now(clock.withZone(ArticleService.BEIJING)).minusDays(3);
		Instant now = clock.instant();
		for (Report r : page.reports()) {
			Optional<Long> organization = ReportSubjects.organization(r, names).flatMap(this::organizationId);
			if (organization.isEmpty()) {
				continue;
			}
			var subject = ReportSubjects.subject(r);
			List<String> tags = new ArrayList<>();
			tags.add(page.column());
			subject.ifPresent(s -> tags.add(s.tag()));
			List<Link> links = subject.flatMap(s -> record(s, organization.get(), r)).map(List::of).orElse(List.of());
			String body = ArticleHtml.sanitise(ArticleHtml.paragraphs(r.paragraphs()));
			var content = new Content(organization.get(), r.kicker(), r.headline(), r.subheading(), body, r.bylines(), List.copyOf(tags), links);
			long id = articles.insert(content, null, null, "system", now);
			articles.move(id, 0, ArticleStatus.DRAFT, ArticleStatus.PUBLISHED, 0, 0, now);
			articles.step(id, "IMPORT", 0, null, null, ArticleStatus.PUBLISHED, "system", "示例数据", "已见报（" + printed + "），按版面导入", now);
			articles.markPublished(id, printed, printed.atTime(7, 0).atZone(ArticleService.BEIJING).toInstant());
		}
	}

	private Optional<Long> organizationId(String name) {
		return jdbc.sql("select id from organization where name = :n order by id").param("n", name).query(Long.class).optional();
	}

	/**
	 * The demo record of the subject's kind under the report's organisation; of several, the one whose title shares
	 * the most two-character words with the report.
	 */
	private Optional<Link> record(ReportSubjects.Subject s, long organizationId, Report r) {
		String under = jdbc.sql("select path from organization where id = :id").param("id", organizationId).query(String.class).single() + "%";
		List<Object[]> rows = switch (s.recordKind()) {
			case "BOOKLET" -> jdbc.sql("select b.id, b.title from booklet b join organization o on o.id = b.organization_id where o.path like :under"
					+ " order by b.id").param("under", under).query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).list();
			// A meeting has no title: it is matched by its work report's title (the plenary's report is quoted in the text).
			case "MEETING" -> jdbc.sql("select m.id, coalesce(m.report_title, '') from wp_meeting m join organization o on o.id = m.organization_id"
					+ " where o.path like :under order by m.id").param("under", under).query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
				.list();
			default -> jdbc.sql("select a.id, a.title from activity a join organization o on o.id = a.organization_id where o.path like :under"
					+ " and a.kind = :kind order by a.id").param("under", under).param("kind", s.recordKind())
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).list();
		};
		String text = r.headline() + String.join("", r.paragraphs());
		return rows.stream().max(java.util.Comparator.comparingInt(row -> shared((String) row[1], text)))
			.map(row -> new Link(s.linkKind(), (Long) row[0]));
	}

	/** How many two-character words of a title occur in a text. */
	static int shared(String title, String text) {
		int n = 0;
		for (int i = 0; i + 2 <= title.length(); i++) {
			n += text.contains(title.substring(i, i + 2)) ? 1 : 0;
		}
		return n;
	}

	static String read() {
		try (InputStream in = NewsBootstrap.class.getResourceAsStream(PAGE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
