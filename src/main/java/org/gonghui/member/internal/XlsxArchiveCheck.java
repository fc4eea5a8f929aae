package org.gonghui.member.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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

import org.gonghui.member.internal.RosterFiles.Limits;

/**
 * The safety checks of an .xlsx roster, which is a ZIP archive of XML parts.
 * <p>
 * The archive's directory is checked at upload (entry count, declared sizes, declared compression ratio);
 * before the first row is written the worker inflates every entry once, counting the real bytes, and stops
 * at the first entry that inflates beyond the total limit or more than {@code maxRatio} times its
 * compressed size (the ZipSecureFile rule). The shared-strings table, which the reader keeps in memory, has
 * its own size limit. XML is parsed with DTDs and external entities off. The same pass counts the rows of
 * the first sheet, so a sheet with more rows than the limit (at most Excel's 1,048,576) is refused before
 * anything is written.
 */
final class XlsxArchiveCheck {

	private static final long RATIO_CHECK_FLOOR = 1024 * 1024;

	private final Limits limits;

	XlsxArchiveCheck(Limits limits) {
		this.limits = limits;
	}

	/** The archive directory: entry count, duplicate names, declared sizes and ratios. */
	void checkDirectory(Path file) {
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
