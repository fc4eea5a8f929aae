package org.gonghui.news.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * An article's rich text, sanitised on the way in with jsoup's {@link Safelist} (an allow list: anything not named
 * here is dropped, so a new trick is refused by default): paragraphs, headings, lists, quotes, emphasis, tables,
 * links over http, https and mailto, and images from the application itself or https. No {@code style} or
 * {@code class} attribute (the pages' CSP allows no inline style, and CSS expressions ride on style), no event
 * handler, no script, SVG, MathML, iframe, object or form. Links open with {@code rel="nofollow noopener"}.
 */
final class ArticleHtml {

	/** The longest body we keep, in characters of sanitised HTML. */
	static final int MAX_LENGTH = 100_000;

	private static final Safelist SAFELIST = new Safelist()
		.addTags("p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "b", "em", "i", "u", "s", "sub", "sup", "a", "img",
				"figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "hr")
		.addAttributes("a", "href", "title")
		.addAttributes("img", "src", "alt", "title", "width", "height")
		.addAttributes("th", "colspan", "rowspan")
		.addAttributes("td", "colspan", "rowspan")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addProtocols("img", "src", "http", "https")
		.addEnforcedAttribute("a", "rel", "nofollow noopener")
		// Relative image addresses (photos served by the application) are kept as written.
		.preserveRelativeLinks(true);

	private ArticleHtml() {
	}

	/** The body as it may be stored and shown; null or blank gives the empty string. */
	static String sanitise(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		// The base URI lets relative links be judged by their resolved protocol; preserveRelativeLinks keeps them relative.
		Document dirty = Jsoup.parseBodyFragment(html, "https://gonghui.invalid/");
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		clean.outputSettings().prettyPrint(false);
		for (Element img : clean.select("img[src]")) {
			// Only the application's own photos or https images; a protocol-relative address would fetch from anywhere over http.
			String src = img.attr("src");
			if (src.startsWith("//") || !(src.startsWith("/") || src.startsWith("https://"))) {
				img.remove();
			}
		}
		return clean.body().html().strip();
	}

	/** The text of a body without tags, for summaries, the feed and the search. */
	static String text(String html) {
		return html == null ? "" : Jsoup.parseBodyFragment(html).text();
	}

	/** Paragraphs of plain text as a body, each escaped. */
	static String paragraphs(java.util.List<String> paragraphs) {
		StringBuilder out = new StringBuilder();
		for (String p : paragraphs) {
			out.append("<p>").append(org.jsoup.nodes.Entities.escape(p)).append("</p>");
		}
		return out.toString();
	}
}
