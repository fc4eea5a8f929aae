package org.gonghui.honor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.gonghui.platform.Pdfs;
import org.junit.jupiter.api.Test;

/**
 * The booklet's layout without the application: Chinese text wraps inside the page (no line runs past the right
 * margin), values are escaped, and the contents count the pages a long account takes.
 */
class BookletLayoutTests {

	private static final Pdfs PDFS = new Pdfs();

	private static byte[] render(BookletPdf.Cover cover, List<BookletPdf.Profile> people) {
		var out = new ByteArrayOutputStream();
		new BookletPdf(PDFS, null).render(cover, people, out);
		return out.toByteArray();
	}

	private static BookletPdf.Profile person(long id, String name, String summary, String deeds) {
		return new BookletPdf.Profile(id, name, List.of("2024 北京大工匠", "2019 北京市劳动模范"), "北京市某某精密机械有限公司", "数控车工", summary, deeds, 0, 0);
	}

	/** The right-most edge of any character, and the page width, in points. */
	private static float[] rightmost(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			float[] max = { 0 };
			var stripper = new PDFTextStripper() {

				@Override
				protected void processTextPosition(TextPosition p) {
					max[0] = Math.max(max[0], p.getXDirAdj() + p.getWidthDirAdj());
				}
			};
			stripper.getText(document);
			return new float[] { max[0], document.getPage(0).getMediaBox().getWidth() };
		}
	}

	@Test
	void longChineseAccountsWrapInsideThePageAndTheContentsCountTheirPages() throws IOException {
		String summary = "立足岗位、刻苦钻研，".repeat(50);
		String deeds = ("三十年如一日扎根生产一线，先后攻克关键技术难题四十余项，带出徒弟一百二十多人，其中多人成长为技师和高级技师。"
				+ "他牵头成立的劳模创新工作室累计完成技术革新项目六十项，为企业节约成本两千余万元。\n").repeat(25).substring(0, 2000);
		List<BookletPdf.Profile> people = new ArrayList<>();
		people.add(person(1, "欧阳立新", summary.substring(0, 500), deeds));
		people.add(person(2, "<script>&王\"五'", "短", null));
		for (String paper : List.of("A5", "A4")) {
			byte[] pdf = render(new BookletPdf.Cover("测试风采录", "某某工会", null, 2026, paper, people.size()), people);
			if (paper.equals("A5")) {
				try (PDDocument document = Loader.loadPDF(pdf)) {
					java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "booklets"));
					javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(2, 80), "png",
							java.nio.file.Path.of("target", "booklets", "layout-long-account.png").toFile());
				}
			}
			float[] edge = rightmost(pdf);
			// Within the right margin (14 mm on A5, scaled on A4), give or take a glyph's side bearing.
			float margin = (float) (14 * 72 / 25.4 * ("A4".equals(paper) ? Math.sqrt(2) : 1));
			assertThat(edge[0]).as(paper).isLessThanOrEqualTo(edge[1] - margin + 2);
			try (PDDocument document = Loader.loadPDF(pdf)) {
				int pages = document.getNumberOfPages();
				// Cover, contents, the long account over several pages (2,500 characters), the short one on one.
				assertThat(pages).as(paper).isGreaterThan(4);
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains("<script>&王\"五'", "欧阳立新");
				var contents = new PDFTextStripper();
				contents.setStartPage(2);
				contents.setEndPage(2);
				// The second person starts on the last page, whatever the first one took.
				assertThat(contents.getText(document)).containsPattern("王\"五'[^\\n]*\\b" + pages + "\\b");
			}
		}
	}

	@Test
	void aBookletOfSeveralPartsIsNumberedThroughout() throws IOException {
		List<BookletPdf.Profile> people = new ArrayList<>();
		for (int i = 0; i < BookletPdf.PART + 12; i++) {
			people.add(person(i + 1, "职工" + i, "事迹" + i, i == 3 ? "长".repeat(1500) : null));
		}
		byte[] pdf = render(new BookletPdf.Cover("分册", "某某工会", null, 2026, "A5", people.size()), people);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			var last = new PDFTextStripper();
			last.setStartPage(pages);
			last.setEndPage(pages);
			String lastPage = last.getText(document);
			// The last person of the second part is on the last page, which carries its own number.
			assertThat(lastPage).contains("职工" + (BookletPdf.PART + 11)).endsWith(pages + "\n");
			String all = new PDFTextStripper().getText(document);
			// The contents give that page for that person, and every person once.
			assertThat(all).containsPattern("职工" + (BookletPdf.PART + 11) + "　[^\n]*" + pages + "\n");
			for (var p : people) {
				assertThat(all).contains(p.name() + "\n");
			}
			// One bookmark a person plus the contents, across the parts.
			int bookmarks = 0;
			for (var item : document.getDocumentCatalog().getDocumentOutline().children()) {
				bookmarks++;
			}
			assertThat(bookmarks).isEqualTo(people.size() + 1);
		}
	}

	@Test
	void thePlaceholderShowsACompoundSurname() throws IOException {
		byte[] pdf = render(new BookletPdf.Cover("测试", "某某工会", null, 2026, "A5", 1), List.of(person(7, "欧阳立新", "事迹", null)));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var page = new PDFTextStripper();
			page.setStartPage(3);
			page.setEndPage(3);
			assertThat(page.getText(document)).startsWith("欧阳\n欧阳立新\n");
		}
	}
}
