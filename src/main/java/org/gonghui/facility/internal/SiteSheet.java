package org.gonghui.facility.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * Reads a site sheet (.xlsx or .csv) into rows of text. Site files are small (a district's sites, at
 * most {@link #MAX_ROWS} rows), so they are read whole; what protects the server is checked first: the
 * byte size, for .xlsx the unpacked size of the zip (a zip bomb is refused before a cell is read), and
 * for .csv a strict decoding (UTF-8 with or without BOM, else GB18030, as Excel in China saves it).
 */
final class SiteSheet {

	static final int MAX_ROWS = 5000;
	static final long MAX_BYTES = 5L * 1024 * 1024;
	static final long MAX_UNPACKED = 60L * 1024 * 1024;

	private SiteSheet() {
	}

	/** A data row: its number as Excel shows it, and its cells as text (blank cells are null). */
	record SheetRow(int number, List<String> cells) {
	}

	/** The header (first non-empty row) and the data rows after it. */
	record Sheet(List<String> header, List<SheetRow> rows) {
	}

	static Sheet read(String filename, byte[] content) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "site.import.empty");
		}
		if (content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "site.import.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
		String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
		List<List<String>> raw;
		if (zip) {
			checkUnpackedSize(content);
			raw = readXlsx(content);
		}
		else if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
			// An old .xls or a renamed file: say what we read rather than "broken file".
			throw InvalidInputException.of("file", "site.import.type");
		}
		else {
			raw = readCsv(content);
		}
		int headerAt = -1;
		for (int i = 0; i < raw.size() && i < 10; i++) {
			if (raw.get(i).stream().anyMatch(c -> c != null)) {
				headerAt = i;
				break;
			}
		}
		if (headerAt < 0) {
			throw InvalidInputException.of("file", "site.import.noHeader");
		}
		List<SheetRow> rows = new ArrayList<>();
		for (int i = headerAt + 1; i < raw.size(); i++) {
			List<String> cells = raw.get(i);
			if (cells.stream().allMatch(c -> c == null)) {
				continue;
			}
			if (rows.size() == MAX_ROWS) {
				throw InvalidInputException.of("file", "site.import.tooManyRows", MAX_ROWS);
			}
			rows.add(new SheetRow(i + 1, cells));
		}
		return new Sheet(raw.get(headerAt), rows);
	}

	private static void checkUnpackedSize(byte[] content) {
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
						if (total > MAX_UNPACKED) {
							throw InvalidInputException.of("file", "site.import.unpackedTooLarge");
						}
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw InvalidInputException.of("file", "site.import.unreadable");
		}
	}

	private static List<List<String>> readXlsx(byte[] content) {
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
					if (rows.size() > MAX_ROWS + 20) {
						throw InvalidInputException.of("file", "site.import.tooManyRows", MAX_ROWS);
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw InvalidInputException.of("file", "site.import.unreadable");
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

	private static List<List<String>> readCsv(byte[] content) {
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
				if (rows.size() > MAX_ROWS + 20) {
					throw InvalidInputException.of("file", "site.import.tooManyRows", MAX_ROWS);
				}
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw InvalidInputException.of("file", "site.import.unreadable");
		}
		return rows;
	}

	private static String decode(byte[] content) {
		int offset = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			return strict(StandardCharsets.UTF_8, content, offset);
		}
		catch (CharacterCodingException notUtf8) {
			try {
				return strict(Charset.forName("GB18030"), content, 0);
			}
			catch (CharacterCodingException e) {
				throw InvalidInputException.of("file", "site.import.encoding");
			}
		}
	}

	private static String strict(Charset charset, byte[] content, int offset) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(content, offset, content.length - offset))
			.toString();
	}
}
