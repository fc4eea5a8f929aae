package org.gonghui.news.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gonghui.news.internal.ArticleService;
import org.gonghui.news.internal.ArticleService.ArticleInput;
import org.gonghui.news.internal.ArticleService.ArticleView;
import org.gonghui.news.internal.ArticleService.LinkInput;

/**
 * The article form: the byline is typed as the paper prints it ("记者 任洁 通讯员 曹薇") and read by the byline
 * parser; tags are separated by commas or 、; the links to records travel as hidden "KIND:id" values.
 */
public class ArticleForm {

	private Long organizationId;
	private String kicker;
	private String headline;
	private String subheading;
	private String body;
	private String byline;
	private String tags;
	private List<String> links = new ArrayList<>();
	/** People of the byline who have an account, as "ROLE|username|name": the typed line cannot carry the account. */
	private List<String> accountBylines = new ArrayList<>();
	private Integer version;

	ArticleInput input() {
		List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split("[,，、;；]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
		List<LinkInput> linkList = new ArrayList<>();
		for (String l : links) {
			String[] parts = l.split(":");
			Long id = parts.length == 2 && parts[1].matches("\\d{1,18}") ? Long.valueOf(parts[1]) : null;
			linkList.add(new LinkInput(parts[0], id));
		}
		// Account holders stay in the byline while their name is still in the typed line; everyone else is read from it.
		List<ArticleService.BylineInput> bylines = new ArrayList<>();
		String typed = byline == null ? "" : byline;
		for (String a : accountBylines) {
			String[] parts = a.split("\\|", 3);
			if (parts.length == 3 && typed.contains(parts[2])) {
				bylines.add(new ArticleService.BylineInput(parts[0], parts[2], parts[1]));
				typed = typed.replace(parts[2], " ");
			}
		}
		bylines.addAll(ArticleService.bylinesFromText(typed));
		return new ArticleInput(organizationId, kicker, headline, subheading, body, bylines, tagList, linkList);
	}

	static ArticleForm of(ArticleView a) {
		var f = new ArticleForm();
		f.organizationId = a.organizationId();
		f.kicker = a.kicker();
		f.headline = a.headline();
		f.subheading = a.subheading();
		f.body = a.body();
		f.byline = ArticleService.bylineText(a.bylines());
		f.tags = String.join("，", a.tags());
		f.links = new ArrayList<>(a.links().stream().map(l -> l.kind() + ":" + l.id()).toList());
		f.accountBylines = new ArrayList<>(a.bylines().stream().filter(b -> b.username() != null)
			.map(b -> b.role().name() + "|" + b.username() + "|" + b.name()).toList());
		f.version = null;
		return f;
	}

	public Long getOrganizationId() { return organizationId; }
	public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
	public String getKicker() { return kicker; }
	public void setKicker(String kicker) { this.kicker = kicker; }
	public String getHeadline() { return headline; }
	public void setHeadline(String headline) { this.headline = headline; }
	public String getSubheading() { return subheading; }
	public void setSubheading(String subheading) { this.subheading = subheading; }
	public String getBody() { return body; }
	public void setBody(String body) { this.body = body; }
	public String getByline() { return byline; }
	public void setByline(String byline) { this.byline = byline; }
	public String getTags() { return tags; }
	public void setTags(String tags) { this.tags = tags; }
	public List<String> getLinks() { return links; }
	public void setLinks(List<String> links) { this.links = links; }
	public List<String> getAccountBylines() { return accountBylines; }
	public void setAccountBylines(List<String> accountBylines) { this.accountBylines = accountBylines; }
	public Integer getVersion() { return version; }
	public void setVersion(Integer version) { this.version = version; }
}
