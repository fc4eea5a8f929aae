package org.gonghui.news.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gonghui.news.BylineRole;
import org.gonghui.shared.Text;

/**
 * The byline forms of Chinese union newspapers, read as a pure function: the dateline of a lead
 * ("本报讯（记者 余翠平）", "本报讯 " with no name), a credit line on its own ("本报记者 盛丽 通讯员 杜弘光 摄影报道") or at
 * the end of the last paragraph ("……烙印在心中。本报记者 边磊 摄影报道", "……（郑莉）"). Full-width brackets and spaces,
 * missing or doubled spaces and names joined by 、 are all read the same. A photo report (摄影报道) credits every
 * person named with the photos too. A bare name in brackets at the end is the reporter's, as the paper prints it.
 */
final class Bylines {

	/** One person in a byline: role and name, and the account when the person has one (null from the text). */
	record Byline(BylineRole role, String name, String username) {

		Byline(BylineRole role, String name) {
			this(role, name, null);
		}
	}

	/** A paragraph split into its text and the bylines it carried (none when it carried none). */
	record Split(String text, List<Byline> bylines) {
	}

	private static final String NAME = "[\\p{IsHan}·]{2,5}";
	/** Longest first, so that 本报记者 and 摄影记者 are not read as 记者 with a name 本报. */
	private static final Pattern ROLE = Pattern.compile("本报特约记者|本报记者|特约记者|摄影记者|记者|通讯员|摄影|编辑");
	private static final Pattern DATELINE = Pattern.compile("^本报讯\\s*(?:\\(([^()]{0,60})\\))?\\s*");
	/** A credit at the end of a paragraph: a role word, names and roles only, an optional 摄影报道 / 报道. */
	private static final Pattern TRAILING = Pattern.compile(
			"(?:(?<=[。!?”\\s])|^)((?:本报)?(?:特约记者|摄影记者|记者|通讯员|摄影|编辑)(?:\\s*(?:" + NAME + "|记者|通讯员|摄影|编辑|、|,))+\\s*(?:摄影报道|报道)?)\\s*$");
	private static final Pattern TRAILING_BRACKET = Pattern.compile("\\(((?:\\s*(?:" + NAME + "|记者|通讯员|摄影|编辑|、|,))+\\s*)\\)\\s*$");

	private Bylines() {
	}

	/**
	 * The people a byline names, in the order printed. {@code text} is the byline alone, with or without 本报讯 and
	 * brackets; empty when it names nobody (then it is not a byline).
	 */
	static List<Byline> parse(String text) {
		if (text == null) {
			return List.of();
		}
		String s = normalise(text);
		s = s.replaceFirst("^本报讯", "").replace("(", " ").replace(")", " ").strip();
		boolean photoReport = s.endsWith("摄影报道");
		s = s.replaceFirst("(摄影报道|报道)$", "");
		List<Byline> out = new ArrayList<>();
		Matcher m = ROLE.matcher(s);
		BylineRole role = BylineRole.REPORTER;
		int from = 0;
		while (m.find()) {
			names(s.substring(from, m.start()), role, out);
			role = roleOf(m.group());
			from = m.end();
		}
		names(s.substring(from), role, out);
		if (photoReport) {
			for (Byline b : List.copyOf(out)) {
				if (b.role() != BylineRole.PHOTOGRAPHER && out.stream().noneMatch(o -> o.role() == BylineRole.PHOTOGRAPHER && o.name().equals(b.name()))) {
					out.add(new Byline(BylineRole.PHOTOGRAPHER, b.name()));
				}
			}
		}
		return List.copyOf(out);
	}

	/** The bylines of a lead paragraph's dateline ("本报讯（记者 马超）近日，…"); the paragraph keeps its dateline. */
	static List<Byline> ofDateline(String paragraph) {
		Matcher m = DATELINE.matcher(normalise(paragraph));
		return m.find() && m.group(1) != null ? parse(m.group(1)) : List.of();
	}

	/** Whether a paragraph opens with the paper's dateline 本报讯. */
	static boolean hasDateline(String paragraph) {
		return DATELINE.matcher(normalise(paragraph)).find();
	}

	/**
	 * A credit closing a paragraph split off it: "……心中。本报记者 边磊 摄影报道" gives "……心中。" and 边磊 as 记者 and 摄影;
	 * "……超过2万名。（郑莉）" gives 郑莉 as 记者. A paragraph without one comes back whole with no bylines.
	 */
	static Split trailing(String paragraph) {
		String normal = normalise(paragraph);
		for (Pattern p : List.of(TRAILING, TRAILING_BRACKET)) {
			Matcher m = p.matcher(normal);
			if (m.find()) {
				List<Byline> found = parse(m.group(1));
				if (!found.isEmpty()) {
					// The normalised text keeps every position of the original (one character for one), so cut the original.
					return new Split(paragraph.substring(0, m.start()).strip(), found);
				}
			}
		}
		return new Split(paragraph, List.of());
	}

	/** Whether a whole line is a credit and nothing else ("本报记者 盛丽 通讯员 杜弘光 摄影报道"). */
	static Optional<List<Byline>> wholeLine(String line) {
		Split split = trailing(line);
		return split.text().isEmpty() && !split.bylines().isEmpty() ? Optional.of(split.bylines()) : Optional.empty();
	}

	/** The byline as the paper prints it: "记者 任洁 通讯员 曹薇"; photographers credited apart ("摄影 边磊"). */
	static String print(List<Byline> bylines) {
		StringBuilder out = new StringBuilder();
		BylineRole last = null;
		for (Byline b : bylines) {
			if (b.role() != last) {
				out.append(out.isEmpty() ? "" : " ").append(b.role().chinese());
				last = b.role();
			}
			out.append(' ').append(b.name());
		}
		return out.toString();
	}

	/** Full-width brackets, commas and spaces as ASCII, one character for one, so positions carry over to the original. */
	private static String normalise(String text) {
		StringBuilder sb = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			sb.append(switch (c) {
				case '（', '〔', '【' -> '(';
				case '）', '〕', '】' -> ')';
				case '\u3000', '\u00A0' -> ' ';
				case '，' -> ',';
				default -> Text.toHalfWidth(String.valueOf(c)).charAt(0);
			});
		}
		return sb.toString();
	}

	private static void names(String part, BylineRole role, List<Byline> out) {
		for (String name : part.split("[\\s、,]+")) {
			if (name.matches(NAME)) {
				out.add(new Byline(role, name));
			}
		}
	}

	private static BylineRole roleOf(String word) {
		return switch (word) {
			case "通讯员" -> BylineRole.CORRESPONDENT;
			case "摄影", "摄影记者" -> BylineRole.PHOTOGRAPHER;
			case "编辑" -> BylineRole.EDITOR;
			default -> BylineRole.REPORTER;
		};
	}
}
