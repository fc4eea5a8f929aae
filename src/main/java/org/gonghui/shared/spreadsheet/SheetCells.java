package org.gonghui.shared.spreadsheet;

import org.dhatim.fastexcel.Worksheet;

/**
 * How Gonghui writes a cell it exports, so that nothing a person typed runs as a formula: in .xlsx text is
 * always a string cell (numbers stay numbers), in .csv a text starting with {@code = + - @}, a
 * tab or a carriage return gets a leading apostrophe (OWASP's CSV-injection advice; Excel hides it).
 * Personal identifiers are masked before they reach a sheet (the services export masked views only).
 */
public final class SheetCells {

	private SheetCells() {
	}

	/** One .xlsx cell: a number as a number, anything else (dates too, as ISO text the imports read back) as a string; nothing for null. */
	public static void write(Worksheet sheet, int row, int column, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Number n) {
			sheet.value(row, column, n);
		}
		else {
			// A string cell, never a formula: "=HYPERLINK(...)" typed into a form stays text in Excel.
			sheet.value(row, column, value.toString());
		}
	}

	/** A text for a .csv cell that Excel will not run as a formula (numbers stay as they are). */
	public static String neutralise(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
			return "'" + text;
		}
		return text;
	}
}
