package org.gonghui.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an uploaded photo before it is stored: JPEG or PNG by content (not by the name or the type the
 * browser claims), within the byte limit, and with sane dimensions read from the header only, so a tiny
 * file that would decode to gigapixels is refused without being decoded. Shared by every module that takes
 * photos (sites, feedback, activity summaries), so all of them refuse the same files and strip the same
 * metadata. Message codes: {@code photo.*}.
 */
public final class Photos {

	public static final int MAX_SIDE = 8000;

	private Photos() {
	}

	/** A photo that passed: its type as read from the content, the bytes without metadata, its size in pixels. */
	public record Checked(String contentType, byte[] content, int width, int height) {
	}

	/** Checks the photo; problems are reported on {@code field}. */
	public static Checked check(byte[] content, long maxBytes, String field) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of(field, "photo.empty");
		}
		if (content.length > maxBytes) {
			throw InvalidInputException.of(field, "photo.tooLarge", maxBytes / (1024 * 1024));
		}
		String type = sniff(content);
		if (type == null) {
			throw InvalidInputException.of(field, "photo.type");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw InvalidInputException.of(field, "photo.type");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
					throw InvalidInputException.of(field, "photo.dimensions", MAX_SIDE);
				}
				return new Checked(type, withoutMetadata(type, content), width, height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException e) {
			throw InvalidInputException.of(field, "photo.type");
		}
	}

	/**
	 * The photo without the metadata a phone writes into it (EXIF with GPS position, time and device,
	 * XMP, comments): a worker's feedback photo must not tell the world where they stood. JPEG keeps
	 * its JFIF (APP0) and Adobe (APP14) segments, which decoding needs; PNG keeps its critical chunks
	 * and colour information. Image data is copied untouched, never re-encoded. (EXIF orientation goes
	 * with the rest, so a phone photo taken sideways may show sideways.)
	 */
	public static byte[] withoutMetadata(String type, byte[] b) {
		try {
			return type.equals("image/jpeg") ? jpegWithoutMetadata(b) : pngWithoutMetadata(b);
		}
		catch (RuntimeException malformed) {
			throw InvalidInputException.of("photo", "photo.type");
		}
	}

	private static byte[] jpegWithoutMetadata(byte[] b) {
		var out = new java.io.ByteArrayOutputStream(b.length);
		out.write(b, 0, 2); // SOI
		int i = 2;
		while (i + 4 <= b.length) {
			if ((b[i] & 0xff) != 0xFF) {
				throw new IllegalArgumentException("not a marker");
			}
			int marker = b[i + 1] & 0xff;
			if (marker == 0xDA) {
				// Start of scan: the compressed image and everything after it are copied as they are.
				out.write(b, i, b.length - i);
				return out.toByteArray();
			}
			int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
			if (length < 2 || i + 2 + length > b.length) {
				throw new IllegalArgumentException("bad segment length");
			}
			boolean metadata = (marker >= 0xE1 && marker <= 0xEF && marker != 0xEE) || marker == 0xFE;
			if (!metadata) {
				out.write(b, i, 2 + length);
			}
			i += 2 + length;
		}
		throw new IllegalArgumentException("no image data");
	}

	private static final java.util.Set<String> PNG_METADATA = java.util.Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

	private static byte[] pngWithoutMetadata(byte[] b) {
		var out = new java.io.ByteArrayOutputStream(b.length);
		out.write(b, 0, 8); // signature
		int i = 8;
		while (i + 12 <= b.length) {
			int length = ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
			if (length < 0 || i + 12 + (long) length > b.length) {
				throw new IllegalArgumentException("bad chunk length");
			}
			String chunk = new String(b, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
			if (!PNG_METADATA.contains(chunk)) {
				out.write(b, i, 12 + length);
			}
			i += 12 + length;
			if (chunk.equals("IEND")) {
				return out.toByteArray();
			}
		}
		throw new IllegalArgumentException("no IEND");
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
