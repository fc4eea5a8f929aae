package org.gonghui.activity;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a certificate PDF is made of, read back with PDFBox: the text, the fonts of the first page, the
 * characters drawn with a real glyph (not the font's "missing" glyph 0, the empty box), and the page as a picture.
 */
record CertificatePdfChecks(int pages, float width, float height, String text, List<PDFont> fonts, Set<String> drawnWithGlyph,
		Set<String> drawnWithoutGlyph) {

	static CertificatePdfChecks read(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDPage page = document.getPage(0);
			List<PDFont> fonts = new ArrayList<>();
			for (COSName name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
			Set<String> withGlyph = new HashSet<>();
			Set<String> withoutGlyph = new HashSet<>();
			var stripper = new PDFTextStripper() {

				@Override
				protected void processTextPosition(TextPosition position) {
					super.processTextPosition(position);
					boolean real = true;
					if (position.getFont() instanceof PDType0Font type0) {
						for (int code : position.getCharacterCodes()) {
							try {
								real &= type0.codeToGID(code) != 0;
							}
							catch (IOException e) {
								real = false;
							}
						}
					}
					else {
						real = false;
					}
					(real ? withGlyph : withoutGlyph).add(position.getUnicode());
				}
			};
			String text = stripper.getText(document);
			return new CertificatePdfChecks(document.getNumberOfPages(), page.getMediaBox().getWidth(), page.getMediaBox().getHeight(), text, fonts,
					withGlyph, withoutGlyph);
		}
	}

	/** Each character of {@code text} (white space aside) was drawn with a real glyph of an embedded font. */
	boolean drewAll(String text) {
		return text.codePoints().filter(cp -> !Character.isWhitespace(cp)).allMatch(cp -> drawnWithGlyph.contains(Character.toString(cp)));
	}

	/** The text of the QR code on page 1, read from the rendered page as a phone camera would. */
	/**
	 * Decodes the QR code from the picture embedded in the page, not from a rendering of the whole page:
	 * a scaled rendering blurs the modules, and the decoder then fails on some numbers and not others.
	 */
	static String qrText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<BufferedImage> images = new ArrayList<>();
			collectImages(document.getPage(0).getResources(), images, 0);
			Exception last = new IllegalStateException("no picture on page 1");
			for (BufferedImage image : images) {
				try {
					return qrTextOf(image);
				}
				catch (com.google.zxing.ReaderException e) {
					last = e;
				}
			}
			throw last;
		}
	}

	private static void collectImages(org.apache.pdfbox.pdmodel.PDResources resources, List<BufferedImage> into, int depth)
			throws IOException {
		if (resources == null || depth > 5) {
			return;
		}
		for (COSName name : resources.getXObjectNames()) {
			var object = resources.getXObject(name);
			if (object instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
				into.add(image.getImage());
			}
			else if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
				collectImages(form.getResources(), into, depth + 1);
			}
		}
	}

	/**
	 * The text of a QR code picture as the certificate embeds it (whole pixels per module, its own margin). The
	 * picture is exact, so the pure-barcode reading (which takes the modules from the picture's own grid) comes
	 * first; ZXing's finder-pattern search alone misreads about one random number in two hundred.
	 */
	static String qrTextOf(BufferedImage image) throws com.google.zxing.ReaderException {
		try {
			return decode(image, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE));
		}
		catch (com.google.zxing.ReaderException e) {
			return decode(padded(image), java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
		}
	}

	/** A white border of a quarter of the side, so the decoder always finds its quiet zone. */
	private static BufferedImage padded(BufferedImage image) {
		int pad = Math.max(8, image.getWidth() / 4);
		BufferedImage out = new BufferedImage(image.getWidth() + 2 * pad, image.getHeight() + 2 * pad, BufferedImage.TYPE_INT_RGB);
		var g = out.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.drawImage(image, pad, pad, null);
		g.dispose();
		return out;
	}

	private static String decode(BufferedImage image, java.util.Map<com.google.zxing.DecodeHintType, ?> hints) throws com.google.zxing.ReaderException {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
				new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap, hints).getText();
	}

	/** Renders page 1 at 100 dpi to {@code target}, for a person to look at; answers the share of dark pixels. */
	static double renderFirstPage(byte[] pdf, Path target) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 100);
			Files.createDirectories(target.getParent());
			ImageIO.write(image, "png", target.toFile());
			long dark = 0;
			for (int y = 0; y < image.getHeight(); y += 2) {
				for (int x = 0; x < image.getWidth(); x += 2) {
					int rgb = image.getRGB(x, y);
					if (((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) < 200) {
						dark++;
					}
				}
			}
			return dark / (double) ((image.getHeight() / 2) * (image.getWidth() / 2));
		}
	}
}
