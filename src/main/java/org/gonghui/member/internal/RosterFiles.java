package org.gonghui.member.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Recognises and checks roster files before anything is read into the registry.
 * <p>
 * <b>Type.</b> By content, not by name: an .xlsx is a ZIP archive ({@code PK\3\4}); an old .xls or an
 * encrypted workbook is an OLE2 file ({@code D0 CF 11 E0}) and is refused with a hint; a CSV is text
 * (no NUL bytes, none of the usual binary signatures). The extension must agree with the content
 * (.xlsx or .csv); a name without extension is judged by content alone.
 * <p>
 * <b>CSV encoding.</b> A UTF-8 byte-order mark means UTF-8. Without one, the whole file is decoded as
 * strict UTF-8; if any byte sequence is not valid UTF-8 the file is read as GB18030 (what Excel in
 * China writes for "CSV (逗号分隔)"), again strictly. A file that is neither is refused. GBK text is
 * almost never valid UTF-8 (a Chinese character in GBK is two bytes, in UTF-8 three with fixed
 * high-bit patterns), so the rule does not misread real files; pure ASCII is the same in both.
 * The quick check at upload looks at the first 64 KiB only; the worker's full pass decides.
 * <p>
 * <b>.xlsx safety.</b> The archive's directory is checked at upload (entry count, declared sizes,
 * declared compression ratio); before the first row is written the worker inflates every entry once,
 * counting the real bytes, and stops at the first entry that inflates beyond the total limit or more
 * than {@code maxRatio} times its compressed size (the ZipSecureFile rule). The shared-strings table,
 * which the reader keeps in memory, has its own size limit. XML is parsed with DTDs and external
 * entities off. The same pass counts the rows of the first sheet, so a sheet with more rows than Excel
 * allows (1,048,576) is refused before anything is written.
 */
final class RosterFiles {

	static final int EXCEL_MAX_ROWS = 1_048_576;
	private static final int SNIFF_BYTES = 64 * 1024;
	private static final long RATIO_CHECK_FLOOR = 1024 * 1024;

	enum Format {
		CSV, XLSX
	}

	enum Encoding {
		UTF8_BOM("UTF-8 (BOM)", StandardCharsets.UTF_8), UTF8("UTF-8", StandardCharsets.UTF_8), GB18030("GB18030", Charset.forName("GB18030"));

		private final String label;
		private final Charset charset;

		Encoding(String label, Charset charset) {
			this.label = label;
			this.charset = charset;
		}

		String label() {
			return label;
		}

		Charset charset() {
			return charset;
		}
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
	record Inspection(Format format, Encoding encoding, char delimiter, RosterHeader header, Integer dataRows) {
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
			checkZipDirectory(file);
			if (full) {
				rows = inflateAndCountRows(file);
			}
			try (XlsxRosterReader reader = new XlsxRosterReader(file)) {
				Integer dataRows = rows == null ? null : Math.max(0, rows - reader.rowsThroughHeader());
				return new Inspection(format, null, ',', reader.header(), dataRows);
			}
		}
		Encoding encoding = sniffEncoding(file);
		char delimiter = delimiter(file, encoding);
		if (!full) {
			try (CsvRosterReader reader = new CsvRosterReader(file, encoding, delimiter, limits.maxRecordChars())) {
				return new Inspection(format, encoding, delimiter, reader.header(), null);
			}
		}
		try {
			return countCsv(file, encoding, delimiter);
		}
		catch (RosterFileException e) {
			if (encoding != Encoding.UTF8 || !"member.import.file.encoding".equals(e.code())) {
				throw e;
			}
			// Valid UTF-8 at the start, not further on: a GB18030 file whose first 64 KiB happen to be ASCII.
			// If it does not read as GB18030 either (a file mixing encodings), the encoding problem stands.
			try {
				return countCsv(file, Encoding.GB18030, delimiter(file, Encoding.GB18030));
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

	private Inspection countCsv(Path file, Encoding encoding, char delimiter) {
		try (CsvRosterReader reader = new CsvRosterReader(file, encoding, delimiter, limits.maxRecordChars())) {
			int rows = reader.countRemaining(limits.maxRows());
			return new Inspection(Format.CSV, encoding, delimiter, reader.header(), rows);
		}
	}

	/** BOM → UTF-8; else strict UTF-8 over the first 64 KiB (an incomplete character at the cut is fine), else GB18030. */
	static Encoding sniffEncoding(Path file) {
		byte[] head = head(file, SNIFF_BYTES);
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			return Encoding.UTF8_BOM;
		}
		if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
			throw new RosterFileException("member.import.file.utf16");
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CoderResult result = utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), head.length < SNIFF_BYTES);
		return result.isError() ? Encoding.GB18030 : Encoding.UTF8;
	}

	/** Comma unless the first line has more semicolons or tabs (some exports use them). */
	static char delimiter(Path file, Encoding encoding) {
		String firstLine;
		try (Reader reader = new InputStreamReader(Files.newInputStream(file), encoding.charset())) {
			StringBuilder sb = new StringBuilder();
			int c;
			while ((c = reader.read()) >= 0 && c != '\n' && sb.length() < 4096) {
				sb.append((char) c);
			}
			firstLine = sb.toString();
		}
		catch (IOException e) {
			throw new RosterFileException("member.import.file.unreadable", e);
		}
		long commas = firstLine.chars().filter(ch -> ch == ',').count();
		long semicolons = firstLine.chars().filter(ch -> ch == ';').count();
		long tabs = firstLine.chars().filter(ch -> ch == '\t').count();
		if (tabs > commas && tabs >= semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	/** The archive directory: entry count, duplicate names, declared sizes and ratios. */
	void checkZipDirectory(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > limits.maxEntries()) {
				throw new RosterFileException("member.import.file.zipBomb");
			}
			Set<String> names = new HashSet<>();
			long total = 0;
			boolean contentTypes = false;
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				ZipEntry e = entries.nextElement();
				if (!names.add(e.getName())) {
					throw new RosterFileException("member.import.file.damaged");
				}
				contentTypes |= e.getName().equals("[Content_Types].xml");
				long size = e.getSize();
				long compressed = e.getCompressedSize();
				if (size > 0) {
					total += size;
					if (total > limits.maxUncompressed() || (size > RATIO_CHECK_FLOOR && compressed > 0 && size / compressed > limits.maxRatio())) {
						throw new RosterFileException("member.import.file.zipBomb");
					}
					if (isSharedStrings(e.getName()) && size > limits.maxSharedStrings()) {
						throw new RosterFileException("member.import.file.tooManyTexts", limits.maxSharedStrings() >> 20);
					}
				}
			}
			if (!contentTypes) {
				throw new RosterFileException("member.import.file.notWorkbook");
			}
		}
		catch (ZipException e) {
			throw new RosterFileException("member.import.file.damaged", e);
		}
		catch (IOException e) {
			throw new RosterFileException("member.import.file.unreadable", e);
		}
	}

	/**
	 * Inflates every entry once, counting real bytes against the limits (declared sizes can lie), and
	 * counts the row elements of the first sheet. Returns the number of rows (header included).
	 */
	int inflateAndCountRows(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			String sheet = firstSheetPath(zip);
			long[] total = { 0 };
			Integer rows = null;
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				ZipEntry e = entries.nextElement();
				if (e.isDirectory()) {
					continue;
				}
				long entryLimit = isSharedStrings(e.getName()) ? limits.maxSharedStrings() : limits.maxUncompressed();
				try (LimitedInputStream in = new LimitedInputStream(zip.getInputStream(e), e.getCompressedSize(), isSharedStrings(e.getName()), entryLimit, total)) {
					if (e.getName().equals(sheet)) {
						rows = countRows(in);
					}
					in.transferTo(OutputStreamSink.INSTANCE);
				}
			}
			if (rows == null) {
				throw new RosterFileException("member.import.file.notWorkbook");
			}
			return rows;
		}
		catch (ZipException e) {
			throw new RosterFileException("member.import.file.damaged", e);
		}
		catch (IOException e) {
			throw new RosterFileException("member.import.file.unreadable", e);
		}
	}

	private int countRows(InputStream in) {
		int rows = 0;
		try {
			XMLStreamReader xml = xmlFactory().createXMLStreamReader(in);
			try {
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
						rows++;
						String r = xml.getAttributeValue(null, "r");
						if (rows > limits.maxRows() || (r != null && r.length() > 9) || (r != null && Long.parseLong(r.strip()) > limits.maxRows())) {
							throw new RosterFileException("member.import.file.tooManyRows", limits.maxRows());
						}
					}
					else if (event == XMLStreamConstants.CHARACTERS && xml.getTextLength() > limits.maxRecordChars()) {
						throw new RosterFileException("member.import.file.recordTooLong", limits.maxRecordChars());
					}
				}
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException | NumberFormatException e) {
			throw new RosterFileException("member.import.file.damaged", e);
		}
		return rows;
	}

	/** The first sheet of the workbook, as fastexcel-reader picks it: the first {@code <sheet>} of workbook.xml. */
	private String firstSheetPath(ZipFile zip) throws IOException {
		String workbook = "xl/workbook.xml";
		Map<String, String> overrides = new HashMap<>();
		ZipEntry types = zip.getEntry("[Content_Types].xml");
		if (types == null) {
			throw new RosterFileException("member.import.file.notWorkbook");
		}
		forEachElement(zip, types, "Override", x -> overrides.put(x.getAttributeValue(null, "ContentType"), x.getAttributeValue(null, "PartName")));
		for (var o : overrides.entrySet()) {
			if (o.getKey() != null && o.getKey().contains("spreadsheetml.sheet.main+xml") && o.getValue() != null) {
				workbook = o.getValue().startsWith("/") ? o.getValue().substring(1) : o.getValue();
			}
		}
		ZipEntry workbookEntry = zip.getEntry(workbook);
		if (workbookEntry == null) {
			throw new RosterFileException("member.import.file.notWorkbook");
		}
		String[] firstId = { null };
		forEachElement(zip, workbookEntry, "sheet", x -> {
			if (firstId[0] == null) {
				for (int i = 0; i < x.getAttributeCount(); i++) {
					if ("id".equals(x.getAttributeLocalName(i)) && x.getAttributeNamespace(i) != null) {
						firstId[0] = x.getAttributeValue(i);
					}
				}
			}
		});
		int slash = workbook.lastIndexOf('/');
		String dir = slash < 0 ? "" : workbook.substring(0, slash + 1);
		ZipEntry rels = zip.getEntry(dir + "_rels/" + workbook.substring(slash + 1) + ".rels");
		if (firstId[0] == null || rels == null) {
			throw new RosterFileException("member.import.file.notWorkbook");
		}
		String[] target = { null };
		forEachElement(zip, rels, "Relationship", x -> {
			if (firstId[0].equals(x.getAttributeValue(null, "Id"))) {
				target[0] = x.getAttributeValue(null, "Target");
			}
		});
		if (target[0] == null) {
			throw new RosterFileException("member.import.file.notWorkbook");
		}
		return target[0].startsWith("/") ? target[0].substring(1) : Path.of(dir + target[0]).normalize().toString().replace('\\', '/');
	}

	private void forEachElement(ZipFile zip, ZipEntry entry, String localName, java.util.function.Consumer<XMLStreamReader> action)
			throws IOException {
		try (InputStream in = new LimitedInputStream(zip.getInputStream(entry), entry.getCompressedSize(), false, 16L << 20, new long[1])) {
			XMLStreamReader xml = xmlFactory().createXMLStreamReader(in);
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && localName.equals(xml.getLocalName())) {
					action.accept(xml);
				}
			}
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new RosterFileException("member.import.file.damaged", e);
		}
	}

	private static XMLInputFactory xmlFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	private static boolean isSharedStrings(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith("sharedstrings.xml");
	}

	private static byte[] head(Path file, int n) {
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

	private static boolean startsWith(byte[] bytes, int... prefix) {
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

	/** Discards bytes. */
	private static final class OutputStreamSink extends java.io.OutputStream {

		static final OutputStreamSink INSTANCE = new OutputStreamSink();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}
	}

	/**
	 * Counts inflated bytes of one entry and of the whole archive; fails as soon as the entry exceeds its
	 * limit or {@code maxRatio} times its compressed size (past the first MiB), or the archive its total.
	 */
	private final class LimitedInputStream extends FilterInputStream {

		private final long compressed;
		private final boolean sharedStrings;
		private final long entryLimit;
		private final long[] total;
		private long count;

		LimitedInputStream(InputStream in, long compressed, boolean sharedStrings, long entryLimit, long[] total) {
			super(in);
			this.compressed = compressed;
			this.sharedStrings = sharedStrings;
			this.entryLimit = entryLimit;
			this.total = total;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				add(n);
			}
			return n;
		}

		private void add(int n) {
			count += n;
			total[0] += n;
			if (count > entryLimit && sharedStrings) {
				throw new RosterFileException("member.import.file.tooManyTexts", limits.maxSharedStrings() >> 20);
			}
			if (count > entryLimit || total[0] > limits.maxUncompressed()
					|| (count > RATIO_CHECK_FLOOR && compressed > 0 && count / compressed > limits.maxRatio())) {
				throw new RosterFileException("member.import.file.zipBomb");
			}
		}
	}

}
