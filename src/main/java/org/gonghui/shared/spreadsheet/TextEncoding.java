package org.gonghui.shared.spreadsheet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text encodings a CSV from a Chinese office comes in. A UTF-8 byte-order mark means UTF-8; without
 * one the bytes are tried as strict UTF-8, and if any sequence is not valid UTF-8 as GB18030 (what Excel in
 * China writes for "CSV (逗号分隔)"), again strictly. GBK text is almost never valid UTF-8 (two bytes per
 * character against three with fixed high bits), so the rule does not misread real files.
 */
public enum TextEncoding {

	UTF8_BOM("UTF-8 (BOM)", StandardCharsets.UTF_8), UTF8("UTF-8", StandardCharsets.UTF_8), GB18030("GB18030", Charset.forName("GB18030"));

	private final String label;
	private final Charset charset;

	TextEncoding(String label, Charset charset) {
		this.label = label;
		this.charset = charset;
	}

	/** As the import report shows it. */
	public String label() {
		return label;
	}

	public Charset charset() {
		return charset;
	}

	/** Bytes to skip before the text (the byte-order mark). */
	public int offset() {
		return this == UTF8_BOM ? 3 : 0;
	}

	/**
	 * The encoding of a file from its first bytes; {@code complete} says whether they are the whole file (if
	 * not, a character cut at the end is no evidence against UTF-8). Empty for UTF-16, which Gonghui refuses
	 * with its own message (Excel's "Unicode text" export).
	 */
	public static Optional<TextEncoding> guess(byte[] head, boolean complete) {
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			return Optional.of(UTF8_BOM);
		}
		if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
			return Optional.empty();
		}
		CoderResult result = strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), complete);
		return Optional.of(result.isError() ? GB18030 : UTF8);
	}

	/** The whole text, decoded strictly in the guessed encoding; empty when it is neither UTF-8 nor GB18030. */
	public static Optional<Decoded> decode(byte[] content) {
		Optional<TextEncoding> guess = guess(content, true);
		if (guess.isEmpty()) {
			return Optional.empty();
		}
		TextEncoding encoding = guess.get();
		try {
			return Optional.of(new Decoded(encoding, encoding.decodeStrictly(content)));
		}
		catch (CharacterCodingException notThis) {
			return Optional.empty();
		}
	}

	private String decodeStrictly(byte[] content) throws CharacterCodingException {
		return strict(charset).decode(ByteBuffer.wrap(content, offset(), content.length - offset())).toString();
	}

	/** Decoded text and the encoding it was in. */
	public record Decoded(TextEncoding encoding, String text) {
	}

	private static CharsetDecoder strict(Charset charset) {
		return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
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
