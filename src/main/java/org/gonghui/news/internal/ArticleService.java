package org.gonghui.news.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gonghui.news.ArticleStatus;
import org.gonghui.news.BylineRole;
import org.gonghui.news.ReviewStage;
import org.gonghui.news.internal.ArticleRepository.ArticleRow;
import org.gonghui.news.internal.ArticleRepository.Content;
import org.gonghui.news.internal.ArticleRepository.Link;
import org.gonghui.news.internal.Bylines.Byline;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.Accounts;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles and their workflow: written by staff and union chairs of the organisation's scope, handed in, signed
 * by the three review stages (三审) one after the other by three different people — the accounts the federation
 * named for a stage, or, where it named none, staff whose scope holds the article — then published and perhaps
 * withdrawn with a reason. Every move is conditional on the status read, signed (actor and name) and kept as a
 * step, and audited. Outside the caller's scope an article answers 404 like a missing one; public readers see
 * published articles only.
 */
@Service
public class ArticleService {

	public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);
	/** Review, publication and withdrawal speak for the federation: its staff, not a grassroots chair. */
	private static final Set<Role> EDITORS = Set.of(Role.ADMIN, Role.STAFF);
	private static final Set<String> LINK_KINDS = Set.of("ACTIVITY", "MEETING", "COMPETITION", "HONOREE", "SITE", "CARAVAN", "BOOKLET");
	static final int MAX_BYLINES = 12;
	static final int MAX_TAGS = 8;
	static final int MAX_LINKS = 20;

	private final ArticleRepository articles;
	private final Organizations organizations;
	private final Accounts accounts;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	ArticleService(ArticleRepository articles, Organizations organizations, Accounts accounts, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.articles = articles;
		this.organizations = organizations;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** A person in a byline as typed: role (REPORTER or 记者, …), and a name or an account's username (or both). */
	public record BylineInput(String role, String name, String username) {
	}

	/** A record the article tells of. */
	public record LinkInput(String kind, Long id) {
	}

	public record ArticleInput(Long organizationId, String kicker, String headline, String subheading, String body, List<BylineInput> bylines,
			List<String> tags, List<LinkInput> links) {
	}

	public record BylineView(BylineRole role, String name, String username) {
	}

	public record LinkView(String kind, long id, String href) {
	}

	public record StepView(String action, ReviewStage stage, ArticleStatus to, String actor, String actorName, String note, LocalDateTime at) {
	}

	/** A photo of the article, in print order: its caption (图片说明) and credit (摄影), without the bytes. */
	public record PhotoView(long id, int position, String caption, String creditName, String creditUsername, int width, int height) {
	}

	/** What the caller may do with the article now. */
	public record Moves(boolean edit, boolean submit, boolean review, boolean publish, boolean withdraw) {
	}

	public record ArticleView(long id, long organizationId, String organizationName, String kicker, String headline, String subheading, String body,
			ArticleStatus status, List<BylineView> bylines, String bylineText, List<String> tags, List<LinkView> links, LocalDate publishedOn,
			String withdrawnReason, String createdBy, LocalDateTime updatedAt, int stagesSigned, ReviewStage nextStage, List<StepView> steps, Moves moves,
			String sourceKind, Long sourceId, List<PhotoView> photos) {
	}

	/** A line of the staff list. */
	public record ArticleLine(long id, String headline, String organizationName, ArticleStatus status, int stagesSigned, LocalDate publishedOn,
			LocalDateTime updatedAt) {
	}

	/** A published article as the public sees it; {@code summary} is the start of its text for lists, the feed and share cards. */
	public record PublicArticle(long id, long organizationId, String organizationName, String kicker, String headline, String subheading, String body,
			String bylineText, List<String> tags, List<LinkView> links, LocalDate publishedOn, Instant publishedAt, String summary,
			List<PhotoView> photos) {
	}

	public boolean mayWrite() {
		return currentUser.account().map(a -> WRITERS.contains(a.role())).orElse(false);
	}

	/** Whether the caller signs reviews, publishes and names reviewers (the federation's staff). */
	public boolean mayReview() {
		return isEditor();
	}

	@Transactional
	public long create(ArticleInput input) {
		requireWriter();
		Content content = check(input);
		return createChecked(content, null, null);
	}

	/** A checked article stored as a draft with its first step; for drafts made from records too. */
	long createChecked(Content content, String sourceKind, Long sourceId) {
		Instant now = clock.instant();
		long id = articles.insert(content, sourceKind, sourceId, currentUser.username(), now);
		articles.step(id, "CREATE", 0, null, null, ArticleStatus.DRAFT, currentUser.username(), actorName(), null, now);
		audit.record("article.create", "article", id, content.headline());
		return id;
	}

	@Transactional
	public void update(long id, ArticleInput input, Integer version) {
		ArticleRow a = readable(id);
		requireWriter();
		if (a.status() != ArticleStatus.DRAFT) {
			throw new StateConflictException("news.article.notDraft");
		}
		Content content = check(input);
		if (!articles.updateDraft(id, version == null ? a.version() : version, content, clock.instant())) {
			throw new StateConflictException("news.article.changed");
		}
		audit.record("article.update", "article", id, content.headline());
	}

	@Transactional
	public void submit(long id) {
		ArticleRow a = readable(id);
		requireWriter();
		expect(a, ArticleStatus.DRAFT);
		move(a, "SUBMIT", null, ArticleStatus.SUBMITTED, a.reviewRound() + 1, 0, null);
	}

	/**
	 * Signs the next review stage ({@code approve}) or sends the article back to its writer with a note. The
	 * third signature makes it REVIEWED.
	 */
	@Transactional
	public void review(long id, boolean approve, String note) {
		ArticleRow a = readable(id);
		expect(a, ArticleStatus.SUBMITTED);
		List<FieldProblem> problems = new ArrayList<>();
		String cleanNote = TextChecks.line(note, "note", 200, problems);
		if (!approve && cleanNote == null && problems.isEmpty()) {
			problems.add(new FieldProblem("note", "news.review.noteRequired"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ReviewStage stage = ReviewStage.values()[a.stagesSigned()];
		checkReviewer(a, stage);
		if (approve) {
			int signed = a.stagesSigned() + 1;
			ArticleStatus to = signed == ReviewStage.values().length ? ArticleStatus.REVIEWED : ArticleStatus.SUBMITTED;
			move(a, "REVIEW", stage, to, a.reviewRound(), signed, cleanNote);
		}
		else {
			move(a, "RETURN", stage, ArticleStatus.DRAFT, a.reviewRound(), 0, cleanNote);
		}
	}

	@Transactional
	public void publish(long id) {
		ArticleRow a = readable(id);
		requireEditor();
		expect(a, ArticleStatus.REVIEWED);
		move(a, "PUBLISH", null, ArticleStatus.PUBLISHED, a.reviewRound(), a.stagesSigned(), null);
		articles.markPublished(id, LocalDate.now(clock.withZone(BEIJING)), clock.instant());
	}

	@Transactional
	public void withdraw(long id, String reason) {
		ArticleRow a = readable(id);
		requireEditor();
		List<FieldProblem> problems = new ArrayList<>();
		String clean = TextChecks.line(reason, "reason", 200, problems);
		if (clean == null && problems.isEmpty()) {
			problems.add(new FieldProblem("reason", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		expect(a, ArticleStatus.PUBLISHED);
		move(a, "WITHDRAW", null, ArticleStatus.WITHDRAWN, a.reviewRound(), a.stagesSigned(), clean);
		articles.markWithdrawn(id, clean);
	}

	@Transactional(readOnly = true)
	public ArticleView get(long id) {
		ArticleRow a = readable(id);
		requireWriter();
		return view(a);
	}

	@Transactional(readOnly = true)
	public PageResult<ArticleLine> list(ArticleStatus status, Long organizationId, PageResult.Request page) {
		requireWriter();
		String scope = currentUser.scope().pathPattern();
		String under = organizationId == null ? "/%"
				: organizations.findVisible(organizationId).map(o -> new OrgPath(o.path()).subtreePattern())
					.orElseThrow(() -> InvalidInputException.of("organizationId", "news.organization.notFound"));
		var filter = new ArticleRepository.Filter(scope, status, under);
		return new PageResult<>(articles.list(filter, page.offset(), page.size()).stream()
			.map(a -> new ArticleLine(a.id(), a.headline(), a.organizationName(), a.status(), a.stagesSigned(), a.publishedOn(), local(a.updatedAt())))
			.toList(), page.page(), page.size(), articles.count(filter));
	}

	/** Published articles of an organisation and its subtree (all of them without one), with a tag when given. */
	@Transactional(readOnly = true)
	public PageResult<PublicArticle> published(Long organizationId, String tag, PageResult.Request page) {
		String under = organizationId == null ? "/%"
				: organizations.find(organizationId).map(o -> new OrgPath(o.path()).subtreePattern())
					.orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
		String cleanTag = Text.clean(tag);
		return new PageResult<>(articles.published(under, cleanTag, page.offset(), page.size()).stream().map(this::publicView).toList(), page.page(),
				page.size(), articles.countPublished(under, cleanTag));
	}

	/** A published article; anything else (draft, withdrawn, unknown) is not found. */
	@Transactional(readOnly = true)
	public PublicArticle publicArticle(long id) {
		return publicView(publishedRow(id));
	}

	/** The accounts a federation names for each stage (empty lists where it names none). */
	@Transactional(readOnly = true)
	public Map<ReviewStage, List<String>> reviewers(long organizationId) {
		var org = organizations.findVisible(organizationId).orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
		requireEditor();
		var out = new EnumMap<ReviewStage, List<String>>(ReviewStage.class);
		for (ReviewStage s : ReviewStage.values()) {
			out.put(s, articles.reviewers(List.of(org.id())).stream().filter(r -> r.stage() == s).map(ArticleRepository.Reviewer::username).toList());
		}
		return out;
	}

	/** Names the reviewers of one stage for a federation in scope; each must be staff whose scope holds it. */
	@Transactional
	public void setReviewers(long organizationId, ReviewStage stage, List<String> usernames) {
		if (stage == null) {
			organizations.findVisible(organizationId).orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
			requireEditor();
			throw InvalidInputException.of("stage", "validation.required");
		}
		setReviewers(organizationId, Map.of(stage, usernames == null ? List.<String>of() : usernames), "usernames");
	}

	/** An account named for a stage, with its name as shown. */
	public record ReviewerView(String username, String displayName) {
	}

	/**
	 * A stage as a federation set it: the accounts it names, or, where it names none, the organisation above whose
	 * naming applies ({@code inheritedFrom}, with those accounts) — null when staff in scope sign.
	 */
	public record StageReviewers(ReviewStage stage, List<ReviewerView> named, String inheritedFrom, List<ReviewerView> inherited) {
	}

	public record ReviewerSettings(long organizationId, String organizationName, List<StageReviewers> stages) {
	}

	/** The reviewers page of an organisation in scope (the caller's own without one). */
	@Transactional(readOnly = true)
	public ReviewerSettings reviewerSettings(Long organizationId) {
		requireEditor();
		long id = organizationId != null ? organizationId : currentUser.account().orElseThrow().organizationId();
		var org = organizations.findVisible(id).orElseThrow(() -> new RecordNotFoundException("organization", id));
		List<Long> path = new OrgPath(org.path()).ids();
		var rows = articles.reviewers(path);
		List<StageReviewers> stages = new ArrayList<>();
		for (ReviewStage s : ReviewStage.values()) {
			List<ReviewerView> named = List.of();
			String from = null;
			List<ReviewerView> inherited = List.of();
			for (int i = path.size() - 1; i >= 0; i--) {
				long at = path.get(i);
				List<ReviewerView> here = rows.stream().filter(r -> r.stage() == s && r.organizationId() == at).map(r -> reviewerView(r.username())).toList();
				if (here.isEmpty()) {
					continue;
				}
				if (at == org.id()) {
					named = here;
				}
				else {
					from = organizations.find(at).map(o -> o.name()).orElse(null);
					inherited = here;
				}
				break;
			}
			stages.add(new StageReviewers(s, named, from, inherited));
		}
		return new ReviewerSettings(org.id(), org.name(), stages);
	}

	private ReviewerView reviewerView(String username) {
		return new ReviewerView(username, accounts.find(username).map(AccountRef::displayName).orElse(username));
	}

	/**
	 * Names the reviewers of the given stages at once; every stage is checked before any is written, so a wrong name
	 * in one stage leaves all as they were. Problems are reported on {@code field} (or on the stage's name when null).
	 */
	@Transactional
	public void setReviewers(long organizationId, Map<ReviewStage, List<String>> byStage, String field) {
		var org = organizations.findVisible(organizationId).orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
		requireEditor();
		OrgPath orgPath = new OrgPath(org.path());
		List<FieldProblem> problems = new ArrayList<>();
		var checked = new EnumMap<ReviewStage, List<String>>(ReviewStage.class);
		for (var e : byStage.entrySet()) {
			String f = field != null ? field : e.getKey().name();
			List<String> names = new ArrayList<>();
			for (String u : e.getValue()) {
				String clean = Text.clean(u);
				if (clean == null) {
					continue;
				}
				// A reviewer must be staff who can open the federation's articles: outside its scope they would see 404.
				var account = accounts.find(clean).filter(acc -> EDITORS.contains(acc.role()))
					.filter(acc -> acc.role() == Role.ADMIN || organizations.find(acc.organizationId()).map(o -> orgPath.isWithin(new OrgPath(o.path()))).orElse(false));
				if (account.isEmpty()) {
					problems.add(new FieldProblem(f, "news.reviewer.unknown", clean));
				}
				else if (!names.contains(account.get().username())) {
					names.add(account.get().username());
				}
			}
			if (names.size() > 10) {
				problems.add(new FieldProblem(f, "news.reviewer.tooMany", 10));
			}
			checked.put(e.getKey(), names);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		checked.forEach((stage, names) -> {
			articles.replaceReviewers(org.id(), stage, names);
			audit.record("article.reviewers", "organization", org.id(), stage + ": " + String.join(", ", names));
		});
	}

	/** Checks an article's input and turns it into what is stored: text cleaned, body sanitised, bylines resolved. */
	Content check(ArticleInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		Long organizationId = in.organizationId();
		if (organizationId == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else if (organizations.findVisible(organizationId).isEmpty()) {
			problems.add(new FieldProblem("organizationId", "news.organization.notFound"));
		}
		String kicker = TextChecks.line(in.kicker(), "kicker", 100, problems);
		String headline = TextChecks.line(in.headline(), "headline", 100, problems);
		if (headline == null && problems.stream().noneMatch(p -> p.field().equals("headline"))) {
			problems.add(new FieldProblem("headline", "validation.required"));
		}
		String subheading = TextChecks.line(in.subheading(), "subheading", 200, problems);
		String body = ArticleHtml.sanitise(in.body());
		if (body.length() > ArticleHtml.MAX_LENGTH || (in.body() != null && in.body().length() > 4 * ArticleHtml.MAX_LENGTH)) {
			problems.add(new FieldProblem("body", "validation.tooLong", ArticleHtml.MAX_LENGTH));
		}
		else if (ArticleHtml.text(body).isBlank()) {
			problems.add(new FieldProblem("body", "validation.required"));
		}
		List<Byline> bylines = bylines(in.bylines(), problems);
		List<String> tags = tags(in.tags(), problems);
		List<Link> links = links(in.links(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Content(organizationId, kicker, headline, subheading, body, bylines, tags, links);
	}

	private List<Byline> bylines(List<BylineInput> input, List<FieldProblem> problems) {
		List<Byline> out = new ArrayList<>();
		List<BylineInput> list = input == null ? List.of() : input.stream().filter(Objects::nonNull).toList();
		if (list.size() > MAX_BYLINES) {
			problems.add(new FieldProblem("bylines", "news.byline.tooMany", MAX_BYLINES));
			return out;
		}
		for (int i = 0; i < list.size(); i++) {
			BylineInput b = list.get(i);
			String field = "bylines[" + i + "]";
			BylineRole role = role(b.role());
			if (role == null) {
				problems.add(new FieldProblem(field + ".role", "news.byline.role"));
				continue;
			}
			String name = TextChecks.line(b.name(), field + ".name", 20, problems);
			String username = null;
			if (Text.clean(b.username()) != null) {
				var account = accounts.find(b.username());
				if (account.isEmpty()) {
					problems.add(new FieldProblem(field + ".username", "news.byline.unknownAccount"));
					continue;
				}
				username = account.get().username();
				name = name == null ? account.get().displayName() : name;
			}
			if (name == null) {
				problems.add(new FieldProblem(field + ".name", "validation.required"));
				continue;
			}
			if (name.length() > 20) {
				continue;
			}
			out.add(new Byline(role, name, username));
		}
		return out;
	}

	/** A byline typed as the paper prints it ("记者 任洁 通讯员 曹薇", "本报讯（记者 马超）") as the people it names. */
	public static List<BylineInput> bylinesFromText(String text) {
		return Bylines.parse(text).stream().map(b -> new BylineInput(b.role().name(), b.name(), null)).toList();
	}

	/** The byline as the paper prints it, for a form that shows it as one line. */
	public static String bylineText(List<BylineView> bylines) {
		return Bylines.print(bylines.stream().map(b -> new Byline(b.role(), b.name(), b.username())).toList());
	}

	/** REPORTER or 记者, case and width as typed; null when it is neither. */
	static BylineRole role(String typed) {
		String clean = Text.clean(typed);
		if (clean == null) {
			return null;
		}
		String half = Text.toHalfWidth(clean).toUpperCase(Locale.ROOT);
		for (BylineRole r : BylineRole.values()) {
			if (r.name().equals(half) || r.chinese().equals(clean)) {
				return r;
			}
		}
		return switch (clean) {
			case "本报记者" -> BylineRole.REPORTER;
			case "摄影记者" -> BylineRole.PHOTOGRAPHER;
			default -> null;
		};
	}

	private static List<String> tags(List<String> input, List<FieldProblem> problems) {
		LinkedHashSet<String> out = new LinkedHashSet<>();
		for (String t : input == null ? List.<String>of() : input) {
			String clean = TextChecks.line(t, "tags", 30, problems);
			if (clean != null && clean.length() <= 30) {
				out.add(clean);
			}
		}
		if (out.size() > MAX_TAGS) {
			problems.add(new FieldProblem("tags", "news.tags.tooMany", MAX_TAGS));
		}
		return List.copyOf(out);
	}

	private static List<Link> links(List<LinkInput> input, List<FieldProblem> problems) {
		LinkedHashSet<Link> out = new LinkedHashSet<>();
		for (LinkInput l : input == null ? List.<LinkInput>of() : input) {
			if (l == null) {
				continue;
			}
			String kind = l.kind() == null ? null : l.kind().strip().toUpperCase(Locale.ROOT);
			if (kind == null || !LINK_KINDS.contains(kind) || l.id() == null || l.id() <= 0) {
				problems.add(new FieldProblem("links", "news.link.invalid"));
				return List.of();
			}
			out.add(new Link(kind, l.id()));
		}
		if (out.size() > MAX_LINKS) {
			problems.add(new FieldProblem("links", "news.link.tooMany", MAX_LINKS));
		}
		return List.copyOf(out);
	}

	/**
	 * Whether the caller may sign this stage: staff of the article's scope; the accounts named for the stage by the
	 * nearest organisation on the article's path that named any; never a second stage of one round by the same
	 * person; the writer only the first (责任编辑 may be the one who wrote it).
	 */
	private void checkReviewer(ArticleRow a, ReviewStage stage) {
		requireEditor();
		AccountRef me = currentUser.account().orElseThrow();
		List<String> named = namedReviewers(a, stage);
		if (!named.isEmpty() && !named.contains(me.username())) {
			throw new AccessDeniedException("Not a reviewer of this stage");
		}
		if (stage != ReviewStage.EDITOR && me.username().equals(a.createdBy())) {
			throw new StateConflictException("news.review.notTheWriter");
		}
		boolean signedBefore = articles.steps(a.id()).stream()
			.anyMatch(s -> s.reviewRound() == a.reviewRound() && s.action().equals("REVIEW") && s.actor().equals(me.username()));
		if (signedBefore) {
			throw new StateConflictException("news.review.alreadySigned");
		}
	}

	private List<String> namedReviewers(ArticleRow a, ReviewStage stage) {
		List<Long> path = new OrgPath(a.organizationPath()).ids();
		var rows = articles.reviewers(path).stream().filter(r -> r.stage() == stage).toList();
		for (int i = path.size() - 1; i >= 0; i--) {
			long org = path.get(i);
			List<String> here = rows.stream().filter(r -> r.organizationId() == org).map(ArticleRepository.Reviewer::username).toList();
			if (!here.isEmpty()) {
				return here;
			}
		}
		return List.of();
	}

	private boolean maySign(ArticleRow a) {
		if (a.status() != ArticleStatus.SUBMITTED || !isEditor()) {
			return false;
		}
		try {
			checkReviewer(a, ReviewStage.values()[a.stagesSigned()]);
			return true;
		}
		catch (AccessDeniedException | StateConflictException e) {
			return false;
		}
	}

	private void move(ArticleRow a, String action, ReviewStage stage, ArticleStatus to, int round, int signed, String note) {
		Instant now = clock.instant();
		if (!articles.move(a.id(), a.version(), a.status(), to, round, signed, now)) {
			throw new StateConflictException("news.article.changed");
		}
		articles.step(a.id(), action, round, stage, a.status(), to, currentUser.username(), actorName(), note, now);
		audit.record("article." + action.toLowerCase(Locale.ROOT), "article", a.id(), (stage == null ? "" : stage + " ") + a.status() + " → " + to);
	}

	private static void expect(ArticleRow a, ArticleStatus status) {
		if (a.status() != status) {
			throw new StateConflictException("news.article.wrongStatus." + status.name());
		}
	}

	/** An article in the caller's scope that the caller may write (its photos, …); 404 outside the scope. */
	ArticleRow writable(long id) {
		ArticleRow a = readable(id);
		requireWriter();
		return a;
	}

	/** A published article; anything else is not found (a withdrawn article's photos leave the public at once). */
	ArticleRow publishedRow(long id) {
		return articles.find(id).filter(a -> a.status() == ArticleStatus.PUBLISHED).orElseThrow(() -> new RecordNotFoundException("article", id));
	}

	private ArticleRow readable(long id) {
		if (!mayWrite()) {
			// Workers and anonymous callers read published articles through the public pages only.
			throw new RecordNotFoundException("article", id);
		}
		return articles.find(id).filter(a -> currentUser.scope().includes(new OrgPath(a.organizationPath())))
			.orElseThrow(() -> new RecordNotFoundException("article", id));
	}

	private ArticleView view(ArticleRow a) {
		var bylines = articles.bylines(a.id());
		var steps = articles.steps(a.id()).stream()
			.map(s -> new StepView(s.action(), s.stage(), s.to(), s.actor(), s.actorName(), s.note(), local(s.at()))).toList();
		boolean editor = isEditor();
		var moves = new Moves(a.status() == ArticleStatus.DRAFT, a.status() == ArticleStatus.DRAFT, maySign(a),
				editor && a.status() == ArticleStatus.REVIEWED, editor && a.status() == ArticleStatus.PUBLISHED);
		ReviewStage next = a.status() == ArticleStatus.SUBMITTED ? ReviewStage.values()[a.stagesSigned()] : null;
		return new ArticleView(a.id(), a.organizationId(), a.organizationName(), a.kicker(), a.headline(), a.subheading(), a.body(), a.status(),
				bylines.stream().map(b -> new BylineView(b.role(), b.name(), b.username())).toList(), Bylines.print(bylines), articles.tags(a.id()),
				links(a.id()), a.publishedOn(), a.withdrawnReason(), a.createdBy(), local(a.updatedAt()), a.stagesSigned(), next, steps, moves,
				a.sourceKind(), a.sourceId(), articles.photos(a.id()));
	}

	private PublicArticle publicView(ArticleRow a) {
		String text = ArticleHtml.text(a.body());
		String summary = text.length() > 120 ? text.substring(0, 120) + "…" : text;
		return new PublicArticle(a.id(), a.organizationId(), a.organizationName(), a.kicker(), a.headline(), a.subheading(), a.body(),
				Bylines.print(articles.bylines(a.id())), articles.tags(a.id()),
				links(a.id()).stream().filter(l -> l.href() != null && isPublicHref(l.kind())).toList(), a.publishedOn(), a.publishedAt(), summary,
				articles.photos(a.id()));
	}

	private List<LinkView> links(long articleId) {
		return articles.links(articleId).stream().map(l -> new LinkView(l.kind(), l.refId(), href(l.kind(), l.refId()))).toList();
	}

	/** Where a linked record is shown; the public pages link only to records the public may open. */
	static String href(String kind, long id) {
		return switch (kind) {
			case "ACTIVITY", "CARAVAN" -> "/activities/" + id;
			case "MEETING" -> "/workplan/meetings/" + id;
			case "COMPETITION" -> "/competitions/" + id + "/results";
			case "SITE" -> "/sites/" + id;
			case "HONOREE" -> "/showcase/" + id;
			case "BOOKLET" -> "/booklets/" + id;
			default -> null;
		};
	}

	private static boolean isPublicHref(String kind) {
		return kind.equals("COMPETITION") || kind.equals("SITE");
	}

	private boolean isEditor() {
		return currentUser.account().map(acc -> EDITORS.contains(acc.role())).orElse(false);
	}

	private String actorName() {
		return currentUser.account().map(AccountRef::displayName).orElse("system");
	}

	private void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to write articles");
		}
	}

	private void requireEditor() {
		if (!isEditor()) {
			throw new AccessDeniedException("Not allowed to review or publish articles");
		}
	}

	static LocalDateTime local(Instant at) {
		return at == null ? null : LocalDateTime.ofInstant(at, BEIJING);
	}
}
