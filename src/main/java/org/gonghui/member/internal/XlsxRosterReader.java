package org.gonghui.member.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an .xlsx roster with fastexcel-reader, which streams the sheet's XML from
 * the zip file on disk (never the whole file in memory). Number cells keep their stored value and are
 * marked numeric, so dates (serial numbers) and phone numbers stored as numbers can be read as such.
 * Only call this on a file that passed {@link RosterFiles#inspect}: the zip-bomb checks happen there.
 */
final class XlsxRosterReader implements RosterReader {

	private final ReadableWorkbook workbook;
	private final Stream<Row> rows;
	private final Iterator<Row> iterator;
	private final RosterHeader header;
	private final int rowsThroughHeader;

	XlsxRosterReader(Path file) {
		ReadableWorkbook opened = null;
		try {
			opened = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
			Sheet sheet = opened.getFirstSheet();
			rows = sheet.openStream();
			iterator = rows.iterator();
			workbook = opened;
		}
		catch (IOException | RuntimeException e) {
			if (opened != null) {
				try {
					opened.close();
				}
				catch (IOException | RuntimeException ignored) {
					// already failing
				}
			}
			throw new RosterFileException("member.import.file.damaged", e);
		}
		RosterHeader found = null;
		int read = 0;
		while (found == null && read < RosterHeader.MAX_ROWS_BEFORE_HEADER && hasNext()) {
			Row row = nextRow();
			read++;
			List<String> texts = new ArrayList<>(row.getCellCount());
			for (int i = 0; i < row.getCellCount(); i++) {
				texts.add(text(row.getCell(i)));
			}
			try {
				found = RosterHeader.detect(row.getRowNum(), texts).orElse(null);
			}
			catch (RosterFileException e) {
				close();
				throw e;
			}
		}
		if (found == null) {
			close();
			throw RosterHeader.notFound();
		}
		header = found;
		rowsThroughHeader = read;
	}

	@Override
	public RosterHeader header() {
		return header;
	}

	@Override
	public int rowsThroughHeader() {
		return rowsThroughHeader;
	}

	@Override
	public boolean date1904() {
		return workbook.isDate1904();
	}

	@Override
	public RosterRecord next() {
		if (!hasNext()) {
			return null;
		}
		Row row = nextRow();
		RosterCell[] cells = new RosterCell[RosterColumn.values().length];
		for (RosterColumn c : RosterColumn.values()) {
			int position = header.position(c);
			if (position >= 0) {
				Optional<Cell> cell = position < row.getCellCount() ? row.getOptionalCell(position) : Optional.empty();
				cells[c.ordinal()] = cell.map(XlsxRosterReader::cell).orElse(RosterCell.EMPTY);
			}
		}
		return new RosterRecord(row.getRowNum(), cells);
	}

	static RosterCell cell(Cell cell) {
		if (cell == null) {
			return RosterCell.EMPTY;
		}
		return switch (cell.getType()) {
			case NUMBER -> RosterCell.number(cell.getRawValue());
			case EMPTY -> RosterCell.EMPTY;
			case STRING -> RosterCell.text(cell.getText());
			// Formulas give their cached result; errors (#N/A) and booleans their text, which validation then rejects.
			default -> RosterCell.text(cell.getRawValue());
		};
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		String text = cell.getType() == org.dhatim.fastexcel.reader.CellType.STRING ? cell.getText() : cell.getRawValue();
		return text == null ? "" : text;
	}

	private boolean hasNext() {
		try {
			return iterator.hasNext();
		}
		catch (RuntimeException e) {
			throw new RosterFileException("member.import.file.damaged", e);
		}
	}

	private Row nextRow() {
		try {
			return iterator.next();
		}
		catch (RuntimeException e) {
			throw new RosterFileException("member.import.file.damaged", e);
		}
	}

	@Override
	public void close() {
		try {
			if (rows != null) {
				rows.close();
			}
			workbook.close();
		}
		catch (IOException | RuntimeException e) {
			// read-only file; nothing to undo
		}
	}
}
