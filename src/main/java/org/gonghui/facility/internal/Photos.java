package org.gonghui.facility.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.gonghui.shared.InvalidInputException;

/**
 * Checks an uploaded photo before it is stored: JPEG or PNG by content (not by the name or the type the
 * browser claims), within the byte limit, and with sane dimensions read from the header only, so a tiny
 * file that would decode to gigapixels is refused without being decoded.
 */
final class Photos {

	static final int MAX_SIDE = 8000;

	private Photos() {
	}

	record Checked(String contentType, byte[] content, int width, int height) {
	}

	static Checked check(byte[] content, long maxBytes, String field) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of(field, "site.photo.empty");
		}
		if (content.length > maxBytes) {
			throw InvalidInputException.of(field, "site.photo.tooLarge", maxBytes / (1024 * 1024));
		}
		String type = sniff(content);
		if (type == null) {
			throw InvalidInputException.of(field, "site.photo.type");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw InvalidInputException.of(field, "site.photo.type");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
					throw InvalidInputException.of(field, "site.photo.dimensions", MAX_SIDE);
				}
				return new Checked(type, content, width, height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException e) {
			throw InvalidInputException.of(field, "site.photo.type");
		}
	}

	private static String sniff(byte[] b) {
		if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
			return "image/jpeg";
		}
		if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A) {
			return "image/png";
		}
		return null;
	}
}
