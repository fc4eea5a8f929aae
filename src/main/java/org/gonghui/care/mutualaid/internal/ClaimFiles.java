package org.gonghui.care.mutualaid.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.Photos;
import org.gonghui.shared.Text;

/**
 * Checks a claim document as honor checks supporting files: a PDF that opens and is not password-protected, or a
 * JPEG/PNG checked as every photo is (type from the content, not the name; metadata such as the phone's GPS position
 * removed). A renamed executable is neither and is refused. The name is kept for display only.
 */
final class ClaimFiles {

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private ClaimFiles() {
	}

	record Checked(String fileName, String contentType, byte[] content) {
	}

	static Checked check(byte[] content, String originalName, long maxBytes) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "aid.file.empty");
		}
		if (content.length > maxBytes) {
			throw InvalidInputException.of("file", "aid.file.tooLarge", maxBytes / (1024 * 1024));
		}
		String name = displayName(originalName);
		if (content.length > PDF_MAGIC.length && Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
			try (PDDocument document = Loader.loadPDF(content)) {
				if (document.isEncrypted() || document.getNumberOfPages() == 0) {
					throw InvalidInputException.of("file", "aid.file.type");
				}
			}
			catch (IOException e) {
				throw InvalidInputException.of("file", "aid.file.type");
			}
			return new Checked(name, "application/pdf", content);
		}
		try {
			Photos.Checked photo = Photos.check(content, maxBytes, "file");
			return new Checked(name, photo.contentType(), photo.content());
		}
		catch (InvalidInputException e) {
			throw InvalidInputException.of("file", "aid.file.type");
		}
	}

	/** The file's own name without directories, control or markup characters, at most 100 characters. */
	static String displayName(String original) {
		String name = Text.clean(original);
		if (name != null) {
			name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("[\\p{Cntrl}<>\"'&]", "");
		}
		if (name == null || name.isBlank()) {
			return "附件";
		}
		return name.length() > 100 ? name.substring(name.length() - 100) : name;
	}
}
