package org.gonghui.news.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.gonghui.news.internal.NewspaperPage.Report;

/**
 * What a printed report is about, read from its words as an editor would: whose report it is (the organisation
 * named first, "全国总工会" for 中华全国总工会, a district named by its place alone as in "延庆职工"), and what kind of
 * record it tells of (培训营 a training camp, 比赛 a competition, 大篷车 a caravan, …) with the tag it is filed under.
 */
final class ReportSubjects {

	/** A kind of record a report tells of: the activity kind (or BOOKLET, MEETING), the link kind, the tag. */
	record Subject(String recordKind, String linkKind, String tag) {
	}

	/** Tried in this order; the first word found in the headings and the text decides. */
	private static final Map<String, Subject> WORDS = new LinkedHashMap<>();

	static {
		WORDS.put("大篷车", new Subject("CARAVAN", "CARAVAN", "心理关爱"));
		WORDS.put("培训营", new Subject("TRAINING_CAMP", "ACTIVITY", "劳模工匠"));
		WORDS.put("歌咏比赛", new Subject("COMPETITION", "COMPETITION", "职工文化"));
		WORDS.put("竞赛", new Subject("COMPETITION", "COMPETITION", "劳动竞赛"));
		WORDS.put("心理辅导", new Subject("GROUP_COUNSELLING", "ACTIVITY", "心理关爱"));
		WORDS.put("风采录", new Subject("BOOKLET", "BOOKLET", "劳模工匠"));
		WORDS.put("全体会议", new Subject("MEETING", "MEETING", "工作部署"));
		WORDS.put("参观学习", new Subject("VISIT", "ACTIVITY", "参观学习"));
	}

	private ReportSubjects() {
	}

	static Optional<Subject> subject(Report r) {
		String text = headings(r) + String.join("", r.paragraphs());
		return WORDS.entrySet().stream().filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
	}

	/**
	 * The organisation whose report it is, from the names given: the one named earliest in the headings and text
	 * (the longest when two start at the same place); failing that, a district federation (…区总工会) whose place
	 * the headline names.
	 */
	static Optional<String> organization(Report r, Collection<String> names) {
		String text = headings(r) + String.join("", r.paragraphs());
		String best = null;
		int bestAt = Integer.MAX_VALUE;
		for (String name : names) {
			for (String form : new String[] { name, name.startsWith("中华") ? name.substring(2) : name }) {
				int at = text.indexOf(form);
				if (at >= 0 && (at < bestAt || at == bestAt && name.length() > best.length())) {
					best = name;
					bestAt = at;
				}
			}
		}
		if (best != null) {
			return Optional.of(best);
		}
		return names.stream().filter(n -> n.endsWith("区总工会") && n.length() > 4)
			.filter(n -> headings(r).contains(n.substring(0, n.length() - 4)))
			.findFirst();
	}

	private static String headings(Report r) {
		return (r.kicker() == null ? "" : r.kicker()) + r.headline() + (r.subheading() == null ? "" : r.subheading());
	}
}
