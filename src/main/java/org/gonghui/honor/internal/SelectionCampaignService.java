package org.gonghui.honor.internal;

import org.gonghui.honor.RuleKind;

import org.gonghui.honor.NominationStage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gonghui.honor.HonorLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.TextChecks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Selection campaigns (评选): a federation opens one for an honour with a nomination window, places per
 * sub-federation, ratio rules and a review panel. Staff of the federation (or above) create it; anyone in
 * its subtree sees it, since its unions nominate into it.
 */
@Service
public class SelectionCampaignService {

	static final int DEFAULT_PANEL_SIZE = 9;
	private static final List<Role> CREATORS = List.of(Role.ADMIN, Role.STAFF);
	private static final List<Role> READERS = List.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);

	private final SelectionCampaignRepository campaigns;
	private final HonorRepository honors;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	SelectionCampaignService(SelectionCampaignRepository campaigns, HonorRepository honors, Organizations organizations, CurrentUser currentUser, AuditLog audit,
			Clock clock) {
		this.campaigns = campaigns;
		this.honors = honors;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public record RuleInput(RuleKind kind, BigDecimal share) {
	}

	public record QuotaInput(Long organizationId, Integer places) {
	}

	public record NewSelectionCampaign(Long organizationId, String title, String honourTitle, HonorLevel level, String conferredBy, Integer year,
			LocalDate nominationOpensOn, LocalDate nominationClosesOn, boolean requiresLowerHonor, Integer panelSize, String panelMajority,
			List<RuleInput> rules, List<QuotaInput> quotas) {
	}

	public record RuleView(RuleKind kind, BigDecimal share, int shareBasisPoints) {

		/** The share as a percentage for people: "35", "12.5". */
		public String percent() {
			return NominationService.percent(shareBasisPoints);
		}
	}

	public record QuotaView(long organizationId, String organizationName, int places, int used) {
	}

	public record SelectionCampaignView(long id, long organizationId, String organizationName, String title, String honourTitle, HonorLevel level,
			String conferredBy, int year, LocalDate nominationOpensOn, LocalDate nominationClosesOn, boolean nominationOpen, boolean requiresLowerHonor,
			int panelSize, String panelMajority, List<RuleView> rules, List<QuotaView> quotas, Map<NominationStage, Integer> stages, boolean mayManage) {
	}

	public boolean mayCreate() {
		return currentUser.account().map(a -> CREATORS.contains(a.role())).orElse(false);
	}

	@Transactional
	public long create(NewSelectionCampaign c) {
		if (!mayCreate()) {
			throw new AccessDeniedException("Only federation staff open selection campaigns");
		}
		List<FieldProblem> problems = new ArrayList<>();
		OrganizationSummary org = null;
		if (c.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else {
			org = organizations.findVisible(c.organizationId()).orElse(null);
			if (org == null) {
				problems.add(new FieldProblem("organizationId", "honor.organization.notFound"));
			}
			else if (org.type() != OrganizationType.REGIONAL_FEDERATION && org.type() != OrganizationType.INDUSTRY_UNION) {
				problems.add(new FieldProblem("organizationId", "honor.campaign.notFederation"));
			}
		}
		String title = required(TextChecks.line(c.title(), "title", 100, problems), "title", problems);
		String honourTitle = required(TextChecks.line(c.honourTitle(), "honourTitle", 50, problems), "honourTitle", problems);
		String conferredBy = TextChecks.line(c.conferredBy(), "conferredBy", 100, problems);
		if (c.level() == null) {
			problems.add(new FieldProblem("level", "validation.required"));
		}
		else if (honourTitle != null) {
			honors.titleByName(honourTitle).filter(t -> t.level() != c.level())
				.ifPresent(t -> problems.add(new FieldProblem("level", "honor.title.levelMismatch", honourTitle)));
		}
		if (c.requiresLowerHonor() && c.level() == HonorLevel.UNIT) {
			problems.add(new FieldProblem("requiresLowerHonor", "honor.campaign.noLevelBelow"));
		}
		if (c.nominationOpensOn() == null) {
			problems.add(new FieldProblem("nominationOpensOn", "validation.required"));
		}
		if (c.nominationClosesOn() == null) {
			problems.add(new FieldProblem("nominationClosesOn", "validation.required"));
		}
		else if (c.nominationOpensOn() != null && c.nominationClosesOn().isBefore(c.nominationOpensOn())) {
			problems.add(new FieldProblem("nominationClosesOn", "honor.campaign.windowOrder"));
		}
		int year = c.year() != null ? c.year() : c.nominationOpensOn() != null ? c.nominationOpensOn().getYear() : 0;
		if (c.year() != null && (c.year() < 2000 || c.year() > 2100)) {
			problems.add(new FieldProblem("year", "honor.campaign.yearRange"));
		}
		int panelSize = c.panelSize() == null ? DEFAULT_PANEL_SIZE : c.panelSize();
		if (panelSize < 1 || panelSize > 99) {
			problems.add(new FieldProblem("panelSize", "honor.campaign.panelSize"));
		}
		String majority = c.panelMajority() == null || c.panelMajority().isBlank() ? "MORE_THAN_HALF" : c.panelMajority().trim();
		if (!majority.equals("MORE_THAN_HALF") && !majority.equals("TWO_THIRDS")) {
			problems.add(new FieldProblem("panelMajority", "honor.campaign.majority"));
		}
		Map<RuleKind, Integer> rules = rules(c.rules(), problems);
		List<QuotaInput> quotas = quotas(c.quotas(), org, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String body = conferredBy != null ? conferredBy : org.name();
		long id = campaigns.insertCampaign(new SelectionCampaignRepository.NewSelectionCampaign(org.id(), title, honourTitle, c.level(), body, year, c.nominationOpensOn(),
				c.nominationClosesOn(), c.requiresLowerHonor(), panelSize, majority), currentUser.username(), clock.instant());
		rules.forEach((kind, bp) -> campaigns.insertRule(id, kind, bp));
		quotas.forEach(q -> campaigns.insertQuota(id, q.organizationId(), q.places()));
		audit.record("honor.campaign.create", "honor_campaign", id, title + " (" + honourTitle + ", " + org.name() + ")");
		return id;
	}

	private static String required(String value, String field, List<FieldProblem> problems) {
		if (value == null && problems.stream().noneMatch(p -> field.equals(p.field()))) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		return value;
	}

	private static Map<RuleKind, Integer> rules(List<RuleInput> input, List<FieldProblem> problems) {
		Map<RuleKind, Integer> rules = new EnumMap<>(RuleKind.class);
		for (int i = 0; input != null && i < input.size(); i++) {
			RuleInput r = input.get(i);
			String field = "rules[" + i + "]";
			if (r == null || r.kind() == null || !r.kind().isRatio()) {
				problems.add(new FieldProblem(field, "honor.campaign.ruleKind"));
				continue;
			}
			int bp = NominationRules.basisPoints(r.share());
			if (bp < 0) {
				problems.add(new FieldProblem(field, "honor.campaign.ruleShare"));
			}
			else if (rules.put(r.kind(), bp) != null) {
				problems.add(new FieldProblem(field, "honor.campaign.ruleTwice"));
			}
		}
		return rules;
	}

	/** Places go to the campaign organisation's direct children, once each. */
	private List<QuotaInput> quotas(List<QuotaInput> input, OrganizationSummary org, List<FieldProblem> problems) {
		List<QuotaInput> quotas = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (int i = 0; input != null && i < input.size(); i++) {
			QuotaInput q = input.get(i);
			String field = "quotas[" + i + "]";
			if (q == null || q.organizationId() == null || q.places() == null || q.places() < 0 || q.places() > 10_000) {
				problems.add(new FieldProblem(field, "honor.campaign.quotaInvalid"));
				continue;
			}
			var child = organizations.find(q.organizationId());
			if (org != null && (child.isEmpty() || child.get().parentId() == null || child.get().parentId() != org.id())) {
				problems.add(new FieldProblem(field, "honor.campaign.quotaNotChild", org.name()));
			}
			else if (!seen.add(q.organizationId())) {
				problems.add(new FieldProblem(field, "honor.campaign.quotaTwice"));
			}
			else {
				quotas.add(q);
			}
		}
		return quotas;
	}

	@Transactional(readOnly = true)
	public PageResult<SelectionCampaignView> list(PageResult.Request page) {
		requireReader();
		DataScope scope = currentUser.scope();
		String root = scope.rootPath().map(OrgPath::value).orElse("/");
		long total = campaigns.countVisibleCampaigns(scope.pathPattern(), root);
		List<SelectionCampaignView> views = campaigns.visibleCampaigns(scope.pathPattern(), root, page.offset(), page.size()).stream().map(this::view).toList();
		return new PageResult<>(views, page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public SelectionCampaignView get(long id) {
		return view(visible(id));
	}

	/** The campaign when the caller sits inside its subtree or above it; "not found" otherwise. */
	SelectionCampaignRepository.SelectionCampaignRow visible(long id) {
		requireReader();
		var row = campaigns.findCampaign(id).orElseThrow(() -> new RecordNotFoundException("honor_campaign", id));
		if (!isVisible(row)) {
			throw new RecordNotFoundException("honor_campaign", id);
		}
		return row;
	}

	boolean isVisible(SelectionCampaignRepository.SelectionCampaignRow row) {
		DataScope scope = currentUser.scope();
		OrgPath path = new OrgPath(row.organizationPath());
		return scope.includes(path) || scope.rootPath().map(root -> root.isWithin(path)).orElse(false);
	}

	/** The caller manages the campaign (panel, notice, conferment): staff whose scope holds the campaign organisation. */
	boolean manages(SelectionCampaignRepository.SelectionCampaignRow row) {
		return mayCreate() && currentUser.scope().includes(new OrgPath(row.organizationPath()));
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(HonorService.BEIJING));
	}

	private SelectionCampaignView view(SelectionCampaignRepository.SelectionCampaignRow c) {
		Map<Long, Integer> used = new java.util.HashMap<>();
		Map<NominationStage, Integer> stages = new EnumMap<>(NominationStage.class);
		for (var n : campaigns.nominations(c.id(), "/%")) {
			if (n.stage().isActive() && n.quotaOrganizationId() != null) {
				used.merge(n.quotaOrganizationId(), 1, Integer::sum);
			}
		}
		for (var n : campaigns.nominations(c.id(), currentUser.scope().pathPattern())) {
			stages.merge(n.stage(), 1, Integer::sum);
		}
		List<RuleView> rules = campaigns.rules(c.id()).stream()
			.map(r -> new RuleView(r.kind(), BigDecimal.valueOf(r.shareBp(), 4).stripTrailingZeros(), r.shareBp())).toList();
		List<QuotaView> quotas = campaigns.quotas(c.id()).stream()
			.map(q -> new QuotaView(q.organizationId(), q.organizationName(), q.places(), used.getOrDefault(q.organizationId(), 0))).toList();
		LocalDate today = today();
		boolean open = !today.isBefore(c.opensOn()) && !today.isAfter(c.closesOn());
		return new SelectionCampaignView(c.id(), c.organizationId(), c.organizationName(), c.title(), c.honorTitle(), c.level(), c.conferredBy(), c.year(),
				c.opensOn(), c.closesOn(), open, c.requiresLowerHonor(), c.panelSize(), c.panelMajority(), rules, quotas, stages, manages(c));
	}

	private void requireReader() {
		if (currentUser.account().map(a -> !READERS.contains(a.role())).orElse(true)) {
			throw new AccessDeniedException("Not allowed to read campaigns");
		}
	}
}
