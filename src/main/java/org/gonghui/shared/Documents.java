package org.gonghui.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Checks an uploaded document (a nomination's papers, an objection's evidence, a mutual-aid claim's 出院小结 or
 * 发票) before it is stored: a PDF that opens and is not password-protected, or a JPEG/PNG checked as every photo
 * is by {@link Photos} (type from the content, not the name; metadata such as the phone's GPS position removed).
 * A renamed executable is neither and is refused. Shared so honours and mutual aid refuse the same files with the
 * same words. Message codes: {@code document.*}.
 */
public final class Documents {

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
	private static final String NO_NAME = "附件";

	private Documents() {
	}

	/** A document that passed: the name to show, its type as read from the content, the bytes to store. */
	public record Checked(String fileName, String contentType, byte[] content) {
	}

	/** Checks the document; problems are reported on {@code field}. */
	public static Checked check(byte[] content, String originalName, long maxBytes, String field) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of(field, "document.empty");
		}
		if (content.length > maxBytes) {
			throw InvalidInputException.of(field, "document.tooLarge", maxBytes / (1024 * 1024));
		}
		String name = displayName(originalName);
		if (isPdf(content)) {
			try (PDDocument document = Loader.loadPDF(content)) {
				if (document.isEncrypted() || document.getNumberOfPages() == 0) {
					throw InvalidInputException.of(field, "document.type");
				}
			}
			catch (IOException e) {
				throw InvalidInputException.of(field, "document.type");
			}
			return new Checked(name, "application/pdf", content);
		}
		try {
			Photos.Checked photo = Photos.check(content, maxBytes, field);
			return new Checked(name, photo.contentType(), photo.content());
		}
		catch (InvalidInputException e) {
			throw InvalidInputException.of(field, "document.type");
		}
	}

	/**
	 * The file's own name for display only: without directories, control or markup characters, at most its last
	 * 100 characters (where the extension is); 附件 when nothing is left.
	 */
	public static String displayName(String original) {
		String name = Text.clean(original);
		if (name != null) {
			name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("[\\p{Cntrl}<>\"'&]", "");
		}
		if (name == null || name.isBlank()) {
			return NO_NAME;
		}
		return name.length() > 100 ? name.substring(name.length() - 100) : name;
	}

	private static boolean isPdf(byte[] content) {
		return content.length > PDF_MAGIC.length && Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC);
	}
}
