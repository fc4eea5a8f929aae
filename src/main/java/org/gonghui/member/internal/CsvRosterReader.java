package org.gonghui.member.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV roster with commons-csv, streaming. Empty lines are kept as (blank) records so that row
 * numbers match what Excel shows when it opens the file; the header row is found among the first rows.
 * Decoding is strict: a byte sequence that is not valid in the file's encoding is an error, never a
 * silent replacement character.
 */
final class CsvRosterReader implements RosterReader {

	private final InputStream in;
	private final GuardedReader guard;
	private final CSVParser parser;
	private final Iterator<CSVRecord> records;
	private final RosterHeader header;
	private final int rowsThroughHeader;

	CsvRosterReader(Path file, org.gonghui.shared.spreadsheet.TextEncoding encoding, char delimiter, int maxRecordChars) {
		try {
			in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
			if (encoding == org.gonghui.shared.spreadsheet.TextEncoding.UTF8_BOM) {
				in.skipNBytes(3);
			}
			Reader decoder = new InputStreamReader(in, encoding.charset().newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT));
			guard = new GuardedReader(decoder, maxRecordChars);
			parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get().parse(guard);
			records = parser.iterator();
		}
		catch (IOException e) {
			throw new RosterFileException("member.import.file.unreadable", e);
		}
		RosterHeader found = null;
		int read = 0;
		while (found == null && read < RosterHeader.MAX_ROWS_BEFORE_HEADER && hasNext()) {
			CSVRecord r = nextRecord();
			read++;
			found = RosterHeader.detect(Math.toIntExact(r.getRecordNumber()), r.toList()).orElse(null);
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
	public RosterRecord next() {
		if (!hasNext()) {
			return null;
		}
		CSVRecord r = nextRecord();
		RosterCell[] cells = new RosterCell[RosterColumn.values().length];
		for (RosterColumn c : RosterColumn.values()) {
			int position = header.position(c);
			if (position >= 0 && position < r.size()) {
				cells[c.ordinal()] = RosterCell.text(r.get(position));
			}
		}
		return new RosterRecord(Math.toIntExact(r.getRecordNumber()), cells);
	}

	/** Counts the data rows left (used by the inspection, which reads the whole file once before anything is written). */
	int countRemaining(int maxRowNumber) {
		int count = 0;
		while (hasNext()) {
			CSVRecord r = nextRecord();
			if (r.getRecordNumber() > maxRowNumber) {
				throw new RosterFileException("member.import.file.tooManyRows", maxRowNumber);
			}
			count++;
		}
		return count;
	}

	private boolean hasNext() {
		try {
			return records.hasNext();
		}
		catch (UncheckedIOException e) {
			throw translate(e);
		}
	}

	private CSVRecord nextRecord() {
		try {
			CSVRecord r = records.next();
			guard.recordEnded();
			return r;
		}
		catch (UncheckedIOException e) {
			throw translate(e);
		}
	}

	private RosterFileException translate(UncheckedIOException e) {
		if (e.getCause() instanceof CharacterCodingException) {
			return new RosterFileException("member.import.file.encoding", e);
		}
		// commons-csv: "EOF reached before encapsulated token finished", "invalid char between encapsulated token and delimiter"
		return new RosterFileException("member.import.file.badCsv", e, parser.getCurrentLineNumber());
	}

	@Override
	public void close() {
		try {
			in.close();
		}
		catch (IOException e) {
			// nothing to do: the file was read-only
		}
	}

	/**
	 * Stops a single record from growing without bound (a missing closing quote swallows the rest of
	 * the file into one cell): the parser buffers a whole record, so memory would grow with the file.
	 */
	static final class GuardedReader extends Reader {

		private final Reader delegate;
		private final int max;
		private long sinceReset;

		GuardedReader(Reader delegate, int max) {
			this.delegate = delegate;
			this.max = max;
		}

		/** A record ended: start counting afresh. */
		void recordEnded() {
			sinceReset = 0;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				sinceReset += n;
				// The parser reads ahead by its buffer, so allow one buffer on top of the limit.
				if (sinceReset > (long) max + 2 * length) {
					throw new RosterFileException("member.import.file.recordTooLong", max);
				}
			}
			return n;
		}

		@Override
		public void close() throws IOException {
			delegate.close();
		}
	}
}
