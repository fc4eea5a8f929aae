package org.gonghui.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a record offers a news report (see {@link ReportSource}): whose record it is, when it happened (Beijing date,
 * may be null), a headline, the lead — what happened, as the sentence after "本报讯（记者 …）近日，" reads
 * ("丰台区总工会召开第十三届委员会第四次全体会议") — the paragraphs of facts, the figures as phrases ("应到委员35人，实到31人")
 * and the records the article links (kind as the news module knows them: MEETING, COMPETITION, HONOREE…).
 */
public record ReportFacts(long organizationId, String organizationName, LocalDate date, String headline, String lead, List<String> paragraphs,
		List<String> figures, List<Link> links) {

	public ReportFacts {
		Objects.requireNonNull(organizationName, "organizationName");
		Objects.requireNonNull(headline, "headline");
		Objects.requireNonNull(lead, "lead");
		paragraphs = List.copyOf(paragraphs);
		figures = List.copyOf(figures);
		links = List.copyOf(links);
	}

	/** A record the article tells of. */
	public record Link(String kind, long id) {
	}
}
