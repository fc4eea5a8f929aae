package org.gonghui.member.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which file column holds which roster column, and the header text as the file wrote it (the error
 * report names columns that way). Built from the header row; rejects a file whose header lacks a
 * required column or names one twice.
 */
final class RosterHeader {

	/** A row is taken as the header when it names at least this many roster columns (title rows above it are skipped). */
	static final int MIN_RECOGNISED = 2;
	/** How many leading rows may precede the header (a title such as "会员登记表", a blank line). */
	static final int MAX_ROWS_BEFORE_HEADER = 10;

	private final int rowNumber;
	private final Map<RosterColumn, Integer> positions;
	private final Map<RosterColumn, String> texts;

	private RosterHeader(int rowNumber, Map<RosterColumn, Integer> positions, Map<RosterColumn, String> texts) {
		this.rowNumber = rowNumber;
		this.positions = positions;
		this.texts = texts;
	}

	/** The header if this row looks like one (enough recognised column names), else empty. */
	static Optional<RosterHeader> detect(int rowNumber, List<String> cells) {
		Map<RosterColumn, Integer> positions = new EnumMap<>(RosterColumn.class);
		Map<RosterColumn, String> texts = new EnumMap<>(RosterColumn.class);
		List<RosterColumn> repeated = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			Optional<RosterColumn> column = RosterColumn.of(cells.get(i));
			if (column.isEmpty()) {
				continue;
			}
			if (positions.containsKey(column.get())) {
				repeated.add(column.get());
				continue;
			}
			positions.put(column.get(), i);
			texts.put(column.get(), org.gonghui.shared.Text.clean(org.gonghui.shared.Text.toHalfWidth(cells.get(i))));
		}
		if (positions.size() < MIN_RECOGNISED) {
			return Optional.empty();
		}
		if (!repeated.isEmpty()) {
			throw new RosterFileException("member.import.file.repeatedColumn", names(repeated));
		}
		List<RosterColumn> missing = new ArrayList<>();
		for (RosterColumn c : RosterColumn.values()) {
			if (c.required() && !positions.containsKey(c)) {
				missing.add(c);
			}
		}
		if (!missing.isEmpty()) {
			throw new RosterFileException("member.import.file.missingColumns", names(missing));
		}
		return Optional.of(new RosterHeader(rowNumber, positions, texts));
	}

	static RosterFileException notFound() {
		return new RosterFileException("member.import.file.noHeader",
				names(List.of(RosterColumn.values()).stream().filter(RosterColumn::required).toList()));
	}

	private static String names(List<RosterColumn> columns) {
		return columns.stream().map(RosterColumn::header).collect(Collectors.joining("、"));
	}

	int rowNumber() {
		return rowNumber;
	}

	/** Position of the column in the file (0-based), or -1 when the file has no such column. */
	int position(RosterColumn column) {
		return positions.getOrDefault(column, -1);
	}

	boolean has(RosterColumn column) {
		return positions.containsKey(column);
	}

	/** The header text for the error report: as the file wrote it, else the template's name. */
	String text(RosterColumn column) {
		String text = texts.get(column);
		return text == null ? column.header() : text;
	}

	/** One past the highest file column used, so readers can stop early. */
	int width() {
		return positions.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
	}
}
