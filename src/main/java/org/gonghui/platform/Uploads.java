package org.gonghui.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.gonghui.shared.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads an upload into memory only when it is within the limit: the container accepts files up to the
 * roster import's size, which is far more than a photo or a site sheet may be. Shared by every module that
 * takes small files (sites, feedback, activity summaries, honorees), so all of them answer alike.
 */
public final class Uploads {

	private Uploads() {
	}

	/** The file's bytes; null when no file was sent; a field error when it is larger than {@code maxBytes}. */
	public static byte[] bytes(MultipartFile file, long maxBytes, String field, String tooLargeCode) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		if (file.getSize() > maxBytes) {
			throw InvalidInputException.of(field, tooLargeCode, maxBytes / (1024 * 1024));
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
