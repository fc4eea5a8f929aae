package org.gonghui.news.web;

import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.gonghui.news.internal.ArticleService;
import org.gonghui.news.internal.ArticleService.PublicArticle;
import org.gonghui.organization.Organizations;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public news pages (资讯) of each federation, phone first: the list (of an organisation and the unions under
 * it, or of all), an article with share metadata (Open Graph), the articles of a tag, and an Atom feed of the same
 * list. Published articles only: a draft, a withdrawn article or an unknown id is 404.
 */
@Controller
class NewsController {

	private static final int PAGE_SIZE = 20;
	private static final int FEED_SIZE = 30;

	private final ArticleService articles;
	private final Organizations organizations;
	private final MessageSource messages;

	NewsController(ArticleService articles, Organizations organizations, MessageSource messages) {
		this.articles = articles;
		this.organizations = organizations;
		this.messages = messages;
	}

	/** What a share card shows (og:*), filled in by the layout's head; {@code image} is absolute (or null), as share cards need. */
	record OpenGraph(String type, String title, String description, String url, String siteName, String publishedTime, String image) {
	}

	@GetMapping("/news")
	String list(@RequestParam(required = false) Long organizationId, @RequestParam(defaultValue = "0") int page, Model model) {
		return listPage(organizationId, null, page, model);
	}

	@GetMapping("/news/tags/{tag}")
	String byTag(@PathVariable String tag, @RequestParam(required = false) Long organizationId, @RequestParam(defaultValue = "0") int page,
			Model model) {
		return listPage(organizationId, tag, page, model);
	}

	private String listPage(Long organizationId, String tag, int page, Model model) {
		var list = articles.published(organizationId, tag, new PageResult.Request(page, PAGE_SIZE));
		model.addAttribute("articles", list);
		model.addAttribute("tag", tag);
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("organizationName", organizationId == null ? null : organizations.find(organizationId).orElseThrow().name());
		var feed = ServletUriComponentsBuilder.fromCurrentContextPath().path("/news/feed.atom");
		if (organizationId != null) {
			feed.queryParam("organizationId", organizationId);
		}
		model.addAttribute("feedUrl", feed.build().toUriString());
		return "news/list";
	}

	@GetMapping("/news/{id:\\d+}")
	String article(@PathVariable long id, Model model) {
		PublicArticle a = articles.publicArticle(id);
		model.addAttribute("article", a);
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/news/{id}").buildAndExpand(id).toUriString();
		// The first photo is the share card's picture.
		String image = a.photos().isEmpty() ? null
				: ServletUriComponentsBuilder.fromCurrentContextPath().path("/news/{id}/photos/{p}").buildAndExpand(id, a.photos().get(0).id()).toUriString();
		model.addAttribute("openGraph", new OpenGraph("article", a.headline(), a.summary(), url, a.organizationName(),
				a.publishedAt() == null ? null : a.publishedAt().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), image));
		model.addAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/news/feed.atom")
			.queryParam("organizationId", a.organizationId()).build().toUriString());
		return "news/article";
	}

	@GetMapping("/news/feed.atom")
	ResponseEntity<String> feed(@RequestParam(required = false) Long organizationId) throws IOException {
		var list = articles.published(organizationId, null, new PageResult.Request(0, FEED_SIZE)).content();
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		String title = organizationId == null ? messages.getMessage("news.public.title", null, LocaleContextHolder.getLocale())
				: organizations.find(organizationId).orElseThrow(() -> new RecordNotFoundException("organization", organizationId)).name();
		String self = base + "/news/feed.atom" + (organizationId == null ? "" : "?organizationId=" + organizationId);
		try {
			return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8")).body(atom(list, base, title, self));
		}
		catch (XMLStreamException e) {
			throw new IOException(e);
		}
	}

	/** The Atom document (RFC 4287), written with the JDK's XML writer so every text is escaped. */
	static String atom(java.util.List<PublicArticle> list, String base, String title, String self) throws XMLStreamException {
		StringWriter out = new StringWriter();
		XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		x.writeStartDocument("UTF-8", "1.0");
		x.writeStartElement("feed");
		x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
		element(x, "title", title);
		element(x, "id", self);
		x.writeEmptyElement("link");
		x.writeAttribute("rel", "self");
		x.writeAttribute("href", self);
		String updated = list.isEmpty() || list.get(0).publishedAt() == null ? "1970-01-01T00:00:00Z"
				: list.get(0).publishedAt().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		element(x, "updated", updated);
		for (PublicArticle a : list) {
			String link = base + "/news/" + a.id();
			x.writeStartElement("entry");
			element(x, "title", a.headline());
			element(x, "id", link);
			x.writeEmptyElement("link");
			x.writeAttribute("href", link);
			element(x, "updated", a.publishedAt() == null ? updated : a.publishedAt().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
			x.writeStartElement("author");
			element(x, "name", a.bylineText().isEmpty() ? a.organizationName() : a.bylineText());
			x.writeEndElement();
			element(x, "summary", a.summary());
			for (String tag : a.tags()) {
				x.writeEmptyElement("category");
				x.writeAttribute("term", tag);
			}
			x.writeStartElement("content");
			x.writeAttribute("type", "html");
			x.writeCharacters(a.body());
			x.writeEndElement();
			x.writeEndElement();
		}
		x.writeEndElement();
		x.writeEndDocument();
		x.close();
		return out.toString();
	}

	private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeCharacters(text == null ? "" : text);
		x.writeEndElement();
	}
}
