package org.gonghui.shared.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gonghui.shared.InvalidInputException;

/**
 * Reads a small sheet (.xlsx or .csv, held in memory: a district's sites, a campaign's nominations) into
 * its header and rows of text. What protects the server is checked first: the byte size, for .xlsx the
 * unpacked size of the zip (a zip bomb is refused before a cell is read), then the row count; .csv is
 * decoded strictly ({@link TextEncoding}). Large rosters (a million rows) stream instead and are read by
 * the member module with the same encoding rule.
 */
public final class SheetReader {

	/** How many leading rows may precede the header (a title such as "站点登记表", a blank line). */
	public static final int MAX_ROWS_BEFORE_HEADER = 10;
	private static final String FIELD = "file";

	private SheetReader() {
	}

	/** How much a sheet may hold. */
	public record SheetLimits(long maxBytes, long maxUnpackedBytes, int maxRows) {
	}

	/** A data row: its number as Excel shows it, and its cells as text (blank cells are null). */
	public record SheetRow(int number, List<String> cells) {

		public String cell(int position) {
			return position < 0 || position >= cells.size() ? null : cells.get(position);
		}
	}

	/** The header (first non-empty row) and the data rows after it. */
	public record Sheet(List<String> header, List<SheetRow> rows) {
	}

	public static Sheet read(String filename, byte[] content, SheetLimits limits) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of(FIELD, "sheet.empty");
		}
		if (content.length > limits.maxBytes()) {
			throw InvalidInputException.of(FIELD, "sheet.tooLarge", limits.maxBytes() / (1024 * 1024));
		}
		boolean zip = TextEncoding.startsWith(content, 'P', 'K', 3, 4);
		String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
		List<List<String>> raw;
		if (zip) {
			checkUnpackedSize(content, limits);
			raw = readXlsx(content, limits);
		}
		else if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
			// An old .xls or a renamed file: say what we read rather than "broken file".
			throw InvalidInputException.of(FIELD, "sheet.type");
		}
		else {
			raw = readCsv(content, limits);
		}
		int headerAt = -1;
		for (int i = 0; i < raw.size() && i < MAX_ROWS_BEFORE_HEADER; i++) {
			if (raw.get(i).stream().anyMatch(c -> c != null)) {
				headerAt = i;
				break;
			}
		}
		if (headerAt < 0) {
			throw InvalidInputException.of(FIELD, "sheet.noHeader");
		}
		List<SheetRow> rows = new ArrayList<>();
		for (int i = headerAt + 1; i < raw.size(); i++) {
			List<String> cells = raw.get(i);
			if (cells.stream().allMatch(c -> c == null)) {
				continue;
			}
			if (rows.size() == limits.maxRows()) {
				throw InvalidInputException.of(FIELD, "sheet.tooManyRows", limits.maxRows());
			}
			rows.add(new SheetRow(i + 1, cells));
		}
		return new Sheet(raw.get(headerAt), rows);
	}

	private static void checkUnpackedSize(byte[] content, SheetLimits limits) {
		long total = 0;
		byte[] buffer = new byte[1 << 14];
		// Entries as the central directory lists them: java.util.zip.ZipInputStream misreads the Zip64 data
		// descriptors that streaming writers (fastexcel, so this module's own template and export) put after each entry.
		try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
			.setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(content))
			.get()) {
			for (var entries = zip.getEntries(); entries.hasMoreElements();) {
				try (InputStream in = zip.getInputStream(entries.nextElement())) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						total += n;
						if (total > limits.maxUnpackedBytes()) {
							throw InvalidInputException.of(FIELD, "sheet.unpackedTooLarge");
						}
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw InvalidInputException.of(FIELD, "sheet.unreadable");
		}
	}

	private static List<List<String>> readXlsx(byte[] content, SheetLimits limits) {
		List<List<String>> rows = new ArrayList<>();
		try (InputStream in = new ByteArrayInputStream(content); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
			try (var stream = workbook.getFirstSheet().openStream()) {
				for (Row row : (Iterable<Row>) stream::iterator) {
					while (rows.size() < row.getRowNum() - 1) {
						rows.add(List.of());
					}
					List<String> cells = new ArrayList<>();
					for (int c = 0; c < row.getCellCount(); c++) {
						cells.add(text(row.getCell(c)));
					}
					rows.add(cells);
					if (rows.size() > limits.maxRows() + MAX_ROWS_BEFORE_HEADER) {
						throw InvalidInputException.of(FIELD, "sheet.tooManyRows", limits.maxRows());
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw InvalidInputException.of(FIELD, "sheet.unreadable");
		}
		return rows;
	}

	/** Numbers as typed (no "3.9E1", no trailing ".0"); dates stay Excel serial numbers, which the row parser understands. */
	private static String text(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return null;
		}
		String value;
		if (cell.getType() == CellType.NUMBER) {
			BigDecimal number = cell.asNumber();
			value = number.stripTrailingZeros().toPlainString();
		}
		else if (cell.getType() == CellType.STRING) {
			value = cell.getText();
		}
		else {
			value = cell.getRawValue();
		}
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static List<List<String>> readCsv(byte[] content, SheetLimits limits) {
		String text = decode(content);
		List<List<String>> rows = new ArrayList<>();
		try {
			var format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
			for (CSVRecord record : format.parse(new StringReader(text))) {
				List<String> cells = new ArrayList<>();
				for (String v : record) {
					cells.add(v == null || v.isBlank() ? null : v.strip());
				}
				rows.add(cells);
				if (rows.size() > limits.maxRows() + MAX_ROWS_BEFORE_HEADER) {
					throw InvalidInputException.of(FIELD, "sheet.tooManyRows", limits.maxRows());
				}
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw InvalidInputException.of(FIELD, "sheet.unreadable");
		}
		return rows;
	}

	private static String decode(byte[] content) {
		return TextEncoding.decode(content).map(TextEncoding.Decoded::text)
			.orElseThrow(() -> InvalidInputException.of(FIELD, "sheet.encoding"));
	}
}
