package org.gonghui.honor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The profile booklet as a reader gets it: every name in the text, every font embedded, a cover, contents and a
 * page per person, A5 or A4, photos where there are photos and the surname placeholder elsewhere.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class BookletPdfTests {

	private static final String PASSWORD = "gonghui-demo";
	/** A5 and A4 in PDF points (1/72 inch). */
	private static final float A5_WIDTH = 419.53f;
	private static final float A5_HEIGHT = 595.28f;
	private static final float A4_WIDTH = 595.28f;
	private static final float A4_HEIGHT = 841.89f;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	/** What the PDF is made of, read back with PDFBox. */
	record Read(int pages, float width, float height, String text, List<PDFont> fonts, List<String> pageTexts, int images) {
	}

	static Read read(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDFont> fonts = new ArrayList<>();
			int images = 0;
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name));
				}
				for (COSName name : page.getResources().getXObjectNames()) {
					images += page.getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
				}
			}
			List<String> pageTexts = new ArrayList<>();
			var stripper = new PDFTextStripper();
			for (int p = 1; p <= document.getNumberOfPages(); p++) {
				stripper.setStartPage(p);
				stripper.setEndPage(p);
				pageTexts.add(stripper.getText(document));
			}
			PDPage first = document.getPage(0);
			return new Read(document.getNumberOfPages(), first.getMediaBox().getWidth(), first.getMediaBox().getHeight(), String.join("", pageTexts), fonts,
					pageTexts, images);
		}
	}

	/** Saves page {@code index} (0-based) as a PNG under target/ for a person to look at. */
	static void picture(byte[] pdf, int index, String name) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(index, 80);
			Files.createDirectories(Path.of("target", "booklets"));
			ImageIO.write(image, "png", Path.of("target", "booklets", name + ".png").toFile());
		}
	}

	private byte[] pdfOf(long booklet, String user) throws Exception {
		return mvc.perform(get("/api/booklets/" + booklet + ".pdf").with(httpBasic(user, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andReturn().getResponse().getContentAsByteArray();
	}

	private List<String> propertyCentre() {
		return jdbc.sql("select h.name from honoree h join organization o on o.id = h.organization_id where o.name = '物业管理中心工会' order by h.id")
			.query(String.class).list();
	}

	@Test
	void theDemoBookletHoldsTheNineteenWithACoverContentsAndAPageEach() throws Exception {
		long booklet = jdbc.sql("select id from booklet where title = '北京公交集团物业管理中心职工风采录'").query(Long.class).single();
		byte[] pdf = pdfOf(booklet, "beijing");
		Read r = read(pdf);
		picture(pdf, 0, "demo-cover");
		picture(pdf, 1, "demo-contents");
		picture(pdf, 2, "demo-person");
		List<String> names = propertyCentre();
		assertThat(names).hasSize(19);
		// Cover, contents (19 lines fit one A5 page), one page per person.
		assertThat(r.pages()).isEqualTo(1 + 1 + 19);
		assertThat(r.width()).isCloseTo(A5_WIDTH, org.assertj.core.data.Offset.offset(1f));
		assertThat(r.height()).isCloseTo(A5_HEIGHT, org.assertj.core.data.Offset.offset(1f));
		// The cover (the title wraps, so lines are joined): the group's union above the branch union, title, count, year.
		assertThat(r.pageTexts().get(0).replace("\n", "")).contains("北京公交集团工会物业管理中心工会", "北京公交集团物业管理中心职工风采录", "收录 19 人",
				java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "年");
		assertThat(r.pageTexts().get(1).replace(" ", "")).contains("目录");
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			assertThat(r.text()).contains(name);
			// The person's own page, in the order of the booklet, and the contents give its number.
			assertThat(r.pageTexts().get(2 + i)).contains(name, "简要事迹", "北京公交集团物业管理中心");
			assertThat(r.pageTexts().get(1)).containsPattern(name + "[^\\n]*\\b" + (3 + i) + "\\b");
		}
		assertThat(r.pageTexts().get(2)).contains("2020 北京市劳动模范", "电梯维修技师");
		// Every font embedded: no standard PDF font a reader would substitute.
		assertThat(r.fonts()).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
		assertThat(r.fonts().stream().map(PDFont::getName).collect(Collectors.toSet())).allMatch(n -> n.contains("WenQuanYiMicroHei"));
		// No demo honoree has a photo: placeholders, no picture in the file.
		assertThat(r.images()).isZero();
	}

	@Test
	void a4BookletsAreA4AndPhotosArePrinted() throws Exception {
		long zhao = jdbc.sql("select id from honoree where name = '赵国栋'").query(Long.class).single();
		long qian = jdbc.sql("select id from honoree where name = '钱秀兰'").query(Long.class).single();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/honorees/" + zhao + "/photo")
			.file(new MockMultipartFile("photo", "zhao.png", "image/png", png(300, 400)))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("beijing")))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isFound());
		String answer = mvc.perform(post("/api/booklets").with(httpBasic("beijing", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"两位劳模\",\"honoreeIds\":[" + qian + "," + zhao + "],\"paper\":\"A4\",\"year\":2025}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long booklet = Long.parseLong(answer.replaceAll(".*?\"id\":(\\d+).*", "$1"));
		byte[] pdf = pdfOf(booklet, "beijing");
		Read r = read(pdf);
		picture(pdf, 0, "a4-cover");
		picture(pdf, 3, "a4-person-with-photo");
		assertThat(r.pages()).isEqualTo(1 + 1 + 2);
		assertThat(r.width()).isCloseTo(A4_WIDTH, org.assertj.core.data.Offset.offset(1f));
		assertThat(r.height()).isCloseTo(A4_HEIGHT, org.assertj.core.data.Offset.offset(1f));
		assertThat(r.pageTexts().get(0)).contains("两位劳模", "2025年", "物业管理中心工会");
		// In the order chosen: 钱秀兰 first, then 赵国栋 with the photo.
		assertThat(r.pageTexts().get(2)).contains("钱秀兰");
		assertThat(r.pageTexts().get(3)).contains("赵国栋");
		assertThat(r.images()).isEqualTo(1);
		assertThat(r.fonts()).allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
		// Regenerated from the registry: a revoked title is gone from the next download.
		long honor = jdbc.sql("select id from honor where honoree_id = :h").param("h", zhao).query(Long.class).single();
		mvc.perform(post("/api/honours/" + honor + "/revoke").with(httpBasic("beijing", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"测试撤销\"}")).andExpect(status().isNoContent());
		Read again = read(pdfOf(booklet, "beijing"));
		assertThat(r.pageTexts().get(3)).contains("2020 北京市劳动模范");
		assertThat(again.pageTexts().get(3)).contains("赵国栋").doesNotContain("2020 北京市劳动模范");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'booklet.export' and target_id = :id").param("id", String.valueOf(booklet))
			.query(Long.class).single()).isEqualTo(2);
	}

	static byte[] png(int width, int height) throws IOException {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new java.awt.Color(0x2f4b7c));
		g.fillRect(0, 0, width, height);
		g.setColor(java.awt.Color.WHITE);
		g.fillOval(width / 4, height / 5, width / 2, width / 2);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
