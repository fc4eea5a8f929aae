import java.io.File;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Reads a booklet PDF for bench/booklet.sh: pages, page size, pictures, and whether every font is embedded.
 * Usage: java -cp <PDFBox on the classpath> bench/BookletCheck.java booklet.pdf
 */
public class BookletCheck {

	public static void main(String[] args) throws Exception {
		try (var document = Loader.loadPDF(new File(args[0]))) {
			int images = 0;
			boolean embedded = true;
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					embedded &= page.getResources().getFont(name).isEmbedded();
				}
				for (COSName name : page.getResources().getXObjectNames()) {
					images += page.getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
				}
			}
			var box = document.getPage(0).getMediaBox();
			System.out.printf("pages=%d size=%.0fx%.0fpt pictures=%d fonts-embedded=%s%n", document.getNumberOfPages(), box.getWidth(),
					box.getHeight(), images, embedded);
		}
	}
}
