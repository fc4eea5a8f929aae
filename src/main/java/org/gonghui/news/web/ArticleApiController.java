package org.gonghui.news.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gonghui.news.ArticleStatus;
import org.gonghui.news.ReviewStage;
import org.gonghui.news.internal.ArticleService;
import org.gonghui.news.internal.ContributorFigures;
import org.gonghui.news.internal.ContributorFigures.Sort;
import org.gonghui.news.internal.ArticleService.ArticleInput;
import org.gonghui.news.internal.ArticleService.ArticleLine;
import org.gonghui.news.internal.ArticleService.ArticleView;
import org.gonghui.news.internal.ArticleService.BylineInput;
import org.gonghui.news.internal.ArticleService.LinkInput;
import org.gonghui.news.internal.ArticleService.PublicArticle;
import org.gonghui.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Articles as JSON: staff of the organisation's scope write and move them; the public reads published ones. */
@RestController
class ArticleApiController {

	private final ArticleService articles;
	private final org.gonghui.news.internal.DraftService drafts;
	private final ContributorFigures figures;

	ArticleApiController(ArticleService articles, org.gonghui.news.internal.DraftService drafts, ContributorFigures figures) {
		this.figures = figures;
		this.articles = articles;
		this.drafts = drafts;
	}

	record ArticleRequest(Long organizationId, String kicker, String headline, String subheading, String body, List<BylineInput> bylines,
			List<String> tags, List<LinkInput> links, Integer version) {

		ArticleInput input() {
			return new ArticleInput(organizationId, kicker, headline, subheading, body, bylines, tags, links);
		}
	}

	record ReviewRequest(Boolean approve, String note) {
	}

	record WithdrawRequest(String reason) {
	}

	record ReviewersRequest(ReviewStage stage, List<String> usernames) {
	}

	@PostMapping("/api/articles")
	@Operation(summary = "Write an article (a draft) for an organisation in scope",
			description = "headline required (up to 100 characters), kicker (引题) and subheading (副题) optional; body is HTML, sanitised on the way in"
					+ " (paragraphs, headings, lists, quotes, emphasis, tables, https links and images; no script, style, event handler or SVG);"
					+ " bylines: role REPORTER/CORRESPONDENT/PHOTOGRAPHER/EDITOR or 记者/通讯员/摄影/编辑, and a name or an account username;"
					+ " tags (up to 8); links to records (kind ACTIVITY, MEETING, COMPETITION, HONOREE, SITE, CARAVAN, BOOKLET and id). 400 with"
					+ " the fields at fault and nothing stored on bad input.")
	ResponseEntity<ArticleView> create(@RequestBody ArticleRequest r) {
		long id = articles.create(r.input());
		return ResponseEntity.created(URI.create("/api/articles/" + id)).body(articles.get(id));
	}

	@PostMapping("/api/articles/drafts")
	@Operation(summary = "Make a draft in the house style (本报讯（记者 …）近日，…) from a record in scope",
			description = "Body {kind, id}: kind ACTIVITY (a finished activity's summary), MEETING (a meeting held), COMPETITION (a competition"
					+ " with results) or CONFERMENT (a selection campaign that conferred its title); ?activityId= still makes one from an"
					+ " activity. The caller is the reporter; the draft links the record. 400 when the kind is unknown or there is nothing to"
					+ " report yet, 404 outside the caller's scope, 403 for those who may not write.")
	ResponseEntity<ArticleView> draft(@RequestParam(required = false) Long activityId, @RequestBody(required = false) DraftRequest r) {
		long id = activityId != null ? drafts.from("ACTIVITY", activityId) : drafts.from(r == null ? null : r.kind(), r == null ? null : r.id());
		return ResponseEntity.created(URI.create("/api/articles/" + id)).body(articles.get(id));
	}

	record DraftRequest(String kind, Long id) {
	}

	@PutMapping("/api/articles/{id:\\d+}")
	@Operation(summary = "Rewrite a draft (409 once submitted, or when version is not the one read)")
	ArticleView update(@PathVariable long id, @RequestBody ArticleRequest r) {
		articles.update(id, r.input(), r.version());
		return articles.get(id);
	}

	@GetMapping("/api/articles")
	@Operation(summary = "Articles of organisations in the caller's scope, last changed first; status and organisationId narrow it")
	PageResult<ArticleLine> list(@RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) Long organizationId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return articles.list(status, organizationId, new PageResult.Request(page, size));
	}

	@GetMapping("/api/articles/{id:\\d+}")
	ArticleView get(@PathVariable long id) {
		return articles.get(id);
	}

	@PostMapping("/api/articles/{id:\\d+}/submit")
	@Operation(summary = "Hand a draft in for review (DRAFT → SUBMITTED)")
	ArticleView submit(@PathVariable long id) {
		articles.submit(id);
		return articles.get(id);
	}

	@PostMapping("/api/articles/{id:\\d+}/review")
	@Operation(summary = "Sign the next review stage (editor, head of department, leader), or send it back with a note (approve false)",
			description = "Three different people sign; a federation may name the accounts for each stage (PUT /api/articles/reviewers),"
					+ " otherwise its staff in scope sign. The third signature makes it REVIEWED. 403 for an account not named for the stage,"
					+ " 409 for a second signature by the same person or when the article is not waiting for review.")
	ArticleView review(@PathVariable long id, @RequestBody(required = false) ReviewRequest r) {
		boolean approve = r == null || r.approve() == null || r.approve();
		articles.review(id, approve, r == null ? null : r.note());
		return articles.get(id);
	}

	@PostMapping("/api/articles/{id:\\d+}/publish")
	@Operation(summary = "Publish a reviewed article on the public pages (REVIEWED → PUBLISHED), dated today in Beijing")
	ArticleView publish(@PathVariable long id) {
		articles.publish(id);
		return articles.get(id);
	}

	@PostMapping("/api/articles/{id:\\d+}/withdraw")
	@Operation(summary = "Withdraw a published article with a reason (PUBLISHED → WITHDRAWN); it leaves the public pages and the search")
	ArticleView withdraw(@PathVariable long id, @RequestBody(required = false) WithdrawRequest r) {
		articles.withdraw(id, r == null ? null : r.reason());
		return articles.get(id);
	}

	@GetMapping("/api/articles/contributors")
	@Operation(summary = "Published articles per person named in a byline and role, over a period of Beijing publication dates, in scope",
			description = "from and to (yyyy-MM-dd, both included) default to this year so far; organizationId narrows to a subtree in scope;"
					+ " sort ARTICLES (most first), NAME or ROLE. 400 when from is after to or the period is longer than ten years,"
					+ " or the organisation is outside the caller's scope.")
	ContributorFigures.Figures contributors(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long organizationId, @RequestParam(required = false) Sort sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return figures.figures(from, to, organizationId, sort, new PageResult.Request(page, size));
	}

	@GetMapping("/api/articles/reviewers")
	@Operation(summary = "The accounts an organisation in scope names for each review stage")
	Map<ReviewStage, List<String>> reviewers(@RequestParam long organizationId) {
		return articles.reviewers(organizationId);
	}

	@PutMapping("/api/articles/reviewers")
	@Operation(summary = "Name the accounts (staff) that sign one review stage for an organisation in scope and its subtree")
	Map<ReviewStage, List<String>> setReviewers(@RequestParam long organizationId, @RequestBody ReviewersRequest r) {
		articles.setReviewers(organizationId, r.stage(), r.usernames());
		return articles.reviewers(organizationId);
	}

	@GetMapping("/api/public/articles")
	@Operation(summary = "Published articles, newest first: of an organisation and its subtree (organizationId), with a tag")
	PageResult<PublicArticle> published(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) String tag,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return articles.published(organizationId, tag, new PageResult.Request(page, size));
	}

	@GetMapping("/api/public/articles/{id:\\d+}")
	PublicArticle publicArticle(@PathVariable long id) {
		return articles.publicArticle(id);
	}
}
