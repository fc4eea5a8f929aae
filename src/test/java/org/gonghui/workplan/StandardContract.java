package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.TestUsers;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.workplan.standard.AssessmentStatus;
import org.gonghui.workplan.standard.StarRule;
import org.gonghui.workplan.standard.internal.StandardService;
import org.gonghui.workplan.standard.internal.StandardService.AppealInput;
import org.gonghui.workplan.standard.internal.StandardService.AssessmentView;
import org.gonghui.workplan.standard.internal.StandardService.CampaignInput;
import org.gonghui.workplan.standard.internal.StandardService.ItemInput;
import org.gonghui.workplan.standard.internal.StandardService.Points;
import org.gonghui.workplan.standard.internal.StandardService.RankingRow;
import org.gonghui.workplan.standard.internal.StandardService.ReviewInput;
import org.gonghui.workplan.standard.internal.StandardService.ScoreView;
import org.gonghui.workplan.standard.internal.StandardService.SectionInput;
import org.gonghui.workplan.standard.internal.StandardService.SelfInput;
import org.gonghui.workplan.standard.internal.StandardService.TemplateInput;
import org.gonghui.workplan.standard.internal.StandardService.VersionInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standardisation assessment on a real database over the district of {@link MetricFixture} (unions 甲一 under
 * street 甲 and 乙一 under street 乙): computed items follow the data, manual items need evidence, one appeal, the
 * star boundaries, conditional moves, bad input storing nothing, and the scope of a union and of a street.
 */
@SpringBootTest(classes = GonghuiApplication.class)
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class StandardContract {

	private static final int YEAR = 2026;
	/** A 1×1 PNG. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StandardService standard;

	@Autowired
	UserDetailsService users;

	MetricFixture f;
	long unionB1;

	@BeforeEach
	void fixture() {
		f = new MetricFixture(jdbc);
		unionB1 = f.org("乙一基层工会", f.streetB, "GRASSROOTS", "WORKPLACE_UNION");
		f.staff("testdistrict", f.district);
		f.staff("jiastreet", f.streetA);
		account("jiaone", f.unionA1, "STAFF");
		account("yione", unionB1, "STAFF");
	}

	private void account(String username, long org, String role) {
		String hash = jdbc.sql("select password_hash from account where username = 'fengtai'").query(String.class).single();
		jdbc.sql("insert into account (username, display_name, password_hash, role, organization_id, created_at) values (:u, :u, :h, :r, :o, :now)")
			.param("u", username).param("h", hash).param("r", role).param("o", org).param("now", Timestamp.from(Instant.now())).update();
	}

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	private static ItemInput manual(String name, int points) {
		return new ItemInput(name, points, "MANUAL", null, null, null);
	}

	/** Four computed items of 10 and a manual one of 60; stars at 90, 80, 70, 60, 50. */
	private long campaign() {
		long template = as("testdistrict", () -> standard.createTemplate(new TemplateInput(f.district, "测试标准", StarRule.USUAL, List.of(
				new SectionInput("组织建设", List.of(new ItemInput("有主席", 10, "AT_LEAST", "chair-accounts", null, 1L), manual("法人资格", 60))),
				new SectionInput("会员与阵地", List.of(new ItemInput("会员占职工 50%", 10, "SHARE", "members-active", "employer-workers", 50L),
						new ItemInput("职工之家", 10, "AT_LEAST", "sites-open.WORKERS_HOME", null, 1L),
						new ItemInput("全委会", 10, "AT_LEAST", "meetings-held.PLENARY", null, 1L))))))).id();
		return as("testdistrict", () -> standard.createCampaign(new CampaignInput(template, f.district, YEAR, null, List.of(f.unionA1, unionB1), null, null))).id();
	}

	private long assessmentOf(long campaign, long union) {
		return jdbc.sql("select id from std_assessment where campaign_id = :c and union_id = :u").param("c", campaign).param("u", union)
			.query(Long.class).single();
	}

	private static ScoreView item(AssessmentView v, String name) {
		return v.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
	}

	private AssessmentView view(String user, long id) {
		return as(user, () -> standard.assessment(id));
	}

	@Test
	void computedItemsFollowTheData() {
		long a = assessmentOf(campaign(), f.unionA1);
		AssessmentView before = view("testdistrict", a);
		assertThat(before.items()).filteredOn(i -> i.rule().computed()).allMatch(i -> i.computedPoints() == 0);
		assertThat(before.currentScore()).isZero();

		account("jiachair", f.unionA1, "UNION_CHAIR");
		f.site(f.unionA1, "WORKERS_HOME", "甲一职工之家", "OPEN", LocalDate.of(2026, 5, 1));
		f.employer(f.unionA1, "甲一公司", "PRIVATE", 4, "FOUNDED");
		f.member(f.unionA1, "会员一", "EMPLOYEE", LocalDate.of(2025, 3, 1), "ACTIVE");
		AssessmentView some = view("testdistrict", a);
		assertThat(item(some, "有主席").computedPoints()).isEqualTo(10);
		assertThat(item(some, "职工之家").computedPoints()).isEqualTo(10);
		// 1 member of 4 workers is 25 %: not yet half.
		assertThat(item(some, "会员占职工 50%").value()).isEqualTo(1);
		assertThat(item(some, "会员占职工 50%").base()).isEqualTo(4);
		assertThat(item(some, "会员占职工 50%").computedPoints()).isZero();
		f.member(f.unionA1, "会员二", "EMPLOYEE", LocalDate.of(2026, 3, 1), "ACTIVE");
		assertThat(item(view("testdistrict", a), "会员占职工 50%").computedPoints()).isEqualTo(10);
		// A plenary of last year does not count for this year's campaign; one this year does.
		meeting(f.unionA1, LocalDate.of(2025, 12, 31), 1);
		assertThat(item(view("testdistrict", a), "全委会").computedPoints()).isZero();
		meeting(f.unionA1, LocalDate.of(2026, 1, 1), 2);
		AssessmentView all = view("testdistrict", a);
		assertThat(item(all, "全委会").computedPoints()).isEqualTo(10);
		assertThat(all.currentScore()).isEqualTo(40);
		// 乙一 has none of it.
		assertThat(view("testdistrict", assessmentOf(all.campaignId(), unionB1)).currentScore()).isZero();
	}

	private void meeting(long org, LocalDate on, int session) {
		jdbc.sql("insert into wp_meeting (organization_id, organization_path, kind, term, session_no, held_on, created_by, created_at)"
				+ " values (:o, :p, 'PLENARY', 1, :s, :d, 'test', :now)").param("o", org).param("p", f.path(org)).param("s", session).param("d", on)
			.param("now", Timestamp.from(Instant.now())).update();
	}

	@Test
	void aManualItemIsScoredOnlyAgainstEvidence() {
		long a = assessmentOf(campaign(), f.unionA1);
		long item = item(view("jiaone", a), "法人资格").itemId();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("jiaone", () -> standard.selfAssess(a, new SelfInput(0, List.of(new Points(item, 50)), false))))
			.satisfies(e -> assertThat(e.problems().get(0).code()).isEqualTo("standard.evidence.required"));
		assertThat(item(view("jiaone", a), "法人资格").selfPoints()).isNull();
		// A computed item is never scored by hand.
		long chair = item(view("jiaone", a), "有主席").itemId();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("jiaone", () -> standard.selfAssess(a, new SelfInput(0, List.of(new Points(chair, 10)), false))));
		// A file that is not a PDF or a photo is refused and nothing is stored.
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("jiaone", () -> standard.evidence(a, item, 0, null, "%PDF-1.4 not really".getBytes(), "证书.pdf")));
		assertThat(view("jiaone", a).version()).isZero();
		as("jiaone", () -> standard.evidence(a, item, 0, "证书编号 工法证字第 123 号", PNG, "证书.png"));
		assertThat(as("jiaone", () -> standard.file(a, item)).fileType()).isEqualTo("image/png");
		var moved = as("jiaone", () -> standard.selfAssess(a, new SelfInput(1, List.of(new Points(item, 50)), true)));
		assertThat(moved.status()).isEqualTo(AssessmentStatus.SUBMITTED);
		assertThat(moved.score()).isEqualTo(50);
		// More than the item's points is refused.
		long b = assessmentOf(view("jiaone", a).campaignId(), unionB1);
		long bItem = item(view("yione", b), "法人资格").itemId();
		as("yione", () -> standard.evidence(b, bItem, 0, "说明", null, null));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("yione", () -> standard.selfAssess(b, new SelfInput(1, List.of(new Points(bItem, 61)), false))));
	}

	/** Self-assessed 60 with evidence and handed in. */
	private long submitted(String user, long a) {
		long item = item(view(user, a), "法人资格").itemId();
		as(user, () -> standard.evidence(a, item, view(user, a).version(), "证书复印件已报送", null, null));
		as(user, () -> standard.selfAssess(a, new SelfInput(view(user, a).version(), List.of(new Points(item, 60)), true)));
		return item;
	}

	@Test
	void theUnionAppealsOnceWithAReason() {
		long a = assessmentOf(campaign(), f.unionA1);
		long item = submitted("jiaone", a);
		// The union does not review itself; the street above it does.
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> as("jiaone", () -> standard.review(a, new ReviewInput(view("jiaone", a).version(), List.of()))));
		as("jiastreet", () -> standard.review(a, new ReviewInput(view("jiastreet", a).version(), List.of(new Points(item, 40)))));
		assertThat(view("jiaone", a).reviewScore()).isEqualTo(40);
		assertThat(view("jiaone", a).mayAppeal()).isTrue();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("jiaone", () -> standard.appeal(a, new AppealInput(view("jiaone", a).version(), "  "))));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> as("jiastreet", () -> standard.appeal(a, new AppealInput(view("jiastreet", a).version(), "理由"))));
		as("jiaone", () -> standard.appeal(a, new AppealInput(view("jiaone", a).version(), "证书在有效期内，请复核")));
		AssessmentView appealed = view("jiastreet", a);
		assertThat(appealed.status()).isEqualTo(AssessmentStatus.APPEALED);
		assertThat(appealed.appealReason()).isEqualTo("证书在有效期内，请复核");
		as("jiastreet", () -> standard.review(a, new ReviewInput(view("jiastreet", a).version(), List.of(new Points(item, 55)))));
		assertThat(view("jiaone", a).mayAppeal()).isFalse();
		assertThatExceptionOfType(StateConflictException.class)
			.isThrownBy(() -> as("jiaone", () -> standard.appeal(a, new AppealInput(view("jiaone", a).version(), "再次申诉"))))
			.satisfies(e -> assertThat(e.code()).isEqualTo("standard.appeal.once"));
		var done = as("jiastreet", () -> standard.finalise(a, new VersionInput(view("jiastreet", a).version())));
		assertThat(done.score()).isEqualTo(55);
		assertThat(done.stars()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'standard.appeal' and target_id = :id").param("id", String.valueOf(a))
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void starsFollowTheTemplatesBoundariesAndTheFinalScoreIsFrozen() {
		long campaign = campaign();
		// Both unions get 40 computed points from the data, then 50 or 49 by review: 90 is five stars, 89 four.
		for (long union : List.of(f.unionA1, unionB1)) {
			account("chair" + union, union, "UNION_CHAIR");
			f.site(union, "WORKERS_HOME", "之家" + union, "OPEN", LocalDate.of(2026, 5, 1));
			f.employer(union, "公司" + union, "PRIVATE", 1, "NOT_STARTED");
			f.member(union, "会员" + union, "EMPLOYEE", LocalDate.of(2025, 3, 1), "ACTIVE");
			meeting(union, LocalDate.of(2026, 6, 1), 1);
		}
		long a = assessmentOf(campaign, f.unionA1);
		long b = assessmentOf(campaign, unionB1);
		long itemA = submitted("jiaone", a);
		long itemB = submitted("yione", b);
		as("testdistrict", () -> standard.review(a, new ReviewInput(view("testdistrict", a).version(), List.of(new Points(itemA, 50)))));
		as("testdistrict", () -> standard.review(b, new ReviewInput(view("testdistrict", b).version(), List.of(new Points(itemB, 49)))));
		assertThat(as("testdistrict", () -> standard.finalise(a, new VersionInput(view("testdistrict", a).version()))).stars()).isEqualTo(5);
		assertThat(as("testdistrict", () -> standard.finalise(b, new VersionInput(view("testdistrict", b).version()))).stars()).isEqualTo(4);
		// The site closes after the final score: the score and the frozen item stay.
		jdbc.sql("update site set status = 'CLOSED' where organization_id = :o").param("o", f.unionA1).update();
		AssessmentView finalA = view("testdistrict", a);
		assertThat(finalA.finalScore()).isEqualTo(90);
		assertThat(item(finalA, "职工之家").computedPoints()).isEqualTo(10);
		// A share keeps both figures it was scored on (1 member of 1 worker), not the value alone.
		assertThat(item(finalA, "会员占职工 50%")).satisfies(i -> {
			assertThat(i.value()).isEqualTo(1);
			assertThat(i.base()).isEqualTo(1);
		});
		List<RankingRow> ranking = as("testdistrict", () -> standard.ranking(campaign, null, new PageResult.Request(0, 20))).content();
		assertThat(ranking).extracting(RankingRow::unionName).containsExactly("甲一基层工会", "乙一基层工会");
		assertThat(ranking).extracting(RankingRow::rank).containsExactly(1, 2);
		assertThat(as("testdistrict", () -> standard.streetStars(campaign))).extracting(s -> s.streetName() + s.five() + s.four())
			.containsExactly("甲街道总工会10", "乙街道总工会01");
		// Nothing moves after the final score.
		assertThatExceptionOfType(StateConflictException.class)
			.isThrownBy(() -> as("testdistrict", () -> standard.review(a, new ReviewInput(view("testdistrict", a).version(), List.of()))));
	}

	@Test
	void aStaleVersionMovesNothing() {
		long a = assessmentOf(campaign(), f.unionA1);
		long item = item(view("jiaone", a), "法人资格").itemId();
		as("jiaone", () -> standard.evidence(a, item, 0, "说明", null, null));
		assertThatExceptionOfType(StateConflictException.class)
			.isThrownBy(() -> as("jiaone", () -> standard.selfAssess(a, new SelfInput(0, List.of(new Points(item, 30)), true))));
		AssessmentView v = view("jiaone", a);
		assertThat(v.status()).isEqualTo(AssessmentStatus.DRAFT);
		assertThat(item(v, "法人资格").selfPoints()).isNull();
	}

	@Test
	void aUnionSeesOnlyItselfAndAStreetOnlyItsSubtree() {
		long campaign = campaign();
		long a = assessmentOf(campaign, f.unionA1);
		long b = assessmentOf(campaign, unionB1);
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> view("jiaone", b));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> view("jiastreet", b));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> view("chaoyang", a));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("chaoyang", () -> standard.campaign(campaign)));
		assertThat(as("jiaone", () -> standard.ranking(campaign, "name", new PageResult.Request(0, 20))).content()).extracting(RankingRow::unionName)
			.containsExactly("甲一基层工会");
		assertThat(as("jiastreet", () -> standard.ranking(campaign, "name", new PageResult.Request(0, 20))).content()).extracting(RankingRow::unionName)
			.containsExactly("甲一基层工会");
		assertThat(as("jiaone", () -> standard.mine())).extracting(RankingRow::assessmentId).containsExactly(a);
		// A union cannot score another's, nor does a street review outside its subtree.
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("jiaone", () -> standard.selfAssess(b, new SelfInput(0, List.of(), false))));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> as("jiastreet", () -> standard.review(b, new ReviewInput(0, List.of()))));
		// The street does not self-assess its union.
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> as("jiastreet", () -> standard.selfAssess(a, new SelfInput(0, List.of(), false))));
	}

	@Test
	void badTemplatesAndCampaignsStoreNothing() {
		long before = jdbc.sql("select count(*) from std_template").query(Long.class).single();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as("testdistrict", () -> standard.createTemplate(new TemplateInput(
				f.district, "坏标准", new StarRule(90, 95, 70, 60, 50), List.of(new SectionInput("一", List.of(new ItemInput("x", 10, "AT_LEAST",
						"no-such-metric", null, 1L), new ItemInput("y", 0, "MANUAL", null, null, null), new ItemInput("z", 10, "SHARE", "members-active",
								"employer-workers", 120L))))))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field()).contains("stars", "sections[0].items[0].metric",
					"sections[0].items[1].points", "sections[0].items[2].threshold"));
		assertThat(jdbc.sql("select count(*) from std_template").query(Long.class).single()).isEqualTo(before);
		long template = jdbc.sql("select id from std_template where name = '丰台区基层工会规范化建设评估标准'").query(Long.class).single();
		long fengtaiUnion = jdbc.sql("select id from organization where name = '泛华集团工会'").query(Long.class).single();
		// 丰台's template is not above the test district; 泛华 is not below it; a street is not assessed.
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as("beijing", () -> standard.createCampaign(new CampaignInput(template,
				f.district, YEAR + 1, null, List.of(fengtaiUnion, f.streetA), null, null))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field()).contains("templateId", "unionIds[0]", "unionIds[1]"));
		assertThat(jdbc.sql("select count(*) from std_campaign where district_id = :d").param("d", f.district).query(Long.class).single()).isZero();
	}

	@Test
	void aDistrictHasOneCampaignAYearAndItsDatesGoTogetherInOrder() {
		long campaign = campaign();
		long template = jdbc.sql("select template_id from std_campaign where id = :c").param("c", campaign).query(Long.class).single();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as("testdistrict", () -> standard.createCampaign(new CampaignInput(template,
				f.district, YEAR, null, List.of(f.unionA1), null, null))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.code()).containsExactly("year standard.campaign.exists"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as("testdistrict", () -> standard.createCampaign(new CampaignInput(template,
				f.district, YEAR + 1, null, List.of(f.unionA1), LocalDate.of(YEAR + 1, 11, 1), null))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.code()).containsExactly("endsOn standard.dates.both"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as("testdistrict", () -> standard.createCampaign(new CampaignInput(template,
				f.district, YEAR + 1, null, List.of(f.unionA1), LocalDate.of(YEAR + 1, 11, 1), LocalDate.of(YEAR + 1, 10, 31)))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.code()).containsExactly("endsOn standard.dates.order"));
		// A year is assessed in that year or the next, not years later.
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> as("testdistrict", () -> standard.createCampaign(new CampaignInput(template,
				f.district, YEAR + 1, null, List.of(f.unionA1), LocalDate.of(YEAR, 12, 31), LocalDate.of(YEAR + 3, 1, 1)))))
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.code()).containsExactly("startsOn standard.dates.year",
					"endsOn standard.dates.year"));
		assertThat(jdbc.sql("select count(*) from std_campaign where district_id = :d").param("d", f.district).query(Long.class).single()).isOne();
		long next = as("testdistrict", () -> standard.createCampaign(new CampaignInput(template, f.district, YEAR + 1, null, List.of(f.unionA1),
				LocalDate.of(YEAR + 1, 12, 1), LocalDate.of(YEAR + 2, 1, 31)))).id();
		assertThat(as("testdistrict", () -> standard.campaign(next))).satisfies(c -> {
			assertThat(c.startsOn()).isEqualTo(LocalDate.of(YEAR + 1, 12, 1));
			assertThat(c.endsOn()).isEqualTo(LocalDate.of(YEAR + 2, 1, 31));
		});
	}

	@Test
	void theUnionsBelowADistrictAreItsNonFederationsInScope() {
		assertThat(as("testdistrict", () -> standard.unionsBelow(f.district))).containsExactlyInAnyOrder(f.unionA1, unionB1);
		// A street's staff do not see the district, so nothing is below it for them.
		assertThat(as("jiastreet", () -> standard.unionsBelow(f.district))).isEmpty();
		assertThat(as("jiastreet", () -> standard.unionsBelow(f.streetA))).containsExactly(f.unionA1);
		assertThat(as("testdistrict", () -> standard.unionsBelow(f.unionA1))).isEmpty();
	}
}
