package org.gonghui.platform;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as SVG (ZXing encodes; one path element draws the modules, so pages need no inline style). */
public final class QrCodes {

	private QrCodes() {
	}

	public static String svg(String payload) {
		try {
			BitMatrix m = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8"));
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
		catch (WriterException e) {
			throw new IllegalArgumentException("Cannot encode as QR code", e);
		}
	}
}
