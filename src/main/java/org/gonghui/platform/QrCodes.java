package org.gonghui.platform;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as SVG (ZXing encodes; one path element draws the modules, so pages need no inline style) and as
 * PNG for documents such as certificate PDFs, drawn from the bit matrix with the JDK's ImageIO (no extra
 * ZXing artefact).
 */
public final class QrCodes {

	private QrCodes() {
	}

	public static String svg(String payload) {
		BitMatrix m = encode(payload);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < m.getHeight(); y++) {
			for (int x = 0; x < m.getWidth(); x++) {
				if (m.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
				+ "\"/></svg>";
	}

	/** A black-and-white PNG, {@code moduleSize} pixels per module (sharp when scaled, as each module is whole pixels). */
	public static byte[] png(String payload, int moduleSize) {
		BitMatrix m = encode(payload);
		var image = new java.awt.image.BufferedImage(m.getWidth() * moduleSize, m.getHeight() * moduleSize,
				java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, m.get(x / moduleSize, y / moduleSize) ? 0xFF000000 : 0xFFFFFFFF);
			}
		}
		var out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", out);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** {@link #png} as a {@code data:} URI, for an {@code <img>} in an HTML document rendered to PDF. */
	public static String pngDataUri(String payload, int moduleSize) {
		return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png(payload, moduleSize));
	}

	private static BitMatrix encode(String payload) {
		try {
			return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("Cannot encode as QR code", e);
		}
	}
}
