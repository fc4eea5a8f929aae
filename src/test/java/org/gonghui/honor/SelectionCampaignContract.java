package org.gonghui.honor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.TestOrganizations.id;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gonghui.TestUsers;
import org.gonghui.honor.internal.SelectionCampaignService;
import org.gonghui.honor.internal.SelectionCampaignService.NewSelectionCampaign;
import org.gonghui.honor.internal.SelectionCampaignService.QuotaInput;
import org.gonghui.honor.internal.SelectionCampaignService.RuleInput;
import org.gonghui.honor.internal.HonorService;
import org.gonghui.honor.internal.NominationQueries;
import org.gonghui.honor.internal.NominationService;
import org.gonghui.honor.internal.NominationService.Advance;
import org.gonghui.honor.internal.NominationService.MeetingKind;
import org.gonghui.honor.internal.NominationService.NewNomination;
import org.gonghui.honor.internal.NominationService.SignOffOutcome;
import org.gonghui.honor.NominationStage;
import org.gonghui.honor.internal.NoticeService;
import org.gonghui.honor.RuleKind;
import org.gonghui.honor.internal.WorkingCalendar;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.TooManyAttemptsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Selection campaigns on a real database (H2 and PostgreSQL): ratio rules at the boundary, places,
 * eligibility by the registry, overrides, the way up to conferment (once), agency sign-offs, the public
 * notice with objections, and the data scope.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class SelectionCampaignContract {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	SelectionCampaignService campaigns;

	@Autowired
	NominationService nominations;

	@Autowired
	NominationQueries queries;

	@Autowired
	NoticeService notices;

	@Autowired
	HonorService honors;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	private void as(String username, Runnable action) {
		TestUsers.runAs(users, username, () -> {
			action.run();
			return null;
		});
	}

	private long campaign(List<RuleInput> rules, List<QuotaInput> quotas, boolean requiresLowerHonor) {
		return as("fengtai", () -> campaigns.create(new NewSelectionCampaign(id(jdbc, "丰台区总工会"), "测试区级工匠评选", "丰台区工匠", HonorLevel.DISTRICT, null, null,
				TODAY.minusDays(30), TODAY.plusDays(30), requiresLowerHonor, 9, null, rules, quotas)));
	}

	private static RuleInput rule(RuleKind kind, String share) {
		return new RuleInput(kind, new BigDecimal(share));
	}

	private NewNomination candidate(String unit, String name, boolean frontLine, boolean head, String override) {
		return new NewNomination(id(jdbc, unit), null, null, name, null, "泛华集团", "数控车工", frontLine, null, head, MeetingKind.WORKERS_CONGRESS,
				TODAY.minusDays(20), 80, 100, TODAY.minusDays(15), TODAY.minusDays(9), "扎根车间二十年。", "主持技术攻关三项，带徒十二人。", override);
	}

	private long nominate(long campaign, String user, NewNomination n) {
		return as(user, () -> nominations.submit(campaign, n));
	}

	private static List<String> codes(Throwable e) {
		return ((InvalidInputException) e).problems().stream().map(InvalidInputException.FieldProblem::code).toList();
	}

	@Test
	void aMinimumShareHoldsAtExactlyTheBoundaryAndStaffMayOverrideWithAReason() {
		long c = campaign(List.of(rule(RuleKind.FRONT_LINE_MIN, "0.35")), List.of(), false);
		for (int i = 0; i < 7; i++) {
			nominate(c, "fengtai", candidate("泛华集团工会", "一线" + i, true, false, null));
		}
		for (int i = 0; i < 13; i++) {
			nominate(c, "fengtai", candidate("泛华集团工会", "管理" + i, false, false, null));
		}
		// 7 of 20 is exactly 35 %: accepted. One more would be 7 of 21.
		assertThatThrownBy(() -> nominate(c, "fengtai", candidate("泛华集团工会", "管理13", false, false, null)))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.rule.FRONT_LINE_MIN"));
		assertThatThrownBy(() -> nominate(c, "fanhua", candidate("泛华集团工会", "管理13", false, false, "单位推荐确有特殊贡献")))
			.satisfies(e -> assertThat(codes(e)).contains("honor.rule.FRONT_LINE_MIN", "honor.nomination.overrideNotAllowed"));
		long overridden = nominate(c, "fengtai", candidate("泛华集团工会", "管理13", false, false, "区委组织部推荐的技术骨干"));
		var view = as("fengtai", () -> queries.get(overridden));
		assertThat(view.overriddenRules()).isEqualTo("FRONT_LINE_MIN");
		assertThat(view.overrideReason()).isEqualTo("区委组织部推荐的技术骨干");
		// A front-line worker never breaks the front-line minimum.
		nominate(c, "fanhua", candidate("泛华集团工会", "一线7", true, false, null));
		assertThat(jdbc.sql("select count(*) from honor_nomination where campaign_id = :c").param("c", c).query(Long.class).single()).isEqualTo(22);
	}

	@Test
	void withPlacesTheRulesAreReadAgainstThePlacesAndAFullQuotaIsRefused() {
		long fanhua = id(jdbc, "泛华集团工会");
		long c = campaign(List.of(rule(RuleKind.ENTERPRISE_HEAD_MAX, "15")), List.of(new QuotaInput(fanhua, 20)), false);
		for (int i = 0; i < 3; i++) {
			nominate(c, "fengtai", candidate("泛华集团工会", "厂长" + i, false, true, null));
		}
		// 15 % of 20 places is 3 heads: the fourth is refused even though the list is short.
		assertThatThrownBy(() -> nominate(c, "fengtai", candidate("泛华集团工会", "厂长3", false, true, null)))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.rule.ENTERPRISE_HEAD_MAX"));
		long small = campaign(List.of(), List.of(new QuotaInput(fanhua, 2)), false);
		nominate(small, "fanhua", candidate("泛华集团工会", "甲", true, false, null));
		nominate(small, "fanhua", candidate("泛华集团工会", "乙", true, false, null));
		assertThatThrownBy(() -> nominate(small, "fengtai", candidate("泛华集团工会", "丙", true, false, "特批")))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.nomination.quotaFull"));
		// A unit whose sub-federation got no places cannot nominate.
		assertThatThrownBy(() -> nominate(small, "fengtai", candidate("六里桥街道总工会", "丁", true, false, null)))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.nomination.noPlaces"));
		// The non-public share comes from the unit's employer when not given: 泛华集团 is private.
		assertThat(jdbc.sql("select count(*) from honor_nomination where campaign_id = :c and non_public").param("c", small).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void eligibilityIsCheckedAgainstTheRegistry() {
		long c = campaign(List.of(), List.of(), true);
		assertThatThrownBy(() -> nominate(c, "fengtai", candidate("泛华集团工会", "无荣誉者", true, false, null)))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.rule.LOWER_HONOR_REQUIRED"));
		long honoree = as("fengtai", () -> honors.create(new HonorService.NewHonoree("有荣誉者", null, null, id(jdbc, "泛华集团工会"), "泛华集团", "钳工",
				"先进职工。", null, false)));
		long honor = as("fengtai", () -> honors.confer(honoree, new HonorService.NewHonor("先进职工", null, 2024, null, null, false)));
		var withHonour = new NewNomination(id(jdbc, "泛华集团工会"), honoree, null, null, null, null, "钳工", true, null, false, MeetingKind.GENERAL_ASSEMBLY,
				TODAY.minusDays(20), 30, 40, TODAY.minusDays(15), TODAY.minusDays(9), "先进。", "事迹。", null);
		long ok = nominate(c, "fanhua", withHonour);
		assertThat(as("fanhua", () -> queries.get(ok)).employer()).isEqualTo("泛华集团");
		// Once the lower honour is revoked, the same person is not eligible in another campaign.
		as("fengtai", () -> honors.revoke(honor, "复核发现材料不实", null));
		long other = campaign(List.of(), List.of(), true);
		assertThatThrownBy(() -> nominate(other, "fanhua", withHonour))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.rule.LOWER_HONOR_REQUIRED"));
	}

	@Test
	void badInputIsRefusedAndStoresNothing() {
		long before = jdbc.sql("select count(*) from honor_campaign").query(Long.class).single();
		assertThatThrownBy(() -> as("fengtai", () -> campaigns.create(new NewSelectionCampaign(id(jdbc, "泛华集团工会"), " ", "丰台区工匠", HonorLevel.NATIONAL, null,
				null, TODAY, TODAY.minusDays(1), false, 0, "SOME", List.of(rule(RuleKind.FRONT_LINE_MIN, "120"), rule(RuleKind.LOWER_HONOR_REQUIRED, "1")),
				List.of(new QuotaInput(id(jdbc, "朝阳区总工会"), 3))))))
			.satisfies(e -> assertThat(codes(e)).contains("honor.campaign.notFederation", "validation.required", "honor.title.levelMismatch",
					"honor.campaign.windowOrder", "honor.campaign.panelSize", "honor.campaign.majority", "honor.campaign.ruleShare",
					"honor.campaign.ruleKind"));
		assertThat(jdbc.sql("select count(*) from honor_campaign").query(Long.class).single()).isEqualTo(before);
		assertThatThrownBy(() -> as("fanhua", () -> campaigns.create(new NewSelectionCampaign(id(jdbc, "泛华集团工会"), "x", "y", HonorLevel.UNIT, null, null, TODAY,
				TODAY, false, null, null, List.of(), List.of())))).isInstanceOf(AccessDeniedException.class);
		long c = campaign(List.of(), List.of(), false);
		var bad = new NewNomination(id(jdbc, "朝阳区总工会"), null, null, "<b>", "110101", null, null, null, null, null, null, TODAY.plusDays(1), 60, 100,
				TODAY.minusDays(3), TODAY.plusDays(2), null, null, null);
		assertThatThrownBy(() -> nominate(c, "fengtai", bad)).satisfies(e -> assertThat(codes(e)).contains("honor.organization.notFound",
				"honor.name.invalid", "honor.idNumber.invalid", "validation.required", "honor.nomination.future",
				"honor.nomination.unitNoticeRunning"));
		var notPassed = candidate("泛华集团工会", "未通过", true, false, null);
		var tooFew = new NewNomination(notPassed.organizationId(), null, null, "未通过", null, "泛华集团", null, true, null, false,
				MeetingKind.WORKERS_CONGRESS, TODAY.minusDays(20), 50, 100, TODAY.minusDays(15), TODAY.minusDays(9), "a", "b", null);
		assertThatThrownBy(() -> nominate(c, "fanhua", tooFew)).satisfies(e -> assertThat(codes(e)).containsExactly("honor.nomination.meetingNotPassed"));
		nominate(c, "fanhua", notPassed);
		assertThatThrownBy(() -> nominate(c, "fanhua", notPassed)).satisfies(e -> assertThat(codes(e)).containsExactly("honor.nomination.duplicate"));
		assertThat(jdbc.sql("select count(*) from honor_nomination where campaign_id = :c").param("c", c).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aNominationGoesUpTheTreeThroughANoticeToAConfermentMadeOnce() {
		long c = campaign(List.of(), List.of(), false);
		long n = nominate(c, "fanhua", candidate("泛华集团工会", "王建国", true, false, null));
		// The unit does not vet its own nomination; the district does.
		assertThatThrownBy(() -> as("fanhua", () -> nominations.advance(n, null))).isInstanceOf(AccessDeniedException.class);
		assertThat(as("fengtai", () -> nominations.advance(n, null))).isEqualTo(NominationStage.VETTED);
		assertThatThrownBy(() -> as("fengtai", () -> nominations.advance(n, null)))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.nomination.votesRequired"));
		assertThatThrownBy(() -> as("fengtai", () -> nominations.advance(n, new Advance(null, null, 6, 3, 1))))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.nomination.votesOverPanel"));
		assertThat(as("fengtai", () -> nominations.advance(n, new Advance(null, null, 5, 3, 1)))).isEqualTo(NominationStage.PANEL_PASSED);
		long lost = nominate(c, "fanhua", candidate("泛华集团工会", "李四", true, false, null));
		as("fengtai", () -> nominations.advance(lost, null));
		assertThat(as("fengtai", () -> nominations.advance(lost, new Advance(null, null, 4, 4, 1)))).isEqualTo(NominationStage.REJECTED);

		// A notice started before 国庆 2026 runs 9-28, 9-29, 9-30, 10-8, 10-9: five working days.
		var notice = as("fengtai", () -> notices.start(c, LocalDate.of(2026, 9, 28), null));
		assertThat(notice.endsOn()).isEqualTo(LocalDate.of(2026, 10, 9));
		assertThat(notice.candidates()).extracting(NoticeService.Candidate::name).containsExactly("王建国");
		assertThatThrownBy(() -> as("fengtai", () -> notices.start(c, LocalDate.of(2026, 9, 28), null))).isInstanceOf(StateConflictException.class);
		var closed = as("fengtai", () -> notices.close(notice.id()));
		assertThat(closed.outcome()).isEqualTo("NO_OBJECTION");
		assertThat(as("fengtai", () -> queries.get(n)).stage()).isEqualTo(NominationStage.APPROVED);

		assertThat(as("fengtai", () -> nominations.advance(n, null))).isEqualTo(NominationStage.CONFERRED);
		assertThat(as("fengtai", () -> nominations.advance(n, null))).isEqualTo(NominationStage.CONFERRED);
		Long honorId = as("fengtai", () -> queries.get(n)).honorId();
		assertThat(honorId).isNotNull();
		assertThat(jdbc.sql("select count(*) from honor r join honoree h on h.id = r.honoree_id join honor_title t on t.id = r.title_id"
				+ " where h.name = '王建国' and t.name = '丰台区工匠'").query(Long.class).single()).isEqualTo(1);

		var pdf = new ByteArrayOutputStream();
		as("fengtai", () -> notices.resultPdf(notice.id(), pdf));
		String text = as("fengtai", () -> textOf(pdf.toByteArray()));
		assertThat(text).contains("测试区级工匠评选公示结果", "王建国", "公示无异议", "2026年9月28日至2026年10月9日");
		assertThat(as("fengtai", () -> queries.get(n)).events()).extracting(e -> e.to())
			.containsExactly(NominationStage.SUBMITTED, NominationStage.VETTED, NominationStage.PANEL_PASSED, NominationStage.IN_NOTICE,
					NominationStage.APPROVED, NominationStage.CONFERRED);
	}

	private static String textOf(byte[] pdf) {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void aNoticeIntoAYearWithoutCalendarDataIsRefused() {
		long c = campaign(List.of(), List.of(), false);
		long n = nominate(c, "fanhua", candidate("泛华集团工会", "赵六", true, false, null));
		as("fengtai", () -> nominations.advance(n, null));
		as("fengtai", () -> nominations.advance(n, new Advance(null, null, 9, 0, 0)));
		assertThatThrownBy(() -> as("fengtai", () -> notices.start(c, LocalDate.of(2099, 3, 2), null))).satisfies(e -> {
			assertThat(codes(e)).containsExactly("calendar.yearMissing");
			assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("startsOn");
		});
		assertThatThrownBy(() -> as("fengtai", () -> notices.start(c, LocalDate.of(2026, 3, 2), 4)))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.notice.days"));
		assertThat(as("fengtai", () -> queries.get(n)).stage()).isEqualTo(NominationStage.PANEL_PASSED);
	}

	/** A notice running today: the calendar must know this year (an administrator enters it). */
	private NoticeService.NoticeView openNotice(long c, String... names) {
		if (jdbc.sql("select count(*) from calendar_year where calendar_year = :y").param("y", TODAY.getYear()).query(Long.class).single() == 0) {
			as("admin", () -> calendar.replaceYear(TODAY.getYear(), "测试", List.of()));
		}
		for (String name : names) {
			long n = nominate(c, "fanhua", candidate("泛华集团工会", name, true, false, null));
			as("fengtai", () -> nominations.advance(n, null));
			as("fengtai", () -> nominations.advance(n, new Advance(null, null, 9, 0, 0)));
		}
		return as("fengtai", () -> notices.start(c, TODAY, null));
	}

	@Test
	void objectionsNeedARealNameAndPhoneAndAnUpheldOneWithdrawsTheCandidate() {
		long c = campaign(List.of(), List.of(), false);
		var notice = openNotice(c, "孙七", "周八");
		long sun = notice.candidates().stream().filter(x -> x.name().equals("孙七")).findFirst().orElseThrow().nominationId();
		long zhou = notice.candidates().stream().filter(x -> x.name().equals("周八")).findFirst().orElseThrow().nominationId();
		assertThat(notices.publicNotice(notice.id()).candidates()).extracting(NoticeService.Candidate::name).containsExactlyInAnyOrder("孙七", "周八");
		String address = "198.51.100." + (int) (Math.random() * 200);
		assertThatThrownBy(() -> notices.object(notice.id(), new NoticeService.NewObjection(sun, null, null, "该同志的事迹材料与实际不符。", null, null), address))
			.satisfies(e -> assertThat(codes(e)).contains("honor.objection.realName", "honor.objection.realPhone"));
		assertThatThrownBy(() -> notices.object(notice.id(), new NoticeService.NewObjection(sun, "张三", "12345", "太短", null, null), address))
			.satisfies(e -> assertThat(codes(e)).contains("honor.objection.phoneInvalid", "honor.objection.reasonShort"));
		long objection = notices.object(notice.id(),
				new NoticeService.NewObjection(sun, "张三", "13900139001", "该同志的技术攻关成果实为班组集体完成，材料夸大个人作用。", null, null), address);
		assertThat(jdbc.sql("select phone_masked from honor_objection where id = :id").param("id", objection).query(String.class).single())
			.isEqualTo("139****9001");
		assertThat(jdbc.sql("select count(*) from honor_objection where phone_cipher like '%13900139001%'").query(Long.class).single()).isZero();
		// The fifth attempt from the address in the hour is the last one allowed.
		notices.object(notice.id(), new NoticeService.NewObjection(zhou, "李四", "13900139002", "该同志近三年出现过安全责任事故。", null, null), address);
		notices.object(notice.id(), new NoticeService.NewObjection(zhou, "李四", "13900139002", "该同志近三年出现过安全责任事故。", null, null), address);
		assertThatThrownBy(() -> notices.object(notice.id(),
				new NoticeService.NewObjection(zhou, "李四", "13900139002", "该同志近三年出现过安全责任事故。", null, null), address))
			.isInstanceOf(TooManyAttemptsException.class);

		assertThatThrownBy(() -> as("fengtai", () -> notices.close(notice.id()))).isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> as("chaoyang", () -> notices.view(notice.id()))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> as("fengtai", () -> notices.assign(objection, "chaoyang")))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.objection.assignee"));
		as("fengtai", () -> notices.assign(objection, "fengtai"));
		assertThat(as("fengtai", () -> notices.revealPhone(objection))).isEqualTo("13900139001");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'honor.objection.reveal' and target_id = :id").param("id", String.valueOf(objection))
			.query(Long.class).single()).isEqualTo(1);
		as("fengtai", () -> notices.resolve(objection, NoticeService.Finding.UPHELD, "经核实，攻关成果为班组集体完成，撤销推荐。"));
		assertThat(as("fengtai", () -> queries.get(sun)).stage()).isEqualTo(NominationStage.WITHDRAWN);
		assertThatThrownBy(() -> as("fengtai", () -> notices.resolve(objection, NoticeService.Finding.DISMISSED, "再次处理")))
			.isInstanceOf(StateConflictException.class);
		// A withdrawn candidate leaves the public notice; nobody can object to them any more.
		assertThat(notices.publicNotice(notice.id()).candidates()).extracting(NoticeService.Candidate::name).containsExactly("周八");
		assertThatThrownBy(() -> notices.object(notice.id(),
				new NoticeService.NewObjection(sun, "王五", "13900139003", "补充一条异议的事实和理由。", null, null), "198.51.100.250"))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.objection.candidate"));
	}

	@Test
	void anEnterpriseHeadNeedsEveryAgencyAndOneRefusalStopsIt() {
		long c = campaign(List.of(), List.of(), false);
		long head = nominate(c, "fanhua", candidate("泛华集团工会", "钱总", false, true, null));
		assertThat(as("fengtai", () -> queries.get(head)).signOffs()).hasSize(6).allSatisfy(s -> assertThat(s.outcome()).isEqualTo("PENDING"));
		as("fengtai", () -> nominations.advance(head, null));
		assertThatThrownBy(() -> as("fengtai", () -> nominations.advance(head, new Advance(null, null, 9, 0, 0))))
			.isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> as("fanhua", () -> nominations.signOff(head, "TAX", SignOffOutcome.CLEARED, null)))
			.isInstanceOf(AccessDeniedException.class);
		as("fengtai", () -> nominations.signOff(head, "TAX", SignOffOutcome.CLEARED, "无欠税"));
		assertThatThrownBy(() -> as("fengtai", () -> nominations.signOff(head, "SAFETY", SignOffOutcome.REFUSED, null)))
			.satisfies(e -> assertThat(codes(e)).containsExactly("honor.nomination.reasonRequired"));
		as("fengtai", () -> nominations.signOff(head, "SAFETY", SignOffOutcome.REFUSED, "2025年发生一般生产安全事故"));
		assertThat(as("fengtai", () -> queries.get(head)).stage()).isEqualTo(NominationStage.REJECTED);
	}

	@Test
	void eachSideSeesItsOwnPartOfACampaign() {
		long c = campaign(List.of(), List.of(), false);
		long ours = nominate(c, "fanhua", candidate("泛华集团工会", "泛华人选", true, false, null));
		long street = nominate(c, "fengtai", candidate("六里桥街道总工会", "街道人选", true, false, null));
		// Another district does not see the campaign at all.
		assertThatThrownBy(() -> as("chaoyang", () -> campaigns.get(c))).isInstanceOf(RecordNotFoundException.class);
		assertThat(as("chaoyang", () -> campaigns.list(new org.gonghui.shared.PageResult.Request(0, 100))).content())
			.noneMatch(x -> x.id() == c);
		assertThatThrownBy(() -> as("chaoyang", () -> queries.get(ours))).isInstanceOf(RecordNotFoundException.class);
		// The unit sees the campaign above it and its own nomination only.
		assertThat(as("fanhua", () -> campaigns.get(c)).mayManage()).isFalse();
		assertThat(as("fanhua", () -> queries.ofCampaign(c))).extracting(v -> v.name()).containsExactly("泛华人选");
		assertThatThrownBy(() -> as("fanhua", () -> queries.get(street))).isInstanceOf(RecordNotFoundException.class);
		assertThat(as("fengtai", () -> queries.ofCampaign(c))).hasSize(2);
		assertThat(as("fengtai", () -> campaigns.get(c)).mayManage()).isTrue();
		// Workers see no campaign.
		assertThatThrownBy(() -> as("worker", () -> campaigns.get(c))).isInstanceOf(AccessDeniedException.class);
	}
}
