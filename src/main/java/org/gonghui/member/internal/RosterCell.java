package org.gonghui.member.internal;

/**
 * One cell as read from a roster file: its text, and whether the spreadsheet stored it as a number
 * (then the text is the stored value, e.g. {@code 45047} for a date or {@code 1.3800138E10} for a phone).
 */
record RosterCell(String text, boolean numeric) {

	static final RosterCell EMPTY = new RosterCell("", false);

	static RosterCell text(String text) {
		return text == null || text.isEmpty() ? EMPTY : new RosterCell(text, false);
	}

	static RosterCell number(String raw) {
		return raw == null || raw.isEmpty() ? EMPTY : new RosterCell(raw, true);
	}

	/** Nothing but white space (including full-width and no-break spaces). */
	boolean isBlank() {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
				return false;
			}
		}
		return true;
	}
}
