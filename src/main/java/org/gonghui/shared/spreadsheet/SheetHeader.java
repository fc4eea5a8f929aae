package org.gonghui.shared.spreadsheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gonghui.shared.Text;

/**
 * Which file column holds which known column, found by header text and aliases wherever the columns stand.
 * Headers are compared after turning full-width forms into ASCII and removing white space, underscores, a
 * required-field marker ({@code *}), a byte-order mark and a trailing note in brackets, so
 * {@code " 身份证号（必填）"}, {@code "*姓 名"} and {@code "opening_hours"} are recognised. Unknown columns are
 * ignored; repeated and missing required columns are reported, not thrown, so each caller says it its way.
 */
public final class SheetHeader<C extends Enum<C> & SheetColumn> {

	private final Map<C, Integer> positions;
	private final Map<C, String> texts;
	private final List<C> repeated;
	private final List<C> missing;

	private SheetHeader(Map<C, Integer> positions, Map<C, String> texts, List<C> repeated, List<C> missing) {
		this.positions = positions;
		this.texts = texts;
		this.repeated = repeated;
		this.missing = missing;
	}

	public static <C extends Enum<C> & SheetColumn> SheetHeader<C> match(Class<C> columns, List<String> cells) {
		Map<C, Integer> positions = new EnumMap<>(columns);
		Map<C, String> texts = new EnumMap<>(columns);
		List<C> repeated = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			Optional<C> column = column(columns, cells.get(i));
			if (column.isEmpty()) {
				continue;
			}
			if (positions.containsKey(column.get())) {
				repeated.add(column.get());
				continue;
			}
			positions.put(column.get(), i);
			texts.put(column.get(), Text.clean(Text.toHalfWidth(cells.get(i))));
		}
		List<C> missing = new ArrayList<>();
		for (C c : columns.getEnumConstants()) {
			if (c.required() && !positions.containsKey(c)) {
				missing.add(c);
			}
		}
		return new SheetHeader<>(positions, texts, repeated, missing);
	}

	/** The known column a header text names. */
	public static <C extends Enum<C> & SheetColumn> Optional<C> column(Class<C> columns, String header) {
		String key = normalise(header);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		for (C c : columns.getEnumConstants()) {
			if (normalise(c.header()).equals(key) || c.aliases().stream().anyMatch(a -> normalise(a).equals(key))) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

	static String normalise(String header) {
		if (header == null) {
			return "";
		}
		String s = Text.toHalfWidth(header).replace("\uFEFF", "");
		StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '*' && c != '_') {
				sb.append(c);
			}
		}
		String key = sb.toString();
		// "身份证号(必填)", "入会日期(yyyy-mm-dd)": the note in brackets is not part of the name.
		int bracket = key.indexOf('(');
		if (bracket > 0 && key.endsWith(")")) {
			key = key.substring(0, bracket);
		}
		return key.toLowerCase(Locale.ROOT);
	}

	/** Position of the column in the file (0-based), or -1 when the file has no such column. */
	public int position(C column) {
		return positions.getOrDefault(column, -1);
	}

	public boolean has(C column) {
		return positions.containsKey(column);
	}

	/** The header as the file wrote it (error reports name columns that way), or the template's header. */
	public String text(C column) {
		return texts.getOrDefault(column, column.header());
	}

	public Map<C, Integer> positions() {
		return Collections.unmodifiableMap(positions);
	}

	/** How many known columns the row names: a title row above the header names none. */
	public int recognised() {
		return positions.size();
	}

	/** Known columns named twice (the first position counts). */
	public List<C> repeated() {
		return List.copyOf(repeated);
	}

	/** Required columns the header lacks. */
	public List<C> missing() {
		return List.copyOf(missing);
	}

	/** Column headers joined the Chinese way, for messages. */
	public static String names(List<? extends SheetColumn> columns) {
		return String.join("、", columns.stream().map(SheetColumn::header).toList());
	}
}
