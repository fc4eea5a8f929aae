package org.gonghui.honor.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.Photos;
import org.gonghui.shared.Text;

/**
 * Checks a supporting file (a nomination's documents, an objection's evidence): a PDF that PDFBox can open
 * and that is not password-protected, or a photo checked as every photo is (type read from the content,
 * metadata removed). The name is kept for display only, cut to a plain length.
 */
final class SupportingFiles {

	static final long MAX_BYTES = 10L * 1024 * 1024;
	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private SupportingFiles() {
	}

	record Checked(String fileName, String contentType, byte[] content) {
	}

	static Checked check(byte[] content, String originalName, String field) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of(field, "honor.file.empty");
		}
		if (content.length > MAX_BYTES) {
			throw InvalidInputException.of(field, "honor.file.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		String name = displayName(originalName);
		if (content.length > PDF_MAGIC.length && Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
			try (PDDocument document = Loader.loadPDF(content)) {
				if (document.isEncrypted() || document.getNumberOfPages() == 0) {
					throw InvalidInputException.of(field, "honor.file.type");
				}
			}
			catch (IOException e) {
				throw InvalidInputException.of(field, "honor.file.type");
			}
			return new Checked(name, "application/pdf", content);
		}
		try {
			Photos.Checked photo = Photos.check(content, MAX_BYTES, field);
			return new Checked(name, photo.contentType(), photo.content());
		}
		catch (InvalidInputException e) {
			throw InvalidInputException.of(field, "honor.file.type");
		}
	}

	/** The file's own name without any directory, control or markup characters, at most 100 characters. */
	static String displayName(String original) {
		String name = Text.clean(original);
		if (name == null) {
			return "附件";
		}
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("[\\p{Cntrl}<>\"'&]", "");
		if (name.isBlank()) {
			return "附件";
		}
		return name.length() > 100 ? name.substring(name.length() - 100) : name;
	}
}
