package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Photos are checked by content and lose the metadata that would tell where and when a worker took them. */
public class PhotosTests {

	private static final byte[] GPS = "Exif\0\0GPSLatitude 39.8475 GPSLongitude 116.3049".getBytes(StandardCharsets.ISO_8859_1);

	/** A plain image of that format and size, as ImageIO writes it. */
	public static byte[] image(String format, int w, int h) throws Exception {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

	/** A JPEG with an APP1 (EXIF) segment carrying a position, as a phone writes it, right after SOI. */
	public static byte[] jpegWithExif() throws Exception {
		byte[] plain = image("jpg", 40, 30);
		var out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = GPS.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(GPS);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	@Test
	void exifIsRemovedFromJpegsAndTheImageStillDecodes() throws Exception {
		byte[] withExif = jpegWithExif();
		assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");
		Photos.Checked checked = Photos.check(withExif, 2_000_000, "photo");
		assertThat(checked.contentType()).isEqualTo("image/jpeg");
		assertThat(new String(checked.content(), StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude").doesNotContain("Exif");
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(checked.content()));
		assertThat(decoded.getWidth()).isEqualTo(40);
		assertThat(checked.content().length).isEqualTo(withExif.length - GPS.length - 4);
	}

	@Test
	void textAndTimeChunksAreRemovedFromPngs() throws Exception {
		byte[] plain = image("png", 20, 10);
		// A tEXt chunk after IHDR (8 signature + 25 IHDR bytes); the CRC is not checked by decoders we rely on, but keep it plausible.
		byte[] text = "Location\0Beijing 39.8475,116.3049".getBytes(StandardCharsets.ISO_8859_1);
		var out = new ByteArrayOutputStream();
		out.write(plain, 0, 33);
		out.write(new byte[] { 0, 0, 0, (byte) text.length });
		byte[] typeAndData = new byte[4 + text.length];
		System.arraycopy("tEXt".getBytes(StandardCharsets.ISO_8859_1), 0, typeAndData, 0, 4);
		System.arraycopy(text, 0, typeAndData, 4, text.length);
		out.write(typeAndData);
		var crc = new java.util.zip.CRC32();
		crc.update(typeAndData);
		long c = crc.getValue();
		out.write(new byte[] { (byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c });
		out.write(plain, 33, plain.length - 33);
		Photos.Checked checked = Photos.check(out.toByteArray(), 2_000_000, "photo");
		assertThat(new String(checked.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Beijing");
		assertThat(checked.content()).isEqualTo(plain);
	}

	@Test
	void whatIsNotAJpegOrPngIsRefused() throws Exception {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Photos.check("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), 2_000_000, "photo"))
			.satisfies(e -> assertThat(e.problems().get(0).code()).isEqualTo("photo.type"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Photos.check(image("gif", 5, 5), 2_000_000, "photo"));
		byte[] truncated = java.util.Arrays.copyOf(jpegWithExif(), 30);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Photos.check(truncated, 2_000_000, "photo"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Photos.check(image("png", 5, 5), 10, "photo"))
			.satisfies(e -> assertThat(e.problems().get(0).code()).isEqualTo("photo.tooLarge"));
	}
}
