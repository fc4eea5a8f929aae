package org.gonghui.member.internal;

/**
 * A data row of a roster: its row number as Excel shows it (the header row counts, the first row is 1)
 * and the cells of the recognised columns, indexed by {@link RosterColumn#ordinal()}.
 */
record RosterRecord(int rowNumber, RosterCell[] cells) {

	RosterCell cell(RosterColumn column) {
		RosterCell c = cells[column.ordinal()];
		return c == null ? RosterCell.EMPTY : c;
	}

	/** A row with nothing in any recognised column (trailing or separating empty rows) is skipped, not reported. */
	boolean isBlank() {
		for (RosterCell c : cells) {
			if (c != null && !c.isBlank()) {
				return false;
			}
		}
		return true;
	}
}
