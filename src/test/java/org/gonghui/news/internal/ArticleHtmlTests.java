package org.gonghui.news.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sanitiser: every known way of running code or styling from an article is removed, formatting is kept. */
class ArticleHtmlTests {

	@Test
	void scriptsAreRemoved() {
		String clean = ArticleHtml.sanitise("<p>正文</p><script>alert(1)</script><SCRIPT src=//x.example/a.js></SCRIPT>");
		assertThat(clean).isEqualTo("<p>正文</p>");
	}

	@Test
	void eventHandlersAreRemoved() {
		String clean = ArticleHtml.sanitise("<p onclick=\"alert(1)\" onmouseover='x()'>文字</p><img src=\"/news/1/photo\" onerror=\"alert(1)\">");
		assertThat(clean).doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("alert");
		assertThat(clean).contains("<p>文字</p>").contains("src=\"/news/1/photo\"");
	}

	@Test
	void javascriptLinksAreRemoved() {
		for (String href : new String[] { "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java&#x09;script:alert(1)",
				"vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" }) {
			String clean = ArticleHtml.sanitise("<a href=\"" + href + "\">点我</a>");
			assertThat(clean).as(href).doesNotContainIgnoringCase("script:").doesNotContain("data:").contains("点我");
		}
		assertThat(ArticleHtml.sanitise("<a href=\"https://www.acftu.org/\">全总</a>"))
			.isEqualTo("<a href=\"https://www.acftu.org/\" rel=\"nofollow noopener\">全总</a>");
	}

	@Test
	void cssAndItsExpressionsAreRemoved() {
		String clean = ArticleHtml.sanitise("<p style=\"width: expression(alert(1)); background:url(javascript:alert(1))\" class=\"x\">文字</p>"
				+ "<style>p{behavior:url(x.htc)}</style><link rel=stylesheet href=/x.css>");
		assertThat(clean).isEqualTo("<p>文字</p>");
	}

	@Test
	void svgAndOtherActiveContentAreRemoved() {
		String clean = ArticleHtml.sanitise("<svg onload=alert(1)><script>alert(2)</script><use href=\"data:image/svg+xml,x\"/></svg>"
				+ "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\"><img src=\"https://x.example/a.svg\" alt=\"外链\">"
				+ "<iframe src=\"https://x.example\"></iframe><object data=x></object><embed src=x><math><mi>x</mi></math>"
				+ "<form action=/x><input name=a></form><p>留下</p>");
		assertThat(clean).doesNotContainIgnoringCase("svg+xml").doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("iframe")
			.doesNotContainIgnoringCase("object").doesNotContainIgnoringCase("embed").doesNotContainIgnoringCase("<form")
			.doesNotContainIgnoringCase("<input").doesNotContainIgnoringCase("alert").doesNotContain("<math");
		assertThat(clean).endsWith("<p>留下</p>");
	}

	@Test
	void imagesOnlyFromHereOrHttps() {
		assertThat(ArticleHtml.sanitise("<img src=\"http://x.example/a.jpg\">")).isEmpty();
		assertThat(ArticleHtml.sanitise("<img src=\"//x.example/a.jpg\">")).isEmpty();
		assertThat(ArticleHtml.sanitise("<img src=\"/news/3/photos/1\" alt=\"参观\">")).isEqualTo("<img src=\"/news/3/photos/1\" alt=\"参观\">");
	}

	@Test
	void formattingIsKept() {
		String html = "<h2>小标题</h2><p>第一段<strong>加粗</strong><em>强调</em><br>换行</p><ul><li>一</li><li>二</li></ul><ol><li>甲</li></ol>"
				+ "<blockquote>引文</blockquote><figure><img src=\"https://img.example/a.jpg\" alt=\"图\"><figcaption>图说</figcaption></figure>"
				+ "<table><thead><tr><th>项</th></tr></thead><tbody><tr><td colspan=\"2\">值</td></tr></tbody></table>";
		assertThat(ArticleHtml.sanitise(html)).isEqualTo(html);
	}

	@Test
	void blankAndPlainText() {
		assertThat(ArticleHtml.sanitise(null)).isEmpty();
		assertThat(ArticleHtml.sanitise("   ")).isEmpty();
		assertThat(ArticleHtml.sanitise("纯文本 <b>粗</b>")).isEqualTo("纯文本 <b>粗</b>");
		assertThat(ArticleHtml.text("<p>一</p><p>二</p>")).isEqualTo("一 二");
	}
}
