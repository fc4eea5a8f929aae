package org.gonghui.platform;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Renders XHTML to PDF with OpenHTMLtoPDF and the CJK font shipped in the application: the one way
 * certificates, booklets and notices become PDFs, so all of them embed the same font the same way.
 *
 * <p>The font is WenQuanYi Micro Hei ({@code fonts/wqy-microhei.ttc}), so a PDF looks the same whatever the
 * server has installed. It is a TrueType collection: fontbox picks the face and PDFBox embeds the subset of
 * glyphs the document uses, because PDFBox cannot embed CFF-outline CJK fonts such as Noto CJK. Documents
 * set every element in {@link #FONT_FAMILY}, so no standard PDF font that a reader would have to substitute
 * ends up in the file.
 */
@Component
public class Pdfs {

	/** The CSS font family every document uses for all of its text. */
	public static final String FONT_FAMILY = "WenQuanYi Micro Hei";

	/** Pictures a document names as {@code src="gonghui:<key>"}; read when the renderer needs them. */
	public static final String PICTURE_SCHEME = "gonghui";

	static final String FONT_RESOURCE = "/fonts/wqy-microhei.ttc";
	/** The proportional face of the collection (the other is the monospaced one). */
	static final String FONT_FACE = "WenQuanYiMicroHei";

	/** Where a document's pictures come from: the bytes of a JPEG or PNG for a key, or null to leave it out. */
	@FunctionalInterface
	public interface Pictures {

		Pictures NONE = key -> null;

		byte[] load(String key);
	}

	/** The collection, read once (5 MB); each rendering parses its own copy (fontbox fonts are not thread-safe). */
	private final byte[] font;

	public Pdfs() {
		try (InputStream in = Pdfs.class.getResourceAsStream(FONT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Font " + FONT_RESOURCE + " is missing from the application");
			}
			this.font = in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A small document (a certificate): built in memory, written to {@code out}, which stays open. */
	public void render(String xhtml, OutputStream out) {
		render(xhtml, Pictures.NONE, false, out);
	}

	/**
	 * Writes the PDF to {@code out} and leaves it open (a ZIP writes the next entry after it). A {@code large}
	 * document (a booklet of thousands of pages) keeps its page streams and pictures in temporary files rather
	 * than on the heap while it is built; pictures are read one at a time, when the renderer reaches them.
	 */
	public void render(String xhtml, Pictures pictures, boolean large, OutputStream out) {
		try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(font))) {
			TrueTypeFont face = collection.getFontByName(FONT_FACE);
			if (face == null) {
				throw new IllegalStateException("Face " + FONT_FACE + " not found in " + FONT_RESOURCE);
			}
			// The document is ours so that the font can be loaded into it; the renderer saves and closes it.
			PDDocument document = new PDDocument(large ? IOUtils.createTempFileOnlyStreamCache() : IOUtils.createMemoryOnlyStreamCache());
			PDType0Font pdFont = PDType0Font.load(document, face, true);
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePDDocument(document);
			builder.useFont(new PDFontSupplier(pdFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useProtocolsStreamImplementation(uri -> picture(pictures, uri), PICTURE_SCHEME);
			builder.withHtmlContent(xhtml, null);
			builder.withProducer("Gonghui");
			builder.toStream(keepOpen(out));
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Numbers the pages of {@code document} from page {@code from} (1-based) at the bottom centre, in the embedded
	 * font, then saves it to {@code out} (left open). For a document put together from parts rendered one by one,
	 * whose own page counters each started at 1.
	 */
	public void numberPagesAndSave(PDDocument document, int from, float fontSize, float bottom, OutputStream out) {
		try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(font))) {
			// The face stays open until the document is saved: the subset is cut from it then.
			PDType0Font pdFont = PDType0Font.load(document, collection.getFontByName(FONT_FACE), true);
			for (int i = from - 1; i < document.getNumberOfPages(); i++) {
				var page = document.getPage(i);
				String number = Integer.toString(i + 1);
				float width = pdFont.getStringWidth(number) / 1000 * fontSize;
				try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page,
						org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.APPEND, true, true)) {
					content.beginText();
					content.setFont(pdFont, fontSize);
					content.setNonStrokingColor(0.47f, 0.47f, 0.47f);
					content.newLineAtOffset((page.getMediaBox().getWidth() - width) / 2, bottom);
					content.showText(number);
					content.endText();
				}
			}
			document.save(keepOpen(out));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The stream as the renderer sees it: its close only flushes, so the caller may write on (a ZIP's next entry). */
	private static OutputStream keepOpen(OutputStream out) {
		return new FilterOutputStream(out) {

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
	}

	private static FSStream picture(Pictures pictures, String uri) {
		String key = uri.substring(PICTURE_SCHEME.length() + 1);
		byte[] bytes = pictures.load(key);
		return new FSStream() {

			@Override
			public InputStream getStream() {
				return bytes == null ? null : new ByteArrayInputStream(bytes);
			}

			@Override
			public Reader getReader() {
				return null;
			}
		};
	}

	/**
	 * Escapes for XML text and attribute values. Not Spring's HtmlUtils: its HTML 4 entities (such as
	 * &amp;middot; for the dot in 买买提·艾力) are unknown to the XML parser. Characters XML forbids are dropped.
	 */
	public static String escape(String s) {
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
