package org.gonghui.member.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gonghui.shared.spreadsheet.TextEncoding;

/**
 * How a CSV roster is written: its encoding and its delimiter, guessed from the start of the file.
 * <p>
 * A UTF-8 byte-order mark means UTF-8. Without one, the file is decoded as strict UTF-8; if any byte
 * sequence is not valid UTF-8 the file is read as GB18030 (what Excel in China writes for "CSV (逗号分隔)"),
 * again strictly. GBK text is almost never valid UTF-8 (a Chinese character in GBK is two bytes, in UTF-8
 * three with fixed high-bit patterns), so the rule does not misread real files; pure ASCII is the same in
 * both. This guess looks at the first 64 KiB only; the full pass in {@link RosterFiles#inspect} decides.
 */
final class CsvSniffer {

	private static final int SNIFF_BYTES = 64 * 1024;

	private CsvSniffer() {
	}

	/** BOM → UTF-8; else strict UTF-8 over the first 64 KiB (an incomplete character at the cut is fine), else GB18030. */
	static TextEncoding sniffEncoding(Path file) {
		byte[] head = RosterFiles.head(file, SNIFF_BYTES);
		return TextEncoding.guess(head, head.length < SNIFF_BYTES).orElseThrow(() -> new RosterFileException("member.import.file.utf16"));
	}

	/** Comma unless the first line has more semicolons or tabs (some exports use them). */
	static char delimiter(Path file, TextEncoding encoding) {
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
}
