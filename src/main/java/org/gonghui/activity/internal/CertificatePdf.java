package org.gonghui.activity.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.gonghui.activity.CertificateStatus;
import org.gonghui.activity.internal.CertificateRepository.Certificate;
import org.gonghui.platform.QrCodes;
import org.springframework.stereotype.Component;

/**
 * Renders a certificate as an A4 landscape PDF in Chinese with OpenHTMLtoPDF, from an XHTML string in which
 * every stored value is escaped.
 *
 * <p>The font is WenQuanYi Micro Hei, shipped in the application ({@code fonts/wqy-microhei.ttc}) so a PDF
 * looks the same whatever the server has installed. It is a TrueType collection: fontbox picks the face and
 * PDFBox embeds the subset of glyphs the page uses (a few kilobytes), because PDFBox cannot embed CFF-outline
 * CJK fonts such as Noto CJK. Every element uses that one font, so no standard PDF font that a reader would
 * have to substitute ends up in the file.
 */
@Component
class CertificatePdf {

	static final String FONT_RESOURCE = "/fonts/wqy-microhei.ttc";
	/** The proportional face of the collection (the other is the monospaced one). */
	static final String FONT_FACE = "WenQuanYiMicroHei";
	private static final String FAMILY = "WenQuanYi Micro Hei";
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/** The collection, read once (5 MB); each rendering parses its own copy (fontbox fonts are not thread-safe). */
	private final byte[] font;

	CertificatePdf() {
		try (InputStream in = CertificatePdf.class.getResourceAsStream(FONT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Font " + FONT_RESOURCE + " is missing from the application");
			}
			this.font = in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	byte[] render(Certificate c, String verifyUrl) {
		var out = new ByteArrayOutputStream(64 * 1024);
		render(c, verifyUrl, out);
		return out.toByteArray();
	}

	/** Writes the PDF to {@code out} and leaves it open (a ZIP writes the next entry after it). */
	void render(Certificate c, String verifyUrl, OutputStream out) {
		try (TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(font))) {
			TrueTypeFont face = collection.getFontByName(FONT_FACE);
			if (face == null) {
				throw new IllegalStateException("Face " + FONT_FACE + " not found in " + FONT_RESOURCE);
			}
			// The document is ours so that the font can be loaded into it; the renderer saves and closes it.
			PDDocument document = new PDDocument();
			PDType0Font pdFont = PDType0Font.load(document, face, true);
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePDDocument(document);
			builder.useFont(new PDFontSupplier(pdFont), FAMILY, 400, FontStyle.NORMAL, true);
			builder.withHtmlContent(html(c, verifyUrl), null);
			builder.withProducer("Gonghui");
			builder.toStream(new FilterOutputStream(out) {

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					out.write(b, off, len);
				}

				@Override
				public void close() throws IOException {
					flush();
				}
			});
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The page as XHTML (OpenHTMLtoPDF parses it as XML). Values are escaped; the layout uses no script. */
	String html(Certificate c, String verifyUrl) {
		String dates = c.startsOn() == null ? "" : c.startsOn().equals(c.endsOn()) ? date(c.startsOn())
				: date(c.startsOn()) + "至" + date(c.endsOn());
		String signatories = c.issuer() == null ? escape(c.organiser()) : escape(c.issuer()) + "<br/>" + escape(c.organiser());
		StringBuilder h = new StringBuilder(4096);
		// Every block is placed from the top of the page (A4 landscape is 297 × 210 mm): OpenHTMLtoPDF lays out
		// absolutely positioned blocks reliably that way.
		h.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"utf-8\"/>")
			.append("<title>结业证书 ").append(escape(c.number())).append("</title><style>")
			.append("@page { size: A4 landscape; margin: 0; }")
			.append("* { font-family: '").append(FAMILY).append("'; }")
			.append("body { margin: 0; color: #222; }")
			.append(".frame { position: absolute; top: 8mm; left: 8mm; width: 277mm; height: 190mm; border: 2.5mm solid #b22222; }")
			.append(".inner { position: absolute; top: 13mm; left: 13mm; width: 270mm; height: 183mm; border: 0.4mm solid #b8860b; }")
			.append("h1 { position: absolute; top: 26mm; left: 0; width: 297mm; text-align: center; font-size: 40pt; letter-spacing: 12pt;")
			.append(" color: #b22222; margin: 0; font-weight: normal; }")
			.append(".revoked { position: absolute; top: 48mm; left: 0; width: 297mm; text-align: center; font-size: 16pt; color: #b22222; }")
			.append(".body { position: absolute; top: 60mm; left: 35mm; width: 227mm; text-align: center; font-size: 17pt; line-height: 1.8; }")
			.append(".body p { margin: 0; }")
			.append(".holder { font-size: 24pt; }")
			.append(".programme { font-size: 20pt; color: #7f0000; margin: 2mm 0; }")
			.append(".qr { position: absolute; top: 140mm; left: 35mm; width: 30mm; height: 30mm; }")
			.append(".meta { position: absolute; top: 172mm; left: 35mm; width: 150mm; font-size: 9pt; color: #555; line-height: 1.5; }")
			.append(".signatories { position: absolute; top: 142mm; left: 150mm; width: 112mm; text-align: right; font-size: 15pt; line-height: 1.6; }")
			.append("</style></head><body>")
			.append("<div class=\"frame\"></div><div class=\"inner\"></div>")
			.append("<h1>结业证书</h1>");
		if (c.status() == CertificateStatus.REVOKED) {
			h.append("<div class=\"revoked\">本证书已撤销</div>");
		}
		h.append("<div class=\"body\"><p class=\"holder\">").append(escape(c.holderName())).append(" 同志</p>");
		h.append("<p>").append(dates.isEmpty() ? "" : "于" + dates).append("参加</p>");
		h.append("<p class=\"programme\">").append(escape(c.programme())).append("</p>")
			.append("<p>完成规定课程，共").append(c.hours().stripTrailingZeros().toPlainString()).append("学时，准予结业。特发此证。</p></div>")
			.append("<img class=\"qr\" alt=\"\" src=\"").append(escape(QrCodes.pngDataUri(verifyUrl, 8))).append("\"/>")
			.append("<div class=\"meta\">证书编号：").append(escape(c.number())).append("<br/>验证：").append(escape(verifyUrl)).append("</div>")
			.append("<div class=\"signatories\">").append(signatories).append("<br/>")
			.append(date(LocalDate.ofInstant(c.issuedAt(), BEIJING))).append("</div>")
			.append("</body></html>");
		return h.toString();
	}

	private static String date(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	/**
	 * Escapes for XML text and attribute values. Not Spring's HtmlUtils: its HTML 4 entities (such as
	 * &amp;middot; for the dot in 买买提·艾力) are unknown to the XML parser. Characters XML forbids are dropped.
	 */
	static String escape(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(s.length() + 16);
		s.codePoints().forEach(cp -> {
			switch (cp) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF && (cp < 0xD800 || cp > 0xDFFF) || cp == '\t' || cp == '\n' || cp == '\r') {
						out.appendCodePoint(cp);
					}
				}
			}
		});
		return out.toString();
	}
}
