package org.gonghui.news.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivitySummaries;
import org.gonghui.activity.PublishableSummary;
import org.gonghui.activity.SummaryFigures;
import org.gonghui.news.BylineRole;
import org.gonghui.news.internal.ArticleRepository.Content;
import org.gonghui.news.internal.ArticleRepository.Link;
import org.gonghui.news.internal.Bylines.Byline;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.ReportFacts;
import org.gonghui.platform.ReportSource;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts made from records in one click, in the paper's house style, for the editor to rewrite,
 * "本报讯（记者 …）近日，…": from a finished activity's summary (who organised it, when, what the summary says, how
 * many came and from which employers), and from any record another module offers through a {@link ReportSource} (a
 * meeting, a competition's results, a conferment). The caller is the reporter; the draft links the record. Only what
 * the owning module offers for publishing is used, so no personal data reaches the draft.
 */
@Service
public class DraftService {

	private final ActivitySummaries summaries;
	private final ArticleService articles;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final Map<String, ReportSource> sources = new HashMap<>();

	DraftService(ActivitySummaries summaries, ArticleService articles, Organizations organizations, CurrentUser currentUser, List<ReportSource> sources) {
		this.summaries = summaries;
		this.articles = articles;
		this.organizations = organizations;
		this.currentUser = currentUser;
		for (ReportSource source : sources) {
			for (String kind : source.kinds()) {
				if (this.sources.put(kind, source) != null) {
					throw new IllegalStateException("Two report sources for " + kind);
				}
			}
		}
	}

	/**
	 * A draft from a record of the given kind (ACTIVITY, MEETING, COMPETITION, CONFERMENT) in the caller's scope: 403
	 * for those who may not write, 404 outside the scope, 400 when the kind is unknown or there is nothing to report.
	 */
	@Transactional
	public long from(String kind, Long id) {
		if (!articles.mayWrite()) {
			throw new AccessDeniedException("Not allowed to write articles");
		}
		String k = kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT);
		if (k.equals("ACTIVITY") && id != null) {
			return fromActivity(id);
		}
		ReportSource source = sources.get(k);
		if (source == null) {
			throw InvalidInputException.of("kind", "news.draft.kind");
		}
		if (id == null) {
			throw InvalidInputException.of("id", "validation.required");
		}
		ReportFacts facts = source.facts(k, id);
		if (organizations.findVisible(facts.organizationId()).isEmpty()) {
			throw new RecordNotFoundException(k.toLowerCase(java.util.Locale.ROOT), id);
		}
		String reporter = currentUser.account().orElseThrow().displayName();
		var content = new Content(facts.organizationId(), null, cut(facts.headline(), 100), null, ArticleHtml.sanitise(body(facts, reporter)),
				List.of(reporter(currentUser.account().orElseThrow())), List.of(),
				facts.links().stream().filter(l -> ArticleService.href(l.kind(), l.id()) != null).distinct().limit(20)
					.map(l -> new Link(l.kind(), l.id())).toList());
		return articles.createChecked(content, k, id);
	}

	/** The staff page of the record a draft was asked for, to go back to when none could be made; null when unknown. */
	public String page(String kind, Long id) {
		String k = kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT);
		if (id == null) {
			return null;
		}
		if (k.equals("ACTIVITY")) {
			return "/activities/manage/" + id + "/summary";
		}
		ReportSource source = sources.get(k);
		return source == null ? null : source.page(k, id);
	}

	/** The house style for any record: the dateline with the reporter and "近日，" what happened, the facts, the figures. */
	static String body(ReportFacts f, String reporter) {
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(dateline(reporter, f.date()) + f.lead() + "。");
		f.paragraphs().stream().filter(p -> !p.isBlank()).map(String::strip).forEach(paragraphs::add);
		if (!f.figures().isEmpty()) {
			paragraphs.add("据了解，" + String.join("，", f.figures()) + "。");
		}
		return ArticleHtml.paragraphs(paragraphs);
	}

	/** "本报讯（记者 边磊）近日（12月1日），": the house style says 近日; the day follows for the editor to keep or drop. */
	static String dateline(String reporter, LocalDate date) {
		return "本报讯（记者 " + reporter + "）近日" + (date == null ? "" : "（" + date(date) + "）") + "，";
	}

	private static Byline reporter(AccountRef me) {
		return new Byline(BylineRole.REPORTER, cut(me.displayName(), 20), me.username());
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

	/** A draft from the summary of a finished activity in the caller's scope; 404 outside it, 400 before it finished. */
	@Transactional
	public long fromActivity(long activityId) {
		if (!articles.mayWrite()) {
			throw new AccessDeniedException("Not allowed to write articles");
		}
		PublishableSummary s = summaries.find(activityId)
			.orElseThrow(() -> InvalidInputException.of("activityId", "news.draft.notFinished"));
		if (organizations.findVisible(s.organizationId()).isEmpty()) {
			throw new RecordNotFoundException("activity", activityId);
		}
		AccountRef me = currentUser.account().orElseThrow();
		var content = new Content(s.organizationId(), null, headline(s), null, ArticleHtml.sanitise(body(s, me.displayName())), List.of(reporter(me)),
				List.of(), List.of(new Link(linkKind(s.kind()), s.activityId())));
		return articles.createChecked(content, "ACTIVITY", activityId);
	}

	static String headline(PublishableSummary s) {
		String h = s.organizationName() + "开展“" + s.title() + "”活动";
		return h.length() > 100 ? s.title().substring(0, Math.min(100, s.title().length())) : h;
	}

	/** The house style: the dateline with the reporter, "近日，" who did what, the summary's text, then the figures. */
	static String body(PublishableSummary s, String reporter) {
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(dateline(reporter, s.firstSessionDate()) + s.organizationName() + "组织开展“" + s.title() + "”活动。");
		for (String p : s.text().split("\\n+")) {
			if (!p.isBlank()) {
				paragraphs.add(p.strip());
			}
		}
		String figures = figures(s.figures());
		if (!figures.isEmpty()) {
			paragraphs.add(figures);
		}
		return ArticleHtml.paragraphs(paragraphs);
	}

	/** "据了解，本次活动共有 12 名职工参加，其中京东快递（龙潭站）8 人、良苑餐厅 4 人。" — counts only. */
	static String figures(SummaryFigures f) {
		if (f == null || f.attended() == 0) {
			return "";
		}
		StringBuilder out = new StringBuilder("据了解，本次活动共有" + f.attended() + "名职工参加");
		List<String> employers = f.byEmployer().stream().filter(e -> e.employerName() != null).limit(5)
			.map(e -> e.employerName() + e.people() + "人").toList();
		if (!employers.isEmpty()) {
			out.append("，其中").append(String.join("、", employers));
		}
		return out.append("。").toString();
	}

	private static String date(LocalDate d) {
		return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	private static String linkKind(ActivityKind kind) {
		return switch (kind) {
			case COMPETITION -> "COMPETITION";
			case CARAVAN -> "CARAVAN";
			default -> "ACTIVITY";
		};
	}
}
