package org.gonghui.workplan.standard.internal;

import org.gonghui.workplan.standard.internal.StandardService.EvidenceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.Photos;
import org.gonghui.shared.Text;

/**
 * Checks an evidence file by its content, as every upload is: a PDF that opens and is not password-protected, or a
 * JPEG/PNG photo (metadata removed by {@link Photos}). The name is for display only.
 */
final class EvidenceFiles {

	static final long MAX_BYTES = 10L * 1024 * 1024;
	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private EvidenceFiles() {
	}

	static EvidenceFile check(byte[] content, String originalName) {
		if (content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "standard.file.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		String name = name(originalName);
		if (content.length > PDF.length && Arrays.equals(Arrays.copyOf(content, PDF.length), PDF)) {
			try (PDDocument document = Loader.loadPDF(content)) {
				if (!document.isEncrypted() && document.getNumberOfPages() > 0) {
					return new EvidenceFile(name, "application/pdf", content);
				}
			}
			catch (IOException e) {
				// falls through to the refusal below
			}
			throw InvalidInputException.of("file", "standard.file.type");
		}
		try {
			Photos.Checked photo = Photos.check(content, MAX_BYTES, "file");
			return new EvidenceFile(name, photo.contentType(), photo.content());
		}
		catch (InvalidInputException e) {
			throw InvalidInputException.of("file", "standard.file.type");
		}
	}

	private static String name(String original) {
		String name = Text.clean(original);
		if (name != null) {
			name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("[\\p{Cntrl}<>\"'&]", "");
		}
		if (name == null || name.isBlank()) {
			return "证明材料";
		}
		return name.length() > 100 ? name.substring(name.length() - 100) : name;
	}
}
