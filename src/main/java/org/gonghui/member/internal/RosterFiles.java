package org.gonghui.member.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.gonghui.shared.spreadsheet.TextEncoding;

/**
 * Recognises and checks roster files before anything is read into the registry.
 * <p>
 * <b>Type.</b> By content, not by name: an .xlsx is a ZIP archive ({@code PK\3\4}); an old .xls or an
 * encrypted workbook is an OLE2 file ({@code D0 CF 11 E0}) and is refused with a hint; a CSV is text
 * (no NUL bytes, none of the usual binary signatures). The extension must agree with the content
 * (.xlsx or .csv); a name without extension is judged by content alone.
 * <p>
 * <b>CSV encoding.</b> Guessed by {@link CsvSniffer} from the first 64 KiB (UTF-8 with or without BOM,
 * else GB18030); the full inspection decodes the whole file strictly and refuses a file that is neither.
 * <p>
 * <b>.xlsx safety.</b> Zip-bomb and row-count checks of the archive are in {@link XlsxArchiveCheck}.
 */
final class RosterFiles {

	static final int EXCEL_MAX_ROWS = 1_048_576;

	enum Format {
		CSV, XLSX
	}

	/**
	 * @param maxFileSize bytes of the upload
	 * @param maxRows rows of a sheet, header included (Excel's limit)
	 * @param maxUncompressed bytes all entries of an .xlsx may inflate to
	 * @param maxRatio how many times its compressed size an entry may inflate to
	 * @param maxSharedStrings bytes the shared-strings table may inflate to (the reader holds it in memory)
	 * @param maxEntries entries of an .xlsx archive
	 * @param maxRecordChars characters of one CSV record or one cell
	 */
	record Limits(long maxFileSize, int maxRows, long maxUncompressed, int maxRatio, long maxSharedStrings, int maxEntries,
			int maxRecordChars) {

		static Limits defaults() {
			return new Limits(100L << 20, EXCEL_MAX_ROWS, 1L << 30, 100, 150L << 20, 1000, 100_000);
		}
	}

	/** What the inspection found. {@code dataRows} (rows after the header, blank ones included) only after a full inspection. */
	record Inspection(Format format, TextEncoding encoding, char delimiter, RosterHeader header, Integer dataRows) {
	}

	private final Limits limits;

	RosterFiles(Limits limits) {
		this.limits = limits;
	}

	Limits limits() {
		return limits;
	}

	/** The format by extension and content; refuses mismatches and anything that is neither. */
	Format format(String fileName, Path file) {
		byte[] head = head(file, 8);
		if (head.length == 0) {
			throw new RosterFileException("member.import.file.empty");
		}
		String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot + 1);
		boolean zip = startsWith(head, 0x50, 0x4B, 0x03, 0x04);
		boolean ole2 = startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
		if (ole2) {
			throw new RosterFileException("member.import.file.legacyExcel");
		}
		boolean text = !zip && looksLikeText(file);
		switch (extension) {
			case "xlsx":
				if (!zip) {
					throw new RosterFileException(text ? "member.import.file.textNamedXlsx" : "member.import.file.wrongType");
				}
				return Format.XLSX;
			case "csv":
				if (zip) {
					throw new RosterFileException("member.import.file.xlsxNamedCsv");
				}
				if (!text) {
					throw new RosterFileException("member.import.file.wrongType");
				}
				return Format.CSV;
			case "xls":
				throw new RosterFileException("member.import.file.legacyExcel");
			case "":
				if (zip) {
					return Format.XLSX;
				}
				if (text) {
					return Format.CSV;
				}
				throw new RosterFileException("member.import.file.wrongType");
			default:
				throw new RosterFileException("member.import.file.wrongType");
		}
	}

	/**
	 * Checks a file. The quick inspection (at upload, in the request) reads the header and, for .xlsx,
	 * the archive's directory; the full one (in the worker, before anything is written) reads the whole
	 * file once: encoding, CSV syntax, row count, and every .xlsx entry inflated with limits.
	 */
	Inspection inspect(Path file, Format format, boolean full) {
		if (format == Format.XLSX) {
			Integer rows = null;
			XlsxArchiveCheck archive = new XlsxArchiveCheck(limits);
			archive.checkDirectory(file);
			if (full) {
				rows = archive.inflateAndCountRows(file);
			}
			try (XlsxRosterReader reader = new XlsxRosterReader(file)) {
				Integer dataRows = rows == null ? null : Math.max(0, rows - reader.rowsThroughHeader());
				return new Inspection(format, null, ',', reader.header(), dataRows);
			}
		}
		TextEncoding encoding = CsvSniffer.sniffEncoding(file);
		char delimiter = CsvSniffer.delimiter(file, encoding);
		if (!full) {
			try (CsvRosterReader reader = new CsvRosterReader(file, encoding, delimiter, limits.maxRecordChars())) {
				return new Inspection(format, encoding, delimiter, reader.header(), null);
			}
		}
		try {
			return countCsv(file, encoding, delimiter);
		}
		catch (RosterFileException e) {
			if (encoding != TextEncoding.UTF8 || !"member.import.file.encoding".equals(e.code())) {
				throw e;
			}
			// Valid UTF-8 at the start, not further on: a GB18030 file whose first 64 KiB happen to be ASCII.
			// If it does not read as GB18030 either (a file mixing encodings), the encoding problem stands.
			try {
				return countCsv(file, TextEncoding.GB18030, CsvSniffer.delimiter(file, TextEncoding.GB18030));
			}
			catch (RosterFileException again) {
				throw e;
			}
		}
	}

	RosterReader open(Path file, Inspection inspection) {
		return inspection.format() == Format.XLSX ? new XlsxRosterReader(file)
				: new CsvRosterReader(file, inspection.encoding(), inspection.delimiter(), limits.maxRecordChars());
	}

	private Inspection countCsv(Path file, TextEncoding encoding, char delimiter) {
		try (CsvRosterReader reader = new CsvRosterReader(file, encoding, delimiter, limits.maxRecordChars())) {
			int rows = reader.countRemaining(limits.maxRows());
			return new Inspection(Format.CSV, encoding, delimiter, reader.header(), rows);
		}
	}

	/** The first {@code n} bytes of the file (fewer if it is shorter). */
	static byte[] head(Path file, int n) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(n);
		}
		catch (IOException e) {
			throw new RosterFileException("member.import.file.unreadable", e);
		}
	}

	private static boolean looksLikeText(Path file) {
		byte[] head = head(file, 8192);
		if (startsWith(head, 0x25, 0x50, 0x44, 0x46) // %PDF
				|| startsWith(head, 0x89, 0x50, 0x4E, 0x47) // PNG
				|| startsWith(head, 0xFF, 0xD8, 0xFF) // JPEG
				|| startsWith(head, 0x47, 0x49, 0x46, 0x38) // GIF8
				|| startsWith(head, 0x1F, 0x8B) // gzip
				|| startsWith(head, 0x52, 0x61, 0x72, 0x21) // Rar!
				|| startsWith(head, 0x37, 0x7A, 0xBC, 0xAF) // 7z
				|| startsWith(head, 0x50, 0x4B)) { // other zip records
			return false;
		}
		if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
			return true; // UTF-16 text: recognised as text, refused later with its own message
		}
		for (byte b : head) {
			if (b == 0) {
				return false;
			}
		}
		return true;
	}

	static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
