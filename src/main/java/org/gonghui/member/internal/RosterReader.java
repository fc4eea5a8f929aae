package org.gonghui.member.internal;

import java.io.Closeable;

/**
 * Streams the data rows of a roster file, one at a time: memory holds the current row only (plus, for
 * .xlsx, the workbook's shared-strings table, whose size the inspection limits).
 */
interface RosterReader extends Closeable {

	RosterHeader header();

	/** The next data row after the header, or null at the end of the file. */
	RosterRecord next();

	/** Rows read up to and including the header (title rows above it count too). */
	int rowsThroughHeader();

	/** True when the workbook counts dates from 1904 (old Mac Excel); always false for CSV. */
	default boolean date1904() {
		return false;
	}

	@Override
	void close();
}
