package org.gonghui.news.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts made from records in one click, in the paper's house style, for the editor to rewrite: from a finished
 * activity's summary (who organised it, when, what the summary says, how many came and from which employers),
 * "本报讯（记者 …）近日，…". The caller is the reporter; the draft links the activity. Only what the activity
 * module offers for publishing is used, so no personal data reaches the draft.
 */
@Service
public class DraftService {

	private final ActivitySummaries summaries;
	private final ArticleService articles;
	private final Organizations organizations;
	private final CurrentUser currentUser;

	DraftService(ActivitySummaries summaries, ArticleService articles, Organizations organizations, CurrentUser currentUser) {
		this.summaries = summaries;
		this.articles = articles;
		this.organizations = organizations;
		this.currentUser = currentUser;
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
		var content = new Content(s.organizationId(), null, headline(s), null, ArticleHtml.sanitise(body(s, me.displayName())),
				List.of(new Byline(BylineRole.REPORTER, me.displayName().length() > 20 ? me.displayName().substring(0, 20) : me.displayName(),
						me.username())),
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
		// The house style says 近日 rather than the day; the day follows for the editor to keep or drop.
		String when = s.firstSessionDate() == null ? "" : "（" + date(s.firstSessionDate()) + "）";
		paragraphs.add("本报讯（记者 " + reporter + "）近日" + when + "，" + s.organizationName() + "组织开展“" + s.title() + "”活动。");
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
