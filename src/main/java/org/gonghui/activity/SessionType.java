package org.gonghui.activity;

/** What happens in a session of an activity's programme (a training camp's lectures, reports, visits, seminars). */
public enum SessionType {
	LECTURE, REPORT, VISIT, SEMINAR, CEREMONY, COUNSELLING, PERFORMANCE, OTHER;

	/** The type named by {@code text} (any case), or null when it names none. */
	public static SessionType parse(String text) {
		if (text == null) {
			return null;
		}
		for (SessionType t : values()) {
			if (t.name().equalsIgnoreCase(text.strip())) {
				return t;
			}
		}
		return null;
	}
}
