package org.gonghui.activity.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.gonghui.shared.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an uploaded photo into memory only when it is within the limit: the container accepts files up to
 * the roster import's size, far more than a photo may be.
 */
final class SummaryUploads {

	private SummaryUploads() {
	}

	/** The file's bytes; null when no file was sent (the service then asks for one). */
	static byte[] photo(MultipartFile file, long maxBytes) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		if (file.getSize() > maxBytes) {
			throw InvalidInputException.of("photo", "photo.tooLarge", maxBytes / (1024 * 1024));
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
