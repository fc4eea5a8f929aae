package org.gonghui.workplan.standard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.Accounts;
import org.gonghui.platform.Metric.Period;
import org.gonghui.platform.StartupData;
import org.gonghui.workplan.standard.ItemRule;
import org.gonghui.workplan.standard.StarRule;
import org.gonghui.workplan.standard.internal.StandardService.AppealInput;
import org.gonghui.workplan.standard.internal.StandardService.CampaignInput;
import org.gonghui.workplan.standard.internal.StandardService.ItemInput;
import org.gonghui.workplan.standard.internal.StandardService.Points;
import org.gonghui.workplan.standard.internal.StandardService.ReviewInput;
import org.gonghui.workplan.standard.internal.StandardService.ScoreView;
import org.gonghui.workplan.standard.internal.StandardService.SectionInput;
import org.gonghui.workplan.standard.internal.StandardService.SelfInput;
import org.gonghui.workplan.standard.internal.StandardService.TemplateInput;
import org.gonghui.workplan.standard.internal.StandardService.VersionInput;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's standardisation campaign (区级工会加强年) of 丰台区总工会 this year, with its checklist of 100 points
 * (computed where the data exists: a chair account, members of employees, a 职工之家 open, a plenary held) and three
 * unions at different stages: 丰台区新就业形态劳动者联合工会 final with its stars, 丰台区教育工会 waiting for review,
 * 泛华集团工会 appealing the review. Every step goes through the service as the union's chair and 丰台's staff
 * would take it, so the demo obeys the rules it shows.
 */
@Component
@Profile("demo")
@Order(760)
class StandardisationBootstrap implements StartupData {

	static final String TEMPLATE_NAME = "丰台区基层工会规范化建设评估标准";

	private final JdbcClient jdbc;
	private final StandardService standard;
	private final Organizations organizations;
	private final Accounts accounts;
	private final UserDetailsService users;
	private final Clock clock;

	StandardisationBootstrap(JdbcClient jdbc, StandardService standard, Organizations organizations, Accounts accounts, UserDetailsService users,
			Clock clock) {
		this.jdbc = jdbc;
		this.standard = standard;
		this.organizations = organizations;
		this.accounts = accounts;
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from std_template").query(Long.class).single() > 0
				|| !List.of("fengtai", "fanhua", "fengjiao", "xinjiuye").stream().allMatch(accounts::exists)) {
			return;
		}
		int year = LocalDate.now(clock.withZone(Period.BEIJING)).getYear();
		long fengtai = org("丰台区总工会");
		long template = as("fengtai", () -> standard.createTemplate(new TemplateInput(fengtai, TEMPLATE_NAME, StarRule.USUAL, List.of(
				new SectionInput("组织建设", List.of(
						new ItemInput("依法选举产生工会主席（平台有主席账号）", 10, "AT_LEAST", "chair-accounts", null, 1L),
						manual("取得工会法人资格登记证书", 10),
						manual("建立女职工委员会和经费审查委员会", 10))),
				new SectionInput("会员发展", List.of(new ItemInput("会员人数占职工总数 80% 以上", 20, "SHARE", "members-active", "employer-workers", 80L))),
				new SectionInput("职工之家", List.of(
						new ItemInput("建成职工之家并正常开放", 10, "AT_LEAST", "sites-open.WORKERS_HOME", null, 1L),
						new ItemInput("本年度召开全委会", 10, "AT_LEAST", "meetings-held.PLENARY", null, 1L))),
				new SectionInput("集体合同", List.of(manual("签订集体合同和女职工权益保护专项集体合同", 15))),
				new SectionInput("财务管理", List.of(manual("工会经费独立核算、收支定期公开", 15))))))).id();
		long xinjiuye = org("丰台区新就业形态劳动者联合工会");
		long jiaoyu = org("丰台区教育工会");
		long fanhua = org("泛华集团工会");
		long campaign = as("fengtai", () -> standard.createCampaign(new CampaignInput(template, fengtai, year, year + "年度丰台区基层工会规范化建设评估（区级工会加强年）",
				List.of(fanhua, jiaoyu, xinjiuye), LocalDate.of(year, 11, 1), LocalDate.of(year + 1, 1, 15)))).id();

		// The joint union: self-assessed, reviewed with every manual item granted, made final.
		long joint = assessmentOf(campaign, "xinjiuye");
		selfAssess("xinjiuye", joint, new int[] { 10, 10, 15, 15 }, "已取得工会法人资格证书（2021年换证）", "女职工委员会、经费审查委员会于2022年换届时同步选举产生",
				"与美团外卖丰台站点签订行业集体合同及女职工专项集体合同", "经费独立建账，每半年在站点公示栏公开收支");
		review("fengtai", joint, new int[] { 10, 10, 15, 15 });
		as("fengtai", () -> standard.finalise(joint, new VersionInput(version("fengtai", joint))));

		// The education union: handed in, waiting for 丰台's review.
		long education = assessmentOf(campaign, "fengjiao");
		selfAssess("fengjiao", education, new int[] { 10, 10, 12, 15 }, "法人资格证书在有效期内", "两委会委员名单已报区总工会备案",
				"区教育系统集体合同已续签，女职工专项合同正在协商", "经费收支每季度向会员公开");

		// 泛华: reviewed lower than it assessed itself on the collective contract, and appealing once.
		long fh = assessmentOf(campaign, "fanhua");
		selfAssess("fanhua", fh, new int[] { 10, 10, 15, 12 }, "法人资格证书复印件已报区总工会", "女职工委员会主任由工会副主席兼任",
				"集体合同2024年签订，三年期，已报人社局审查备案", "经费审查委员会每年审查一次");
		review("fengtai", fh, new int[] { 10, 10, 8, 12 });
		as("fanhua", () -> standard.appeal(fh, new AppealInput(version("fanhua", fh),
				"集体合同已于2024年6月经丰台区人力资源和社会保障局审查备案（附备案回执），审核扣分是按未备案计的，请予复核。")));
	}

	private static ItemInput manual(String name, int points) {
		return new ItemInput(name, points, ItemRule.MANUAL.name(), null, null, null);
	}

	/** The union adds a note to each manual item and scores it, then hands the self-assessment in. */
	private void selfAssess(String chair, long assessment, int[] points, String... notes) {
		List<ScoreView> manual = as(chair, () -> standard.assessment(assessment)).items().stream().filter(i -> !i.rule().computed()).toList();
		for (int i = 0; i < manual.size(); i++) {
			long item = manual.get(i).itemId();
			String note = notes[i];
			as(chair, () -> standard.evidence(assessment, item, version(chair, assessment), note, null, null));
		}
		List<Points> given = new java.util.ArrayList<>();
		for (int i = 0; i < manual.size(); i++) {
			given.add(new Points(manual.get(i).itemId(), points[i]));
		}
		as(chair, () -> standard.selfAssess(assessment, new SelfInput(version(chair, assessment), given, true)));
	}

	private void review(String staff, long assessment, int[] points) {
		List<ScoreView> manual = as(staff, () -> standard.assessment(assessment)).items().stream().filter(i -> !i.rule().computed()).toList();
		List<Points> given = new java.util.ArrayList<>();
		for (int i = 0; i < manual.size(); i++) {
			given.add(new Points(manual.get(i).itemId(), points[i]));
		}
		as(staff, () -> standard.review(assessment, new ReviewInput(version(staff, assessment), given)));
	}

	private int version(String user, long assessment) {
		return as(user, () -> standard.assessment(assessment)).version();
	}

	private long assessmentOf(long campaign, String chair) {
		return as(chair, () -> standard.mine()).stream().filter(r -> as(chair, () -> standard.assessment(r.assessmentId())).campaignId() == campaign)
			.findFirst().map(StandardService.RankingRow::assessmentId).orElseThrow();
	}

	private long org(String name) {
		return as("fengtai", () -> organizations.visibleNamed(name)).stream().findFirst().map(OrganizationSummary::id).orElseThrow();
	}

	private <T> T as(String username, Supplier<T> action) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
