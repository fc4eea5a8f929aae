package org.gonghui.news.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.gonghui.news.internal.Bylines.Byline;

/**
 * A newspaper page as plain text (the seed page, as text extraction leaves it) split into its pieces: the page's
 * column head on the first line, then each report with its heading lines, paragraphs and bylines. Extraction
 * breaks paragraphs at the page's line ends, often mid-word ("全国劳" / "模高凤林"), so a paragraph runs on until a
 * line ends a sentence. A report starts with one to three short heading lines without a full stop followed by a
 * lead (the 本报讯 dateline, or "近日，"); of two heading lines the first is the kicker (引题) and the second the
 * headline, unless the second opens with a dash (a subheading, 副题). A line that is a credit alone ends a report.
 */
final class NewspaperPage {

	/** The page: its column head (栏题) and its reports in order. */
	record Page(String column, List<Report> reports) {

		/** The pieces of the page: the column head and each report. */
		int pieces() {
			return 1 + reports.size();
		}
	}

	/** One report as printed; {@code kicker} and {@code subheading} may be null. */
	record Report(String kicker, String headline, String subheading, List<String> paragraphs, List<Byline> bylines) {
	}

	/** Longest heading line we take as such; reports' paragraphs are longer or end a sentence. */
	private static final int HEADING_MAX = 40;
	private static final Pattern SENTENCE_END = Pattern.compile(".*[。！？!?”」）)]$");
	private static final Pattern LEAD = Pattern.compile("^(本报讯|近日[，,]|日前[，,]|本报[^\\s]{0,4}[，,])");

	private NewspaperPage() {
	}

	static Page parse(String text) {
		List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (lines.isEmpty()) {
			return new Page(null, List.of());
		}
		String column = lines.get(0);
		List<Report> reports = new ArrayList<>();
		int i = 1;
		while (i < lines.size()) {
			int headings = headingLines(lines, i);
			if (headings == 0) {
				// Text before any heading (there is none on the seed page): skipped rather than guessed at.
				i++;
				continue;
			}
			List<String> heads = lines.subList(i, i + headings);
			i += headings;
			List<String> paragraphs = new ArrayList<>();
			List<Byline> bylines = new ArrayList<>();
			StringBuilder open = null;
			while (i < lines.size()) {
				String line = lines.get(i);
				if (open != null) {
					open.append(line);
					i++;
				}
				else if (!paragraphs.isEmpty() && Bylines.wholeLine(line).isPresent()) {
					// A credit line of its own closes the report (before the heading test: it is short and unfinished too).
					bylines.addAll(Bylines.wholeLine(line).get());
					i++;
					break;
				}
				else if (headingLines(lines, i) > 0) {
					break;
				}
				else {
					open = new StringBuilder(line);
					i++;
				}
				if (SENTENCE_END.matcher(open.toString()).matches() || i >= lines.size()) {
					paragraphs.add(open.toString());
					open = null;
				}
			}
			if (open != null) {
				paragraphs.add(open.toString());
			}
			reports.add(report(heads, paragraphs, bylines));
		}
		return new Page(column, List.copyOf(reports));
	}

	/** How many heading lines start at {@code i}: 1 to 3 short unfinished lines followed by a lead; 0 when none. */
	private static int headingLines(List<String> lines, int i) {
		for (int n = 1; n <= 3 && i + n < lines.size(); n++) {
			String line = lines.get(i + n - 1);
			if (line.length() > HEADING_MAX || SENTENCE_END.matcher(line).matches() || LEAD.matcher(line).find()) {
				return 0;
			}
			if (LEAD.matcher(lines.get(i + n)).find()) {
				return n;
			}
		}
		return 0;
	}

	private static Report report(List<String> heads, List<String> paragraphs, List<Byline> credits) {
		String kicker = null;
		String headline;
		String subheading = null;
		if (heads.size() == 1) {
			headline = heads.get(0);
		}
		else if (heads.size() == 2 && heads.get(1).startsWith("—")) {
			headline = heads.get(0);
			subheading = heads.get(1).replaceFirst("^—+\\s*", "");
		}
		else {
			kicker = heads.get(0);
			headline = heads.get(1);
			subheading = heads.size() > 2 ? heads.get(2).replaceFirst("^—+\\s*", "") : null;
		}
		List<String> body = new ArrayList<>(paragraphs);
		List<Byline> bylines = new ArrayList<>();
		if (!body.isEmpty()) {
			bylines.addAll(Bylines.ofDateline(body.get(0)));
			int last = body.size() - 1;
			var split = Bylines.trailing(body.get(last));
			if (!split.bylines().isEmpty()) {
				bylines.addAll(split.bylines());
				if (split.text().isEmpty()) {
					body.remove(last);
				}
				else {
					body.set(last, split.text());
				}
			}
		}
		bylines.addAll(credits);
		return new Report(kicker, headline, subheading, List.copyOf(body), List.copyOf(bylines));
	}
}
