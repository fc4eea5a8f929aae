package org.gonghui.activity.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.gonghui.activity.internal.CompetitionQueries.CompetitionView;
import org.gonghui.activity.internal.CompetitionQueries.RankedEntry;
import org.gonghui.activity.internal.CompetitionQueries.Results;
import org.gonghui.activity.internal.CompetitionQueries.RoundResults;
import org.gonghui.platform.ReportFacts;
import org.gonghui.platform.ReportSource;
import org.gonghui.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A competition's results as the news desk may report them, once a round has closed: the rounds held, the awards (or
 * the leading entries where none were given) with their units, and the participation figures. Exactly what the public
 * results page shows: entries and units, never a performer or a judge.
 */
@Component
class CompetitionReportSource implements ReportSource {

	/** Entries named per round when no award was given: the top of the ranking, as a report would name them. */
	static final int LEADERS = 3;

	private final CompetitionQueries queries;

	CompetitionReportSource(CompetitionQueries queries) {
		this.queries = queries;
	}

	@Override
	public Set<String> kinds() {
		return Set.of("COMPETITION");
	}

	@Override
	@Transactional(readOnly = true)
	public ReportFacts facts(String kind, long id) {
		CompetitionView competition = queries.get(id);
		Results results = queries.results(id);
		if (results.rounds().isEmpty()) {
			throw InvalidInputException.of("id", "competition.draft.noResults");
		}
		return facts(competition, results);
	}

	@Override
	public String page(String kind, long id) {
		return "/activities/manage/" + id;
	}

	static ReportFacts facts(CompetitionView c, Results r) {
		String name = c.edition() + c.title();
		List<String> paragraphs = new ArrayList<>();
		for (RoundResults round : r.rounds()) {
			StringBuilder p = new StringBuilder();
			p.append(round.round().name());
			if (round.round().hostName() != null) {
				p.append("由").append(round.round().hostName()).append("承办");
			}
			if (round.round().venue() != null) {
				p.append(round.round().hostName() != null ? "，在" : "在").append(round.round().venue()).append("举行");
			}
			List<RankedEntry> awarded = round.ranking().stream().filter(e -> e.award() != null).toList();
			if (!awarded.isEmpty()) {
				p.append("，").append(String.join("，", awarded.stream().map(e -> entry(e) + "获" + e.award()).toList()));
			}
			else {
				List<RankedEntry> leaders = round.ranking().stream().filter(e -> e.rank() != null).sorted(Comparator.comparing(RankedEntry::rank))
					.limit(LEADERS).toList();
				if (!leaders.isEmpty()) {
					p.append("，").append(String.join("，", leaders.stream().map(e -> entry(e) + "列第" + e.rank() + "名").toList()));
				}
			}
			paragraphs.add(p.append("。").toString());
		}
		List<String> figures = new ArrayList<>();
		if (r.participation().entries() > 0) {
			figures.add("本次比赛共有" + r.participation().units() + "个单位的" + r.participation().entries() + "个节目参赛");
		}
		if (r.participation().performers() > 0) {
			figures.add("参演职工" + r.participation().performers() + "人");
		}
		LocalDate last = r.rounds().stream().map(x -> x.round().endsOn()).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
		return new ReportFacts(c.organizationId(), c.organizationName(), last, name + "成绩揭晓", c.organizationName() + "举办的" + name + "公布成绩",
				paragraphs, figures, List.of(new ReportFacts.Link("COMPETITION", c.id())));
	}

	/** "延庆区第一中学工会的《我和我的祖国》". */
	private static String entry(RankedEntry e) {
		return e.unitName() + "的《" + e.title() + "》";
	}
}
