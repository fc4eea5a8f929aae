package org.gonghui.member.internal;

import java.util.List;
import java.util.Optional;

import org.gonghui.shared.spreadsheet.SheetHeader;

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
	private final SheetHeader<RosterColumn> match;

	private RosterHeader(int rowNumber, SheetHeader<RosterColumn> match) {
		this.rowNumber = rowNumber;
		this.match = match;
	}

	/** The header if this row looks like one (enough recognised column names), else empty. */
	static Optional<RosterHeader> detect(int rowNumber, List<String> cells) {
		SheetHeader<RosterColumn> match = SheetHeader.match(RosterColumn.class, cells);
		if (match.recognised() < MIN_RECOGNISED) {
			return Optional.empty();
		}
		if (!match.repeated().isEmpty()) {
			throw new RosterFileException("member.import.file.repeatedColumn", SheetHeader.names(match.repeated()));
		}
		if (!match.missing().isEmpty()) {
			throw new RosterFileException("member.import.file.missingColumns", SheetHeader.names(match.missing()));
		}
		return Optional.of(new RosterHeader(rowNumber, match));
	}

	static RosterFileException notFound() {
		return new RosterFileException("member.import.file.noHeader",
				names(List.of(RosterColumn.values()).stream().filter(RosterColumn::required).toList()));
	}

	private static String names(List<RosterColumn> columns) {
		return SheetHeader.names(columns);
	}

	int rowNumber() {
		return rowNumber;
	}

	/** Position of the column in the file (0-based), or -1 when the file has no such column. */
	int position(RosterColumn column) {
		return match.position(column);
	}

	boolean has(RosterColumn column) {
		return match.has(column);
	}

	/** The header text for the error report: as the file wrote it, else the template's name. */
	String text(RosterColumn column) {
		return match.text(column);
	}

	/** One past the highest file column used, so readers can stop early. */
	int width() {
		return match.positions().values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
	}
}
