package org.gonghui.workplan.standard.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Metric;
import org.gonghui.platform.Metric.Period;
import org.gonghui.platform.Role;
import org.gonghui.shared.Documents;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.TextChecks;
import org.gonghui.workplan.internal.MetricCatalog;
import org.gonghui.workplan.standard.AssessmentStatus;
import org.gonghui.workplan.standard.ItemRule;
import org.gonghui.workplan.standard.StarRule;
import org.gonghui.workplan.standard.internal.StandardRepository.AssessmentRow;
import org.gonghui.workplan.standard.internal.StandardRepository.CampaignRow;
import org.gonghui.workplan.standard.internal.StandardRepository.ItemRow;
import org.gonghui.workplan.standard.internal.StandardRepository.ScoreRow;
import org.gonghui.workplan.standard.internal.StandardRepository.SectionRow;
import org.gonghui.workplan.standard.internal.StandardRepository.TemplateRow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standardisation assessment (基层工会规范化建设). Scope: everything lies in the caller's data scope or is not
 * found. The union itself (an account of exactly that organisation) assesses itself and appeals; staff of an
 * organisation above it (its street or district) add evidence, review and make the score final. Computed items
 * are read live from the metrics until the score is final, then frozen with it.
 */
@Service
public class StandardService {

	/** An evidence file as stored: its display name, the type read from its content, the bytes. */
	public record EvidenceFile(String fileName, String fileType, byte[] content) {
	}

	/** Names sort as a Chinese reader expects (by pinyin), not by code point. */
	private static final Comparator<Object> CHINESE = java.text.Collator.getInstance(java.util.Locale.CHINA);

	static final int MAX_SECTIONS = 20;
	static final int MAX_ITEMS = 30;
	static final int MAX_UNIONS = 500;
	public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	private final StandardRepository repo;
	private final MetricCatalog metrics;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	StandardService(StandardRepository repo, MetricCatalog metrics, Organizations organizations, CurrentUser currentUser, AuditLog audit,
			Clock clock) {
		this.repo = repo;
		this.metrics = metrics;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public record ItemInput(String name, Integer points, String rule, String metric, String baseMetric, Long threshold) {
	}

	public record SectionInput(String name, List<ItemInput> items) {
	}

	public record TemplateInput(Long federationId, String name, StarRule stars, List<SectionInput> sections) {
	}

	/** A campaign; {@code startsOn} and {@code endsOn} (its period, 评估期) are optional but go together. */
	public record CampaignInput(Long templateId, Long districtId, Integer year, String name, List<Long> unionIds, LocalDate startsOn, LocalDate endsOn) {
	}

	public record Points(Long itemId, Integer points) {
	}

	/** The union's own points for manual items; {@code submit} hands the self-assessment in. */
	public record SelfInput(Integer version, List<Points> points, Boolean submit) {
	}

	public record ReviewInput(Integer version, List<Points> points) {
	}

	public record AppealInput(Integer version, String reason) {
	}

	public record VersionInput(Integer version) {
	}

	public record Created(long id) {
	}

	public record Moved(long id, AssessmentStatus status, int version, Integer score, Integer stars) {
	}

	public record ItemView(long id, String name, int points, ItemRule rule, String metric, String baseMetric, Long threshold) {
	}

	public record SectionView(long id, String name, int points, List<ItemView> items) {
	}

	public record TemplateView(long id, long federationId, String federationName, String name, int totalPoints, StarRule stars,
			List<SectionView> sections) {
	}

	public record CampaignView(long id, long templateId, String templateName, long districtId, String districtName, int year, String name,
			LocalDate startsOn, LocalDate endsOn, int unions, int finals) {
	}

	/** An item of one union's assessment: the figures behind a computed item, or the points and evidence of a manual one. */
	public record ScoreView(long itemId, String section, String name, int points, ItemRule rule, Long threshold, Long value, Long base,
			Integer computedPoints, Integer selfPoints, Integer reviewPoints, String note, String fileName, boolean hasEvidence) {
	}

	public record AssessmentView(long id, long campaignId, String campaignName, int year, long unionId, String unionName,
			AssessmentStatus status, int version, int totalPoints, StarRule starRule, Integer selfScore, Integer reviewScore, Integer finalScore,
			Integer stars, int currentScore, String appealReason, int appeals, List<ScoreView> items, boolean mayAssessSelf, boolean mayReview,
			boolean mayAppeal, boolean mayFinalise) {
	}

	public record RankingRow(Integer rank, long assessmentId, long unionId, String unionName, String streetName, AssessmentStatus status,
			Integer selfScore, Integer reviewScore, Integer finalScore, Integer stars) {

		/** The score a ranking sorts by: final, else the review's, else the union's own. */
		public Integer score() {
			return finalScore != null ? finalScore : reviewScore != null ? reviewScore : selfScore;
		}
	}

	/** Final stars of one street's unions (the district's own unions under the district's name); pending: not final yet. */
	public record StreetStars(String streetName, int five, int four, int three, int two, int one, int none, int pending) {
	}

	// ---- templates ----

	@Transactional
	public Created createTemplate(TemplateInput in) {
		AccountRef me = requireFederationStaff();
		List<FieldProblem> problems = new ArrayList<>();
		OrganizationSummary federation = federation(in.federationId(), "federationId", problems);
		String name = required(TextChecks.line(in.name(), "name", 200, problems), "name", problems);
		List<SectionInput> sections = in.sections() == null ? List.of() : in.sections();
		if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
			problems.add(new FieldProblem("sections", "standard.sections.count", MAX_SECTIONS));
		}
		int total = 0;
		List<Integer> sectionPoints = new ArrayList<>();
		for (int s = 0; s < sections.size(); s++) {
			SectionInput section = sections.get(s);
			String field = "sections[" + s + "]";
			if (section == null) {
				problems.add(new FieldProblem(field, "validation.required"));
				sectionPoints.add(0);
				continue;
			}
			required(TextChecks.line(section.name(), field + ".name", 100, problems), field + ".name", problems);
			List<ItemInput> items = section.items() == null ? List.of() : section.items();
			if (items.isEmpty() || items.size() > MAX_ITEMS) {
				problems.add(new FieldProblem(field + ".items", "standard.items.count", MAX_ITEMS));
			}
			int points = 0;
			for (int i = 0; i < items.size(); i++) {
				points += checkItem(items.get(i), field + ".items[" + i + "]", problems);
			}
			sectionPoints.add(points);
			total += points;
		}
		if (in.stars() == null) {
			problems.add(new FieldProblem("stars", "validation.required"));
		}
		else if (total > 0 && !in.stars().valid(total)) {
			problems.add(new FieldProblem("stars", "standard.stars.order", total));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = repo.insertTemplate(federation.id(), federation.path(), name, in.stars(), total, me.username(), clock.instant());
		for (int s = 0; s < sections.size(); s++) {
			SectionInput section = sections.get(s);
			long sectionId = repo.insertSection(id, s, section.name().strip(), sectionPoints.get(s));
			for (int i = 0; i < section.items().size(); i++) {
				ItemInput item = section.items().get(i);
				ItemRule rule = ItemRule.valueOf(item.rule());
				repo.insertItem(sectionId, i, item.name().strip(), item.points(), rule, rule.computed() ? item.metric() : null,
						rule == ItemRule.SHARE ? item.baseMetric() : null, rule.computed() ? item.threshold() : null);
			}
		}
		audit.record("standard.template.create", "std_template", id, name + " " + total + "分");
		return new Created(id);
	}

	private int checkItem(ItemInput item, String field, List<FieldProblem> problems) {
		if (item == null) {
			problems.add(new FieldProblem(field, "validation.required"));
			return 0;
		}
		required(TextChecks.line(item.name(), field + ".name", 200, problems), field + ".name", problems);
		if (item.points() == null || item.points() < 1 || item.points() > 1000) {
			problems.add(new FieldProblem(field + ".points", "standard.points.item"));
		}
		ItemRule rule = null;
		try {
			rule = item.rule() == null ? null : ItemRule.valueOf(item.rule());
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (rule == null) {
			problems.add(new FieldProblem(field + ".rule", "standard.rule.unknown"));
			return item.points() == null ? 0 : Math.max(0, item.points());
		}
		if (rule == ItemRule.MANUAL) {
			if (item.metric() != null || item.baseMetric() != null || item.threshold() != null) {
				problems.add(new FieldProblem(field + ".metric", "standard.rule.manualHasMetric"));
			}
		}
		else {
			if (metrics.find(item.metric()).isEmpty()) {
				problems.add(new FieldProblem(field + ".metric", "workplan.metric.unknown"));
			}
			if (rule == ItemRule.SHARE && metrics.find(item.baseMetric()).isEmpty()) {
				problems.add(new FieldProblem(field + ".baseMetric", "workplan.metric.unknown"));
			}
			long max = rule == ItemRule.SHARE ? 100 : 1_000_000_000L;
			if (item.threshold() == null || item.threshold() < 1 || item.threshold() > max) {
				problems.add(new FieldProblem(field + ".threshold", rule == ItemRule.SHARE ? "standard.threshold.percent" : "standard.threshold.count"));
			}
		}
		return item.points() == null ? 0 : Math.max(0, item.points());
	}

	@Transactional(readOnly = true)
	public List<TemplateView> templates() {
		AccountRef me = requireStaff();
		String own = organizations.find(me.organizationId()).map(OrganizationSummary::path).orElse("");
		return repo.templates(currentUser.scope().pathPattern(), own).stream().map(this::templateView).toList();
	}

	@Transactional(readOnly = true)
	public TemplateView template(long id) {
		return templateView(visibleTemplate(id));
	}

	private TemplateRow visibleTemplate(long id) {
		AccountRef me = requireStaff();
		String own = organizations.find(me.organizationId()).map(OrganizationSummary::path).orElse("");
		TemplateRow t = repo.template(id).orElseThrow(() -> new RecordNotFoundException("std_template", id));
		// Visible when the federation is in scope or above the caller (a city's template serves its districts).
		if (!currentUser.scope().includes(new OrgPath(t.federationPath())) && !own.startsWith(t.federationPath())) {
			throw new RecordNotFoundException("std_template", id);
		}
		return t;
	}

	private TemplateView templateView(TemplateRow t) {
		List<ItemRow> items = repo.items(t.id());
		List<SectionView> sections = new ArrayList<>();
		for (SectionRow s : repo.sections(t.id())) {
			sections.add(new SectionView(s.id(), s.name(), s.points(), items.stream().filter(i -> i.sectionId() == s.id())
				.map(i -> new ItemView(i.id(), i.name(), i.points(), i.rule(), i.metric(), i.baseMetric(), i.threshold())).toList()));
		}
		return new TemplateView(t.id(), t.federationId(), name(t.federationId()), t.name(), t.totalPoints(), t.stars(), sections);
	}

	// ---- campaigns ----

	@Transactional
	public Created createCampaign(CampaignInput in) {
		AccountRef me = requireFederationStaff();
		List<FieldProblem> problems = new ArrayList<>();
		TemplateRow template = null;
		if (in.templateId() == null) {
			problems.add(new FieldProblem("templateId", "validation.required"));
		}
		else {
			try {
				template = visibleTemplate(in.templateId());
			}
			catch (RecordNotFoundException e) {
				problems.add(new FieldProblem("templateId", "standard.template.unknown"));
			}
		}
		OrganizationSummary district = federation(in.districtId(), "districtId", problems);
		if (template != null && district != null && !district.path().startsWith(template.federationPath())) {
			problems.add(new FieldProblem("templateId", "standard.template.notAbove"));
		}
		boolean yearOk = in.year() != null && in.year() >= 2000 && in.year() <= 2100;
		if (!yearOk) {
			problems.add(new FieldProblem("year", "workplan.plan.year"));
		}
		else if (district != null && repo.campaignExists(district.id(), in.year())) {
			problems.add(new FieldProblem("year", "standard.campaign.exists", String.valueOf(in.year())));
		}
		checkDates(in, yearOk, problems);
		String name = TextChecks.line(in.name(), "name", 200, problems);
		List<Long> unionIds = in.unionIds() == null ? List.of() : in.unionIds();
		if (unionIds.isEmpty() || unionIds.size() > MAX_UNIONS) {
			problems.add(new FieldProblem("unionIds", "standard.unions.count", MAX_UNIONS));
		}
		List<OrganizationSummary> unions = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < unionIds.size(); i++) {
			Long id = unionIds.get(i);
			Optional<OrganizationSummary> union = id == null ? Optional.empty() : organizations.findVisible(id);
			if (union.isEmpty() || !seen.add(id) || district == null || union.get().id() == district.id()
					|| !new OrgPath(union.get().path()).isWithin(new OrgPath(district.path()))
					|| union.get().type() == OrganizationType.REGIONAL_FEDERATION) {
				// Only the unions below the district are assessed; the federations among them are the reviewers.
				problems.add(new FieldProblem("unionIds[" + i + "]", "standard.union.notBelow"));
			}
			else {
				unions.add(union.get());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (name == null) {
			name = in.year() + "年度基层工会规范化建设评估";
		}
		Instant now = clock.instant();
		long id = repo.insertCampaign(template.id(), district.id(), district.path(), in.year(), name, in.startsOn(), in.endsOn(), me.username(), now);
		List<Long> itemIds = repo.items(template.id()).stream().map(ItemRow::id).toList();
		for (OrganizationSummary union : unions) {
			repo.insertAssessment(id, union.id(), union.path(), itemIds, now);
		}
		audit.record("standard.campaign.create", "std_campaign", id, district.name() + " " + in.year() + " " + unions.size() + "个工会");
		return new Created(id);
	}

	/** Both dates or neither, the end not before the start, within the campaign's year or the next (a year is assessed as it ends). */
	private static void checkDates(CampaignInput in, boolean yearOk, List<FieldProblem> problems) {
		if (in.startsOn() == null && in.endsOn() == null) {
			return;
		}
		if (in.startsOn() == null || in.endsOn() == null) {
			problems.add(new FieldProblem(in.startsOn() == null ? "startsOn" : "endsOn", "standard.dates.both"));
			return;
		}
		if (in.endsOn().isBefore(in.startsOn())) {
			problems.add(new FieldProblem("endsOn", "standard.dates.order"));
		}
		if (yearOk) {
			LocalDate first = LocalDate.of(in.year(), 1, 1);
			LocalDate last = LocalDate.of(in.year() + 1, 12, 31);
			if (in.startsOn().isBefore(first) || in.startsOn().isAfter(last)) {
				problems.add(new FieldProblem("startsOn", "standard.dates.year", String.valueOf(in.year()), String.valueOf(in.year() + 1)));
			}
			if (in.endsOn().isBefore(first) || in.endsOn().isAfter(last)) {
				problems.add(new FieldProblem("endsOn", "standard.dates.year", String.valueOf(in.year()), String.valueOf(in.year() + 1)));
			}
		}
	}

	/**
	 * The unions a campaign over the district assesses (every one below it that is not a federation, in the
	 * caller's scope): what the page form sends as {@code unionIds}; empty when the district is not in scope.
	 */
	@Transactional(readOnly = true)
	public List<Long> unionsBelow(Long districtId) {
		requireStaff();
		return Optional.ofNullable(districtId).flatMap(organizations::findVisible).filter(d -> d.type() == OrganizationType.REGIONAL_FEDERATION)
			.map(d -> repo.unionsBelow(d.path(), currentUser.scope().pathPattern(), MAX_UNIONS + 1))
			.orElse(List.of());
	}

	/** Whether the caller makes templates and campaigns (federation staff), for the pages' links. */
	public boolean mayCreate() {
		return currentUser.account().map(me -> me.role() == Role.STAFF || me.role() == Role.ADMIN).orElse(false);
	}

	/** Refuses (403) a caller who may not make templates and campaigns, before a form is shown. */
	public void requireMayCreate() {
		requireFederationStaff();
	}

	@Transactional(readOnly = true)
	public List<CampaignView> campaigns() {
		requireStaff();
		String scope = currentUser.scope().pathPattern();
		return repo.campaigns(scope).stream().map(c -> campaignView(c, scope)).toList();
	}

	@Transactional(readOnly = true)
	public CampaignView campaign(long id) {
		String scope = currentUser.scope().pathPattern();
		return campaignView(visibleCampaign(id), scope);
	}

	private CampaignView campaignView(CampaignRow c, String scope) {
		List<AssessmentRow> rows = repo.assessments(c.id(), scope);
		String template = repo.template(c.templateId()).map(TemplateRow::name).orElse("");
		return new CampaignView(c.id(), c.templateId(), template, c.districtId(), name(c.districtId()), c.year(), c.name(), c.startsOn(), c.endsOn(),
				rows.size(),
				(int) rows.stream().filter(r -> r.status() == AssessmentStatus.FINAL).count());
	}

	private CampaignRow visibleCampaign(long id) {
		requireStaff();
		CampaignRow c = repo.campaign(id).orElseThrow(() -> new RecordNotFoundException("std_campaign", id));
		if (!currentUser.scope().includes(new OrgPath(c.districtPath())) && repo.assessments(id, currentUser.scope().pathPattern()).isEmpty()) {
			throw new RecordNotFoundException("std_campaign", id);
		}
		return c;
	}

	/**
	 * The campaign's unions in the caller's scope, ranked by score (final, else reviewed, else self; equal scores
	 * share a rank, unscored ones have none), then sorted as asked: {@code score} (default), {@code name} or
	 * {@code status}.
	 */
	@Transactional(readOnly = true)
	public PageResult<RankingRow> ranking(long campaignId, String sort, PageResult.Request page) {
		List<RankingRow> all = rankingRows(campaignId, sort);
		int from = (int) Math.min(page.offset(), all.size());
		int to = Math.min(from + page.size(), all.size());
		return new PageResult<>(all.subList(from, to), page.page(), page.size(), all.size());
	}

	public List<RankingRow> rankingRows(long campaignId, String sort) {
		visibleCampaign(campaignId);
		List<RankingRow> rows = new ArrayList<>();
		Map<Long, String> streets = new HashMap<>();
		for (AssessmentRow a : repo.assessments(campaignId, currentUser.scope().pathPattern())) {
			String street = streets.computeIfAbsent(a.unionId(), this::streetName);
			rows.add(new RankingRow(null, a.id(), a.unionId(), name(a.unionId()), street, a.status(), a.selfScore(), a.reviewScore(), a.finalScore(),
					a.stars()));
		}
		rows.sort(Comparator.comparing(RankingRow::score, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(RankingRow::unionName, CHINESE));
		List<RankingRow> ranked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			RankingRow r = rows.get(i);
			Integer rank = r.score() == null ? null
					: i > 0 && r.score().equals(rows.get(i - 1).score()) ? ranked.get(i - 1).rank() : Integer.valueOf(i + 1);
			ranked.add(new RankingRow(rank, r.assessmentId(), r.unionId(), r.unionName(), r.streetName(), r.status(), r.selfScore(), r.reviewScore(),
					r.finalScore(), r.stars()));
		}
		if ("name".equals(sort)) {
			ranked.sort(Comparator.comparing(RankingRow::unionName, CHINESE));
		}
		else if ("status".equals(sort)) {
			ranked.sort(Comparator.comparing(RankingRow::status).thenComparing(RankingRow::unionName, CHINESE));
		}
		else if (sort != null && !sort.isEmpty() && !"score".equals(sort)) {
			throw InvalidInputException.of("sort", "standard.sort.unknown");
		}
		return ranked;
	}

	/** Stars by street, every union counted (the map, {@link StarMap}, shows only unions with a site of their own). */
	@Transactional(readOnly = true)
	public List<StreetStars> streetStars(long campaignId) {
		return streetStars(rankingRows(campaignId, "name"));
	}

	/** {@link #streetStars(long)} over rows the caller already read with {@link #rankingRows}. */
	public List<StreetStars> streetStars(List<RankingRow> ranking) {
		Map<String, int[]> byStreet = new LinkedHashMap<>();
		List<RankingRow> rows = new ArrayList<>(ranking);
		rows.sort(Comparator.comparing(RankingRow::streetName, CHINESE).thenComparing(RankingRow::unionName, CHINESE));
		for (RankingRow r : rows) {
			int[] counts = byStreet.computeIfAbsent(r.streetName(), k -> new int[7]);
			counts[r.stars() == null ? 6 : 5 - r.stars()]++;
		}
		List<StreetStars> out = new ArrayList<>();
		byStreet.forEach((street, c) -> out.add(new StreetStars(street, c[0], c[1], c[2], c[3], c[4], c[5], c[6])));
		return out;
	}

	private String streetName(long unionId) {
		return organizations.ancestor(unionId, OrganizationLevel.STREET, OrganizationType.REGIONAL_FEDERATION)
			.or(() -> organizations.ancestor(unionId, OrganizationLevel.DISTRICT, OrganizationType.REGIONAL_FEDERATION))
			.map(OrganizationSummary::name)
			.orElse("");
	}

	// ---- one union's assessment ----

	/** The caller's own union's assessments (a union sees only itself). */
	@Transactional(readOnly = true)
	public List<RankingRow> mine() {
		AccountRef me = requireStaff();
		List<RankingRow> rows = new ArrayList<>();
		for (AssessmentRow a : repo.assessmentsOf(me.organizationId())) {
			String campaign = repo.campaign(a.campaignId()).map(CampaignRow::name).orElse("");
			rows.add(new RankingRow(null, a.id(), a.unionId(), campaign, "", a.status(), a.selfScore(), a.reviewScore(), a.finalScore(), a.stars()));
		}
		return rows;
	}

	@Transactional(readOnly = true)
	public AssessmentView assessment(long id) {
		AssessmentRow a = visibleAssessment(id);
		CampaignRow c = repo.campaign(a.campaignId()).orElseThrow();
		TemplateRow t = repo.template(c.templateId()).orElseThrow();
		List<ScoreView> items = scoreViews(a, c, t);
		int current = a.status() == AssessmentStatus.FINAL ? a.finalScore()
				: total(items, a.status() == AssessmentStatus.DRAFT || a.status() == AssessmentStatus.SUBMITTED ? ScoreView::selfPoints
						: ScoreView::reviewPoints);
		boolean union = isUnion(a);
		boolean reviewer = isReviewer(a);
		AssessmentStatus s = a.status();
		return new AssessmentView(a.id(), c.id(), c.name(), c.year(), a.unionId(), name(a.unionId()), s, a.version(), t.totalPoints(), t.stars(),
				a.selfScore(), a.reviewScore(), a.finalScore(), a.stars(), current, a.appealReason(), a.appeals(), items,
				union && s == AssessmentStatus.DRAFT, reviewer && (s == AssessmentStatus.SUBMITTED || s == AssessmentStatus.APPEALED),
				union && s == AssessmentStatus.REVIEWED && a.appeals() == 0, reviewer && s == AssessmentStatus.REVIEWED);
	}

	private List<ScoreView> scoreViews(AssessmentRow a, CampaignRow c, TemplateRow t) {
		Map<Long, ScoreRow> scores = new HashMap<>();
		for (ScoreRow s : repo.scores(a.id())) {
			scores.put(s.itemId(), s);
		}
		Map<Long, String> sectionNames = new HashMap<>();
		for (SectionRow s : repo.sections(t.id())) {
			sectionNames.put(s.id(), s.name());
		}
		boolean frozen = a.status() == AssessmentStatus.FINAL;
		OrgPath union = new OrgPath(a.unionPath());
		Period year = Period.year(c.year());
		List<ScoreView> views = new ArrayList<>();
		for (ItemRow i : repo.items(t.id())) {
			ScoreRow s = scores.get(i.id());
			Long value = null;
			Long base = null;
			Integer computed = null;
			if (i.rule().computed()) {
				if (frozen) {
					value = s.computedValue();
					base = s.computedBase();
					computed = s.computedPoints();
				}
				else {
					value = count(i.metric(), union, year);
					base = i.rule() == ItemRule.SHARE ? count(i.baseMetric(), union, year) : null;
					computed = StandardRules.computedPoints(i.rule(), i.points(), i.threshold(), value, base == null ? 0 : base);
				}
			}
			views.add(new ScoreView(i.id(), sectionNames.get(i.sectionId()), i.name(), i.points(), i.rule(), i.threshold(), value, base, computed,
					s.selfPoints(), s.reviewPoints(), s.note(), s.fileName(), s.hasEvidence()));
		}
		return views;
	}

	private long count(String code, OrgPath union, Period year) {
		// A metric a module stopped publishing counts nothing rather than failing the whole assessment.
		return metrics.find(code).map((Metric m) -> m.count(union, year)).orElse(0L);
	}

	private static int total(List<ScoreView> items, java.util.function.Function<ScoreView, Integer> manual) {
		int sum = 0;
		for (ScoreView v : items) {
			Integer p = v.rule().computed() ? v.computedPoints() : manual.apply(v);
			sum += p == null ? 0 : p;
		}
		return sum;
	}

	/** The union's self-assessment: points for manual items (evidence first), saved or handed in. */
	@Transactional
	public Moved selfAssess(long id, SelfInput in) {
		AssessmentRow a = visibleAssessment(id);
		if (!isUnion(a)) {
			throw new AccessDeniedException("Only the union assesses itself");
		}
		int version = version(in.version());
		StandardRules.requireStatus(a.status(), List.of(AssessmentStatus.DRAFT));
		Map<Long, Integer> points = checkPoints(a, in.points());
		boolean submit = Boolean.TRUE.equals(in.submit());
		Instant now = clock.instant();
		conditional(repo.move(id, version, List.of(AssessmentStatus.DRAFT), submit ? AssessmentStatus.SUBMITTED : AssessmentStatus.DRAFT, now));
		points.forEach((item, p) -> repo.selfPoints(id, item, p));
		AssessmentView v = assessment(id);
		int self = total(v.items(), ScoreView::selfPoints);
		if (submit) {
			repo.submitted(id, self, now);
		}
		audit.record(submit ? "standard.self.submit" : "standard.self.save", "std_assessment", id, self + "分");
		return new Moved(id, v.status(), v.version(), self, null);
	}

	/** The street's or district's review: points for manual items, against the evidence. */
	@Transactional
	public Moved review(long id, ReviewInput in) {
		AssessmentRow a = reviewable(id);
		int version = version(in.version());
		List<AssessmentStatus> from = List.of(AssessmentStatus.SUBMITTED, AssessmentStatus.APPEALED);
		StandardRules.requireStatus(a.status(), from);
		Map<Long, Integer> points = checkPoints(a, in.points());
		Instant now = clock.instant();
		conditional(repo.move(id, version, from, AssessmentStatus.REVIEWED, now));
		points.forEach((item, p) -> repo.reviewPoints(id, item, p));
		AssessmentView v = assessment(id);
		int score = total(v.items(), ScoreView::reviewPoints);
		repo.reviewed(id, score, currentUser.username(), now);
		audit.record("standard.review", "std_assessment", id, score + "分");
		return new Moved(id, AssessmentStatus.REVIEWED, v.version(), score, null);
	}

	/** The union's one appeal against the review, with its reason. */
	@Transactional
	public Moved appeal(long id, AppealInput in) {
		AssessmentRow a = visibleAssessment(id);
		if (!isUnion(a)) {
			throw new AccessDeniedException("Only the union appeals");
		}
		int version = version(in.version());
		List<FieldProblem> problems = new ArrayList<>();
		String reason = TextChecks.text(in.reason(), "reason", 1000, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		StandardRules.checkAppeal(a.status(), a.appeals(), reason);
		conditional(repo.appeal(id, version, reason, clock.instant()));
		audit.record("standard.appeal", "std_assessment", id, reason);
		return new Moved(id, AssessmentStatus.APPEALED, version + 1, a.reviewScore(), null);
	}

	/** Makes the reviewed score final: computed items frozen as they stand now, stars by the template's levels. */
	@Transactional
	public Moved finalise(long id, VersionInput in) {
		AssessmentRow a = reviewable(id);
		int version = version(in.version());
		StandardRules.requireStatus(a.status(), List.of(AssessmentStatus.REVIEWED));
		CampaignRow c = repo.campaign(a.campaignId()).orElseThrow();
		TemplateRow t = repo.template(c.templateId()).orElseThrow();
		List<ScoreView> items = scoreViews(a, c, t);
		int score = total(items, ScoreView::reviewPoints);
		int stars = t.stars().stars(score);
		conditional(repo.finalise(id, version, score, stars, clock.instant()));
		for (ScoreView v : items) {
			if (v.rule().computed()) {
				repo.computed(id, v.itemId(), v.value(), v.base(), v.computedPoints());
			}
		}
		audit.record("standard.finalise", "std_assessment", id, score + "分 " + stars + "星");
		return new Moved(id, AssessmentStatus.FINAL, version + 1, score, stars);
	}

	/**
	 * Evidence for a manual item (a note, a PDF or a photo checked by content): from the union while it assesses
	 * itself, from the reviewer while the review is open.
	 */
	@Transactional
	public Moved evidence(long id, long itemId, Integer version, String note, byte[] file, String fileName) {
		AssessmentRow a = visibleAssessment(id);
		List<AssessmentStatus> from;
		if (isUnion(a)) {
			from = List.of(AssessmentStatus.DRAFT);
		}
		else if (isReviewer(a)) {
			from = List.of(AssessmentStatus.SUBMITTED, AssessmentStatus.APPEALED);
		}
		else {
			throw new AccessDeniedException("Evidence comes from the union or its reviewer");
		}
		int v = version(version);
		List<FieldProblem> problems = new ArrayList<>();
		String text = TextChecks.text(note, "note", 1000, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ItemRow item = manualItem(a, itemId, "itemId");
		if (text == null && file == null) {
			throw InvalidInputException.of("note", "standard.evidence.empty");
		}
		// Checked by content as every module's documents are (shared.Documents), so all refuse the same files alike.
		Documents.Checked doc = file == null ? null : Documents.check(file, fileName, MAX_FILE_BYTES, "file");
		EvidenceFile checked = doc == null ? null : new EvidenceFile(doc.fileName(), doc.contentType(), doc.content());
		StandardRules.requireStatus(a.status(), from);
		Instant now = clock.instant();
		conditional(repo.move(id, v, from, a.status(), now));
		repo.evidence(id, item.id(), text, checked, currentUser.username(), now);
		audit.record("standard.evidence", "std_assessment", id, item.name() + (checked == null ? "" : " " + checked.fileName()));
		return new Moved(id, a.status(), v + 1, null, null);
	}

	@Transactional(readOnly = true)
	public EvidenceFile file(long id, long itemId) {
		AssessmentRow a = visibleAssessment(id);
		EvidenceFile f = repo.file(a.id(), itemId).orElseThrow(() -> new RecordNotFoundException("std_evidence", itemId));
		audit.record("standard.evidence.read", "std_assessment", id, f.fileName());
		return f;
	}

	private Map<Long, Integer> checkPoints(AssessmentRow a, List<Points> input) {
		Map<Long, Integer> points = new LinkedHashMap<>();
		Map<Long, ScoreRow> scores = new HashMap<>();
		for (ScoreRow s : repo.scores(a.id())) {
			scores.put(s.itemId(), s);
		}
		List<Points> list = input == null ? List.of() : input;
		for (int i = 0; i < list.size(); i++) {
			Points p = list.get(i);
			String field = "points[" + i + "]";
			if (p == null || p.itemId() == null || p.points() == null) {
				throw InvalidInputException.of(field, "validation.required");
			}
			ItemRow item = manualItem(a, p.itemId(), field + ".itemId");
			StandardRules.checkManual(field + ".points", p.points(), item.points(), scores.get(item.id()).hasEvidence());
			if (points.put(item.id(), p.points()) != null) {
				throw InvalidInputException.of(field + ".itemId", "standard.item.twice");
			}
		}
		return points;
	}

	private ItemRow manualItem(AssessmentRow a, long itemId, String field) {
		CampaignRow c = repo.campaign(a.campaignId()).orElseThrow();
		ItemRow item = repo.items(c.templateId()).stream().filter(i -> i.id() == itemId).findFirst()
			.orElseThrow(() -> InvalidInputException.of(field, "standard.item.unknown"));
		if (item.rule().computed()) {
			throw InvalidInputException.of(field, "standard.item.computed");
		}
		return item;
	}

	private AssessmentRow visibleAssessment(long id) {
		requireStaff();
		AssessmentRow a = repo.assessment(id).orElseThrow(() -> new RecordNotFoundException("std_assessment", id));
		if (!currentUser.scope().includes(new OrgPath(a.unionPath()))) {
			throw new RecordNotFoundException("std_assessment", id);
		}
		return a;
	}

	private AssessmentRow reviewable(long id) {
		AssessmentRow a = visibleAssessment(id);
		if (!isReviewer(a)) {
			throw new AccessDeniedException("The street or district reviews, not the union itself");
		}
		return a;
	}

	/** An account of exactly the assessed union. */
	private boolean isUnion(AssessmentRow a) {
		return currentUser.account().map(me -> me.organizationId() == a.unionId() && me.role() != Role.COUNSELLOR).orElse(false);
	}

	/** Staff of an organisation above the union (its street, district or higher) with the union in scope. */
	private boolean isReviewer(AssessmentRow a) {
		return currentUser.account().map(me -> (me.role() == Role.STAFF || me.role() == Role.ADMIN) && me.organizationId() != a.unionId())
			.orElse(false);
	}

	private static int version(Integer version) {
		if (version == null) {
			throw InvalidInputException.of("version", "validation.required");
		}
		return version;
	}

	private static void conditional(boolean moved) {
		if (!moved) {
			throw new StateConflictException("standard.conflict");
		}
	}

	private AccountRef requireStaff() {
		metrics.requireStaff();
		return currentUser.account().orElseThrow();
	}

	/** Templates and campaigns are made by federation staff, not by a union's chair. */
	private AccountRef requireFederationStaff() {
		AccountRef me = requireStaff();
		if (me.role() != Role.STAFF && me.role() != Role.ADMIN) {
			throw new AccessDeniedException("Federation staff make templates and campaigns");
		}
		return me;
	}

	private OrganizationSummary federation(Long id, String field, List<FieldProblem> problems) {
		if (id == null) {
			problems.add(new FieldProblem(field, "validation.required"));
			return null;
		}
		Optional<OrganizationSummary> org = organizations.findVisible(id);
		if (org.isEmpty() || org.get().type() != OrganizationType.REGIONAL_FEDERATION) {
			problems.add(new FieldProblem(field, "standard.federation.unknown"));
			return null;
		}
		return org.get();
	}

	private static String required(String value, String field, List<FieldProblem> problems) {
		if (value == null && problems.stream().noneMatch(p -> p.field().equals(field))) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		return value;
	}

	private String name(long organizationId) {
		return organizations.find(organizationId).map(OrganizationSummary::name).orElse("");
	}
}
