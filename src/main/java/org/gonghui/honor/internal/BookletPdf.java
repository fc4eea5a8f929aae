package org.gonghui.honor.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import org.gonghui.platform.Pdfs;
import org.gonghui.shared.Surnames;
import org.springframework.stereotype.Component;

/**
 * Draws a profile booklet (风采录) with {@link Pdfs}: a cover with the union's name and the year, the contents with
 * the page where each person starts (a long account runs onto further pages and moves the numbers after it),
 * then each person from a new page with photo or placeholder, name, titles held, employer, occupation, short
 * account and deeds. Every stored value is escaped.
 */
@Component
class BookletPdf {

	/** The placeholder colours, the same six as the web pages' {@code .portrait.tone-N}. */
	private static final String[] TONES = { "#8e1515", "#9a5b13", "#2e5e4e", "#2f4b7c", "#5b3a6e", "#5f6b76" };

	record Cover(String title, String unionName, String parentName, int year, String paper, int count) {
	}

	/** One person's page; {@code photoWidth}/{@code photoHeight} are the photo's pixels, 0 without a photo. */
	record Profile(long honoreeId, String name, List<String> titles, String employer, String occupation, String summary, String deeds,
			int photoWidth, int photoHeight) {
	}

	private final Pdfs pdfs;
	private final HonoreePhotoService photos;

	BookletPdf(Pdfs pdfs, HonoreePhotoService photos) {
		this.pdfs = pdfs;
		this.photos = photos;
	}

	/** People per rendering: the renderer holds the layout of every page of a part until the part is written. */
	static final int PART = 150;

	/**
	 * Writes the PDF to {@code out}. The renderer keeps the layout of all its pages on the heap (about 100 KB a
	 * page), so a booklet of thousands is not one rendering: the people are rendered in parts of {@link #PART}
	 * to temporary files, each person's first page is read from the part's bookmarks, then cover and contents
	 * are rendered with those numbers, and the parts are joined and numbered. Photos are read one at a time, when
	 * the renderer reaches them; page streams wait in temporary files, not on the heap.
	 */
	void render(Cover cover, List<Profile> people, OutputStream out) {
		Pdfs.Pictures pictures = key -> photos.image(Long.parseLong(key.substring("photo/".length()))).map(HonoreePhotoService.Image::content)
			.orElse(null);
		Path dir = null;
		try {
			dir = Files.createTempDirectory("gonghui-booklet-");
			List<Path> parts = new ArrayList<>();
			Map<Long, Integer> firstPage = new HashMap<>();
			int pages = 0;
			for (int from = 0; from < people.size(); from += PART) {
				List<Profile> part = people.subList(from, Math.min(people.size(), from + PART));
				Path file = dir.resolve("part-" + parts.size() + ".pdf");
				try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
					pdfs.render(peopleHtml(cover, part), pictures, true, o);
				}
				parts.add(file);
				try (PDDocument d = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
					// One bookmark per person, in order, pointing at the person's first page.
					int i = 0;
					for (PDOutlineItem item : d.getDocumentCatalog().getDocumentOutline().children()) {
						firstPage.put(part.get(i++).honoreeId(), pages + d.getPages().indexOf(item.findDestinationPage(d)));
					}
					pages += d.getNumberOfPages();
				}
			}
			// The contents take as many pages whatever the numbers (they stand in a column of their own): count
			// them with no numbers, then render them with the numbers they make.
			var counted = new ByteArrayOutputStream();
			pdfs.render(frontHtml(cover, people, null), counted);
			int front;
			try (PDDocument d = Loader.loadPDF(counted.toByteArray())) {
				front = d.getNumberOfPages();
			}
			Map<Long, Integer> numbers = new HashMap<>();
			firstPage.forEach((id, page) -> numbers.put(id, front + page + 1));
			Path frontFile = dir.resolve("front.pdf");
			try (OutputStream o = Files.newOutputStream(frontFile)) {
				pdfs.render(frontHtml(cover, people, numbers), o);
			}
			try (PDDocument book = Loader.loadPDF(frontFile.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
				var merger = new PDFMergerUtility();
				for (Path file : parts) {
					try (PDDocument part = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
						merger.appendDocument(book, part);
					}
				}
				book.getDocumentInformation().setTitle(cover.title());
				double s = "A4".equals(cover.paper()) ? Math.sqrt(2) : 1;
				// Numbers from page 2 (the cover has none), in the bottom margin.
				pdfs.numberPagesAndSave(book, 2, (float) (8 * s), (float) (8 * s * 72 / 25.4), out);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			delete(dir);
		}
	}

	/** Cover and contents; {@code numbers} (honoree → page) null to count the pages only. */
	String frontHtml(Cover cover, List<Profile> people, Map<Long, Integer> numbers) {
		StringBuilder h = head(cover, 4096 + people.size() * 200);
		h.append("<bookmarks><bookmark name=\"目录\" href=\"#contents\"/></bookmarks></head><body>");
		cover(h, cover);
		h.append("<div class=\"toc\" id=\"contents\"><h2>目录</h2><table>");
		for (Profile p : people) {
			String what = p.titles().isEmpty() ? p.occupation() : p.titles().get(0);
			h.append("<tr><td>").append(Pdfs.escape(p.name()));
			if (what != null) {
				h.append("　<span class=\"what\">").append(Pdfs.escape(what)).append("</span>");
			}
			h.append("</td><td class=\"page\">").append(numbers == null ? "" : numbers.get(p.honoreeId())).append("</td></tr>");
		}
		return h.append("</table></div></body></html>").toString();
	}

	/** A part: one person after the other, each from a new page, each with a bookmark to their first page. */
	String peopleHtml(Cover cover, List<Profile> people) {
		StringBuilder h = head(cover, 4096 + people.size() * 3000);
		h.append("<bookmarks>");
		for (Profile p : people) {
			h.append("<bookmark name=\"").append(Pdfs.escape(p.name())).append("\" href=\"#p").append(p.honoreeId()).append("\"/>");
		}
		h.append("</bookmarks></head><body>");
		boolean a4 = "A4".equals(cover.paper());
		double s = a4 ? Math.sqrt(2) : 1;
		for (Profile p : people) {
			person(h, p, 34 * s, 45 * s);
		}
		return h.append("</body></html>").toString();
	}

	/** The document up to its bookmarks: title and the one stylesheet of every part. */
	private static StringBuilder head(Cover cover, int capacity) {
		boolean a4 = "A4".equals(cover.paper());
		// A4 is A5 scaled by √2: the same layout, larger.
		double s = a4 ? Math.sqrt(2) : 1;
		double pageWidth = 148 * s;
		double pageHeight = 210 * s;
		double margin = 14 * s;
		double photoWidth = 34 * s;
		double photoHeight = 45 * s;
		double contentWidth = pageWidth - 2 * margin;
		double contentHeight = pageHeight - 32 * s;
		StringBuilder h = new StringBuilder(capacity);
		h.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"utf-8\"/><title>")
			.append(Pdfs.escape(cover.title())).append("</title><style>")
			.append("@page { size: ").append(cover.paper()).append("; margin: ").append(mm(16 * s)).append(' ').append(mm(margin)).append(' ')
			.append(mm(16 * s)).append(' ').append(mm(margin)).append(";")
			.append(" }")
			.append("* { font-family: '").append(Pdfs.FONT_FAMILY).append("'; }")
			.append("body { margin: 0; color: #222; font-size: ").append(pt(10 * s)).append("; line-height: 1.6; }")
			.append("h1, h2, h3 { font-weight: normal; }")
			// Cover blocks are placed from the corner of the content area and painted inside the margins. Every
			// page keeps the same margins: OpenHTMLtoPDF lays out all pages at the first page's width, so a
			// margin-less cover made every line of the book too long.
			.append(".cover { position: relative; width: ").append(mm(contentWidth)).append("; height: ").append(mm(contentHeight - 2))
			.append("; page-break-after: always; }")
			.append(".band { position: absolute; top: 0; left: 0; width: ").append(mm(contentWidth)).append("; height: ").append(mm(60 * s))
			.append("; background-color: #b22222; }")
			.append(".parent, .union { position: absolute; left: ").append(mm(7 * s)).append("; width: ").append(mm(contentWidth - 14 * s)).append("; }")
			.append(".parent { top: ").append(mm(12 * s)).append("; color: #f6d7d7; font-size: ").append(pt(11 * s)).append("; }")
			.append(".union { top: ").append(mm(21 * s)).append("; color: #fff; font-size: ").append(pt(16 * s)).append("; line-height: 1.4; }")
			.append(".cover .rule { position: absolute; top: ").append(mm(74 * s)).append("; left: 0; width: ").append(mm(24 * s)).append("; height: ")
			.append(mm(1.2 * s)).append("; background-color: #b8860b; }")
			.append(".cover h1 { position: absolute; top: ").append(mm(80 * s)).append("; left: 0; width: ").append(mm(contentWidth))
			.append("; margin: 0; color: #8e1515; font-size: ").append(pt(26 * s)).append("; line-height: 1.3; }")
			.append(".cover .count { position: absolute; top: ").append(mm(150 * s)).append("; left: 0; color: #555; }")
			.append(".cover .year { position: absolute; top: ").append(mm(158 * s)).append("; left: 0; font-size: ").append(pt(14 * s))
			.append("; color: #8e1515; }")
			.append(".toc h2, .person h2 { margin: 0 0 ").append(mm(4 * s)).append("; color: #8e1515; }")
			.append(".toc h2 { font-size: ").append(pt(18 * s)).append("; letter-spacing: ").append(pt(8 * s)).append("; }")
			.append(".toc table { width: 100%; border-collapse: collapse; }")
			.append(".toc td { padding: ").append(mm(0.6 * s)).append(" 0; border-bottom: ").append(mm(0.2 * s)).append(" dotted #bbb; }")
			.append(".toc td.page { text-align: right; width: ").append(mm(12 * s)).append("; }")
			.append(".toc .what { color: #777; font-size: ").append(pt(8.5 * s)).append("; }")
			.append(".person { page-break-before: always; }")
			.append(".head { width: 100%; border-collapse: collapse; margin-bottom: ").append(mm(3 * s)).append("; }")
			.append(".head td { vertical-align: top; padding: 0; }")
			.append(".head td.photo { width: ").append(mm(photoWidth + 5 * s)).append("; }")
			.append(".placeholder { width: ").append(mm(photoWidth)).append("; height: ").append(mm(photoHeight)).append("; line-height: ")
			.append(mm(photoHeight)).append("; text-align: center; color: #fff; font-size: ").append(pt(36 * s)).append("; }")
			.append(".person h2 { font-size: ").append(pt(20 * s)).append("; }")
			.append(".titles { color: #8e1515; margin: 0 0 ").append(mm(2 * s)).append("; }")
			.append(".meta { color: #555; margin: 0; }")
			.append(".person h3 { font-size: ").append(pt(11 * s)).append("; color: #8e1515; border-left: ").append(mm(1.2 * s))
			.append(" solid #b22222; padding-left: ").append(mm(2 * s)).append("; margin: ").append(mm(4 * s)).append(" 0 ").append(mm(2 * s))
			.append("; }")
			.append(".person p.text { margin: 0 0 ").append(mm(1.5 * s)).append("; word-break: break-all; }")
			.append("</style>");
		return h;
	}

	private static void delete(Path dir) {
		if (dir == null) {
			return;
		}
		try (var files = Files.list(dir)) {
			files.forEach(f -> f.toFile().delete());
		}
		catch (IOException e) {
			// a temporary directory; the OS cleans up what is left
		}
		dir.toFile().delete();
	}

	private static void cover(StringBuilder h, Cover c) {
		h.append("<div class=\"cover\"><div class=\"band\"></div>");
		if (c.parentName() != null) {
			h.append("<div class=\"parent\">").append(Pdfs.escape(c.parentName())).append("</div>");
		}
		h.append("<div class=\"union\">").append(Pdfs.escape(c.unionName())).append("</div>")
			.append("<div class=\"rule\"></div><h1>").append(Pdfs.escape(c.title())).append("</h1>")
			.append("<div class=\"count\">收录 ").append(c.count()).append(" 人</div>")
			.append("<div class=\"year\">").append(c.year()).append("年</div></div>");
	}

	private static void person(StringBuilder h, Profile p, double boxWidth, double boxHeight) {
		h.append("<div class=\"person\" id=\"p").append(p.honoreeId()).append("\"><table class=\"head\"><tr><td class=\"photo\">");
		if (p.photoWidth() > 0 && p.photoHeight() > 0) {
			// Fitted into the box by its own proportions (the renderer would stretch it to both sizes).
			double scale = Math.min(boxWidth / p.photoWidth(), boxHeight / p.photoHeight());
			h.append("<img src=\"").append(Pdfs.PICTURE_SCHEME).append(":photo/").append(p.honoreeId()).append("\" alt=\"").append(Pdfs.escape(p.name()))
				.append("\" style=\"width: ").append(mm(p.photoWidth() * scale)).append("; height: ").append(mm(p.photoHeight() * scale)).append(";\"/>");
		}
		else {
			h.append("<div class=\"placeholder\" style=\"background-color: ").append(TONES[Surnames.tone(p.name(), TONES.length)]).append(";\">")
				.append(Pdfs.escape(Surnames.of(p.name()))).append("</div>");
		}
		h.append("</td><td><h2>").append(Pdfs.escape(p.name())).append("</h2>");
		if (!p.titles().isEmpty()) {
			h.append("<p class=\"titles\">");
			for (int i = 0; i < p.titles().size(); i++) {
				h.append(i == 0 ? "" : "<br/>").append(Pdfs.escape(p.titles().get(i)));
			}
			h.append("</p>");
		}
		if (p.employer() != null) {
			h.append("<p class=\"meta\">工作单位：").append(Pdfs.escape(p.employer())).append("</p>");
		}
		if (p.occupation() != null) {
			h.append("<p class=\"meta\">职业（岗位）：").append(Pdfs.escape(p.occupation())).append("</p>");
		}
		h.append("</td></tr></table>");
		section(h, "简要事迹", p.summary());
		section(h, "主要事迹", p.deeds());
		h.append("</div>");
	}

	private static void section(StringBuilder h, String heading, String text) {
		if (text == null) {
			return;
		}
		h.append("<h3>").append(heading).append("</h3>");
		for (String paragraph : text.split("\n")) {
			if (!paragraph.isBlank()) {
				h.append("<p class=\"text\">").append(Pdfs.escape(paragraph.strip())).append("</p>");
			}
		}
	}

	private static String mm(double v) {
		return String.format(Locale.ROOT, "%.1fmm", v);
	}

	private static String pt(double v) {
		return String.format(Locale.ROOT, "%.1fpt", v);
	}
}
