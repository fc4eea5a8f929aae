package org.gonghui.shared;

/** Text clean-up for what people type or paste from Excel and Chinese input methods. */
public final class Text {

	private Text() {
	}

	/** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space become their ASCII equivalents. */
	public static String toHalfWidth(String text) {
		StringBuilder sb = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				sb.append((char) (c - 0xFEE0));
			}
			else if (c == '\u3000') {
				sb.append(' ');
			}
			else {
				sb.append(c);
			}
		}
		return sb.toString();
	}

	/** Trims (including full-width spaces) and collapses runs of white space; null stays null, blank becomes null. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		String cleaned = text.replace('\u3000', ' ').strip().replaceAll("\\s+", " ");
		return cleaned.isEmpty() ? null : cleaned;
	}

	/** True when the text holds control characters other than tab, line feed and carriage return. */
	public static boolean hasControlCharacters(String text) {
		return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
	}

	/**
	 * The text with the LIKE wildcards it may contain matched literally, for a bound {@code LIKE :param}
	 * (both databases take backslash as the default escape).
	 */
	public static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
