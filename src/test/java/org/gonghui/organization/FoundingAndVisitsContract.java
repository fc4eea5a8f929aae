package org.gonghui.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.count;
import static org.gonghui.TestOrganizations.employerId;
import static org.gonghui.TestOrganizations.id;
import static org.gonghui.organization.OrganizationTreeContract.assertProblem;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.gonghui.GonghuiApplication;
import org.gonghui.organization.internal.EmployerService;
import org.gonghui.organization.internal.FoundingService;
import org.gonghui.organization.internal.FoundingService.FoundingCommand;
import org.gonghui.organization.internal.FoundingService.FoundingEventView;
import org.gonghui.organization.internal.OrganizationService;
import org.gonghui.organization.internal.OrganizationService.OrganizationCommand;
import org.gonghui.organization.internal.OutreachVisitService;
import org.gonghui.organization.internal.OutreachVisitService.FollowUp;
import org.gonghui.organization.internal.OutreachVisitService.VisitCommand;
import org.gonghui.organization.internal.OutreachVisitService.VisitQuery;
import org.gonghui.organization.internal.OutreachVisitService.VisitView;
import org.gonghui.shared.CreditCode;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The union founding drive (建会) and outreach visits (走访) against a real database: status rules, the
 * union a founded employer names, visit validation, overdue follow-ups by Beijing date, the data scope
 * and the audit trail. Run on H2 ({@link FoundingAndVisitsH2Tests}) and PostgreSQL
 * ({@link FoundingAndVisitsPostgresTests}). Each test rolls back.
 * <p>
 * The clock stands at 2026-11-30 17:00 UTC, in a UTC clock: already 2026-12-01 in Beijing, so a
 * follow-up dated 11-30 is overdue only if "today" is taken in Beijing as it must be. The demo data is
 * seeded with this clock, so its visits sit at known dates.
 */
@SpringBootTest(classes = { GonghuiApplication.class, FoundingAndVisitsContract.FixedClock.class })
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class FoundingAndVisitsContract {

	static final Instant NOW = Instant.parse("2026-11-30T17:00:00Z");
	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {
		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}
	}

	@Autowired
	FoundingService founding;

	@Autowired
	OutreachVisitService visits;

	@Autowired
	EmployerService employers;

	@Autowired
	OrganizationService organizations;

	@Autowired
	Organizations organizationsApi;

	@Autowired
	JdbcClient jdbc;

	@Test
	@WithUserDetails("admin")
	void demoDataCarriesTheFoundingDrive() {
		assertThat(employers.get(employerId(jdbc, "泛华集团"))).satisfies(e -> {
			assertThat(e.foundingStatus()).isEqualTo(FoundingStatus.FOUNDED);
			assertThat(e.foundedUnionName()).isEqualTo("泛华集团工会");
		});
		assertThat(employers.get(employerId(jdbc, "美团外卖丰台站点")).foundedUnionName()).isEqualTo("丰台区新就业形态劳动者联合工会");
		assertThat(employers.get(employerId(jdbc, "京东快递（龙潭站）")).foundingStatus()).isEqualTo(FoundingStatus.PREPARING);
		assertThat(employers.get(employerId(jdbc, "良苑餐厅")).foundingStatus()).isEqualTo(FoundingStatus.CONTACTED);
		for (String firm : List.of("北京恒通达物流有限公司", "北京云图互联科技有限公司", "北京康惠家政服务有限公司")) {
			var e = employers.get(employerId(jdbc, firm));
			assertThat(e.foundingStatus()).as(firm).isEqualTo(FoundingStatus.NOT_STARTED);
			assertThat(e.ownership()).isIn(Ownership.PRIVATE, Ownership.NEW_ECONOMY);
			assertThat(CreditCode.parse(e.creditCode())).contains(e.creditCode());
			assertThat(organizations.get(e.organizationId()).path()).startsWith(org.gonghui.TestOrganizations.path(jdbc, id(jdbc, "丰台区总工会")));
		}
		List<FoundingEventView> jd = founding.history(employerId(jdbc, "京东快递（龙潭站）"));
		assertThat(jd).extracting(FoundingEventView::to).containsExactly(FoundingStatus.PREPARING, FoundingStatus.CONTACTED);
		assertThat(jd.get(0).visitId()).isNotNull();
		assertThat(jd.get(0).actor()).isEqualTo("longtan");
	}

	@Test
	@WithUserDetails("fengtai")
	void forwardStepsAreRecordedAndFoundedNeedsAGrassrootsUnionInScope() {
		long firm = employerId(jdbc, "北京恒通达物流有限公司");
		long auditBefore = audits("employer.founding.update");
		founding.change(firm, null, new FoundingCommand(FoundingStatus.CONTACTED, null, null));
		founding.change(firm, null, new FoundingCommand(FoundingStatus.PREPARING, null, "  成立筹备组 "));
		long events = count(jdbc, "employer_founding_event");

		assertProblem(() -> founding.change(firm, null, new FoundingCommand(FoundingStatus.FOUNDED, null, null)), "unionId",
				"employer.founding.unionRequired");
		assertProblem(() -> founding.change(firm, null, new FoundingCommand(FoundingStatus.FOUNDED, id(jdbc, "陈经纶中学工会"), null)), "unionId",
				"employer.founding.unionNotFound");
		assertProblem(() -> founding.change(firm, null, new FoundingCommand(FoundingStatus.FOUNDED, 999_999L, null)), "unionId",
				"employer.founding.unionNotFound");
		assertProblem(() -> founding.change(firm, null, new FoundingCommand(FoundingStatus.FOUNDED, id(jdbc, "六里桥街道总工会"), null)), "unionId",
				"employer.founding.unionNotGrassroots");
		assertThat(count(jdbc, "employer_founding_event")).isEqualTo(events);
		assertThat(employers.get(firm).foundingStatus()).isEqualTo(FoundingStatus.PREPARING);

		long union = organizations.create(new OrganizationCommand(id(jdbc, "六里桥街道总工会"), "北京恒通达物流有限公司工会", OrganizationLevel.GRASSROOTS,
				OrganizationType.WORKPLACE_UNION, null));
		founding.change(firm, employers.get(firm).version(), new FoundingCommand(FoundingStatus.FOUNDED, union, "召开会员大会，选举工会委员会"));

		var e = employers.get(firm);
		assertThat(e.foundingStatus()).isEqualTo(FoundingStatus.FOUNDED);
		assertThat(e.foundedUnionId()).isEqualTo(union);
		assertThat(e.foundedUnionName()).isEqualTo("北京恒通达物流有限公司工会");
		List<FoundingEventView> history = founding.history(firm);
		assertThat(history).extracting(FoundingEventView::from).containsExactly(FoundingStatus.PREPARING, FoundingStatus.CONTACTED,
				FoundingStatus.NOT_STARTED);
		assertThat(history).extracting(FoundingEventView::to).containsExactly(FoundingStatus.FOUNDED, FoundingStatus.PREPARING,
				FoundingStatus.CONTACTED);
		assertThat(history.get(0).unionName()).isEqualTo("北京恒通达物流有限公司工会");
		assertThat(history.get(1).note()).isEqualTo("成立筹备组");
		assertThat(history).allSatisfy(h -> {
			assertThat(h.actor()).isEqualTo("fengtai");
			assertThat(h.actorName()).isEqualTo("丰台区总工会工作人员");
			assertThat(h.occurredAt()).isEqualTo(NOW);
		});
		assertThat(audits("employer.founding.update")).isEqualTo(auditBefore + 3);
		// A joint union counts as well, whatever its level (丰台区新就业形态劳动者联合工会 is a district body).
		long cloud = employerId(jdbc, "北京云图互联科技有限公司");
		founding.change(cloud, null, new FoundingCommand(FoundingStatus.FOUNDED, id(jdbc, "丰台区新就业形态劳动者联合工会"), null));
		assertThat(employers.get(cloud).foundedUnionName()).isEqualTo("丰台区新就业形态劳动者联合工会");
	}

	@Test
	@WithUserDetails("fengtai")
	void stepsBackNeedANoteAndAFoundedEmployerStaysFoundedForStaff() {
		long firm = employerId(jdbc, "北京康惠家政服务有限公司");
		long fanhua = employerId(jdbc, "泛华集团");
		founding.change(firm, null, new FoundingCommand(FoundingStatus.PREPARING, null, null));
		long events = count(jdbc, "employer_founding_event");
		long auditBefore = count(jdbc, "audit_entry");

		assertProblem(() -> founding.change(firm, null, new FoundingCommand(FoundingStatus.CONTACTED, null, " ")), "note",
				"employer.founding.noteRequired");
		assertProblem(() -> founding.change(firm, null, new FoundingCommand(FoundingStatus.PREPARING, null, null)), "status",
				"employer.founding.unchanged");
		assertProblem(() -> founding.change(firm, null, new FoundingCommand(null, null, null)), "status", "validation.required");
		assertProblem(() -> founding.change(firm, null, new FoundingCommand(FoundingStatus.CONTACTED, id(jdbc, "泛华集团工会"), "退回")), "unionId",
				"employer.founding.unionOnlyWhenFounded");
		assertProblem(() -> founding.change(firm, null, new FoundingCommand(FoundingStatus.CONTACTED, null, "说".repeat(501))), "note",
				"validation.tooLong");
		assertProblem(() -> founding.change(fanhua, null, new FoundingCommand(FoundingStatus.NOT_STARTED, null, "误录")), "status",
				"employer.founding.foundedIsFinal");
		assertProblem(() -> founding.change(fanhua, null, new FoundingCommand(FoundingStatus.FOUNDED, id(jdbc, "泛华集团工会"), null)), "status",
				"employer.founding.unchanged");
		assertProblem(() -> founding.change(fanhua, null, new FoundingCommand(FoundingStatus.FOUNDED, id(jdbc, "丰台区新就业形态劳动者联合工会"), "改挂")),
				"status", "employer.founding.foundedIsFinal");
		assertThat(count(jdbc, "employer_founding_event")).isEqualTo(events);
		assertThat(count(jdbc, "audit_entry")).isEqualTo(auditBefore);
		assertThat(employers.get(fanhua).foundedUnionName()).isEqualTo("泛华集团工会");

		founding.change(firm, null, new FoundingCommand(FoundingStatus.CONTACTED, null, "企业负责人变更，筹备暂停"));
		assertThat(employers.get(firm).foundingStatus()).isEqualTo(FoundingStatus.CONTACTED);
		assertThat(founding.history(firm).get(0).note()).isEqualTo("企业负责人变更，筹备暂停");
	}

	@Test
	@WithUserDetails("admin")
	void administratorsMayUndoAFoundingWithANote() {
		long fanhua = employerId(jdbc, "泛华集团");
		assertProblem(() -> founding.change(fanhua, null, new FoundingCommand(FoundingStatus.PREPARING, null, null)), "note",
				"employer.founding.noteRequired");
		founding.change(fanhua, null, new FoundingCommand(FoundingStatus.PREPARING, null, "工会撤销，重新筹备"));
		var e = employers.get(fanhua);
		assertThat(e.foundingStatus()).isEqualTo(FoundingStatus.PREPARING);
		assertThat(e.foundedUnionId()).isNull();
		assertThat(jdbc.sql("select founded_union_id from employer where id = :id").param("id", fanhua).query(Long.class).optional()).isEmpty();
	}

	@Test
	@WithUserDetails("fengtai")
	void foundingOutsideTheScopeIsNotFoundAndStaleChangesAreRefused() {
		long liangyuan = employerId(jdbc, "良苑餐厅");
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> founding.change(liangyuan, null, new FoundingCommand(FoundingStatus.PREPARING, null, null)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> founding.history(liangyuan));
		assertThat(founding.unionChoices()).extracting(OrganizationSummary::name)
			.containsExactlyInAnyOrder("泛华集团工会", "丰台区新就业形态劳动者联合工会");

		long firm = employerId(jdbc, "北京恒通达物流有限公司");
		int version = employers.get(firm).version();
		founding.change(firm, version, new FoundingCommand(FoundingStatus.CONTACTED, null, null));
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> founding.change(firm, version, new FoundingCommand(FoundingStatus.PREPARING, null, null)));
		assertThat(employers.get(firm).foundingStatus()).isEqualTo(FoundingStatus.CONTACTED);
	}

	@Test
	@WithUserDetails("counsellor")
	void counsellorsReadButDoNotRecord() {
		assertThat(visits.search(new VisitQuery(null, null, null), new PageResult.Request(0, 50)).content()).isEmpty();
		long school = employerId(jdbc, "北京市陈经纶中学");
		assertThat(founding.history(school)).hasSize(1);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> visits.create(new VisitCommand(school, TODAY, null, "回访", null, null, null, null)));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> founding.change(school, null, new FoundingCommand(FoundingStatus.PREPARING, null, "x")));
	}

	@Test
	@WithUserDetails("fengtai")
	void visitsAreRecordedUnderTheCallersAccount() {
		long firm = employerId(jdbc, "北京恒通达物流有限公司");
		long id = visits.create(new VisitCommand(firm, TODAY.minusDays(1), "  六里桥街道总工会　王芳 ", " 二次走访，推动建会 ",
				"企业同意成立筹备组。\r\n下周报送职工名单。", TODAY.plusDays(7), null, null));
		VisitView v = visits.get(id);
		assertThat(v.staffUsername()).isEqualTo("fengtai");
		assertThat(v.staffName()).isEqualTo("丰台区总工会工作人员");
		assertThat(v.companions()).isEqualTo("六里桥街道总工会 王芳");
		assertThat(v.purpose()).isEqualTo("二次走访，推动建会");
		assertThat(v.result()).isEqualTo("企业同意成立筹备组。\n下周报送职工名单。");
		assertThat(v.followUp()).isEqualTo(FollowUp.OPEN);
		assertThat(employers.get(firm).foundingStatus()).isEqualTo(FoundingStatus.NOT_STARTED);
		assertThat(jdbc.sql("select actor from audit_entry where action = 'visit.create' and target_id = :id").param("id", String.valueOf(id))
			.query(String.class).single()).isEqualTo("fengtai");
	}

	@Test
	@WithUserDetails("fengtai")
	void badVisitsAreRejectedAndNothingIsStored() {
		long firm = employerId(jdbc, "北京恒通达物流有限公司");
		long visitsBefore = count(jdbc, "outreach_visit");
		long auditBefore = count(jdbc, "audit_entry");
		long eventsBefore = count(jdbc, "employer_founding_event");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY.minusDays(3), null, "走访", null, TODAY.minusDays(4), null, null)),
				"followUpDate", "validation.followUpBeforeVisit");
		assertProblem(() -> visits.create(new VisitCommand(null, TODAY, null, "走访", null, null, null, null)), "employerId", "validation.required");
		assertProblem(() -> visits.create(new VisitCommand(employerId(jdbc, "良苑餐厅"), TODAY, null, "走访", null, null, null, null)), "employerId",
				"employer.notFound");
		assertProblem(() -> visits.create(new VisitCommand(999_999L, TODAY, null, "走访", null, null, null, null)), "employerId",
				"employer.notFound");
		assertProblem(() -> visits.create(new VisitCommand(firm, null, null, "走访", null, null, null, null)), "visitDate", "validation.required");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY.plusDays(1), null, "走访", null, null, null, null)), "visitDate",
				"validation.dateInFuture");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY, null, "  ", null, null, null, null)), "purpose", "validation.required");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY, null, "事".repeat(201), null, null, null, null)), "purpose",
				"validation.tooLong");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY, "人".repeat(101), "走访", null, null, null, null)), "companions",
				"validation.tooLong");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY, null, "走访", "果".repeat(2001), null, null, null)), "result",
				"validation.tooLong");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY, null, "走访\u0007", null, null, null, null)), "purpose",
				"validation.controlCharacters");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY, null, "走访", null, null, null, id(jdbc, "泛华集团工会"))), "unionId",
				"employer.founding.unionOnlyWhenFounded");
		assertThat(count(jdbc, "outreach_visit")).isEqualTo(visitsBefore);
		assertThat(count(jdbc, "audit_entry")).isEqualTo(auditBefore);
		assertThat(count(jdbc, "employer_founding_event")).isEqualTo(eventsBefore);
	}

	@Test
	@WithUserDetails("fengtai")
	void htmlInVisitsIsStoredAsText() {
		String evil = "<script>alert('走访')</script>";
		long id = visits.create(new VisitCommand(employerId(jdbc, "北京云图互联科技有限公司"), TODAY, evil, evil, evil, null, null, null));
		VisitView v = visits.get(id);
		assertThat(v.purpose()).isEqualTo(evil);
		assertThat(v.companions()).isEqualTo(evil);
		assertThat(v.result()).isEqualTo(evil);
	}

	@Test
	@WithUserDetails("fengtai")
	void aVisitMayMoveTheFoundingStatusInTheSameTransaction() {
		long firm = employerId(jdbc, "北京恒通达物流有限公司");
		long id = visits.create(new VisitCommand(firm, TODAY, null, "与企业负责人面谈建会事宜", "同意启动建会", null, FoundingStatus.CONTACTED, null));
		assertThat(employers.get(firm).foundingStatus()).isEqualTo(FoundingStatus.CONTACTED);
		FoundingEventView event = founding.history(firm).get(0);
		assertThat(event.visitId()).isEqualTo(id);
		assertThat(event.note()).isEqualTo("与企业负责人面谈建会事宜");

		// The same status again records the visit only.
		long events = count(jdbc, "employer_founding_event");
		visits.create(new VisitCommand(firm, TODAY, null, "回访", null, null, FoundingStatus.CONTACTED, null));
		assertThat(count(jdbc, "employer_founding_event")).isEqualTo(events);

		// A refused status change refuses the visit too.
		long visitsBefore = count(jdbc, "outreach_visit");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY, null, "回访", null, null, FoundingStatus.FOUNDED, null)), "unionId",
				"employer.founding.unionRequired");
		assertProblem(() -> visits.create(new VisitCommand(employerId(jdbc, "泛华集团"), TODAY, null, "回访", null, null, FoundingStatus.NOT_STARTED,
				null)), "foundingStatus", "employer.founding.foundedIsFinal");
		assertProblem(() -> visits.create(new VisitCommand(firm, TODAY, null, "回访", null, null, FoundingStatus.FOUNDED, id(jdbc, "陈经纶中学工会"))),
				"unionId", "employer.founding.unionNotFound");
		assertThat(count(jdbc, "outreach_visit")).isEqualTo(visitsBefore);
		assertThat(count(jdbc, "employer_founding_event")).isEqualTo(events);
		assertThat(employers.get(firm).foundingStatus()).isEqualTo(FoundingStatus.CONTACTED);
	}

	@Test
	@WithUserDetails("fengtai")
	void overdueFollowUpsCountDaysInBeijing() {
		assertThat(visits.today()).isEqualTo(TODAY);
		long firm = employerId(jdbc, "北京云图互联科技有限公司");
		// 11-30 is yesterday in Beijing (though still today in UTC): overdue.
		long yesterday = visits.create(new VisitCommand(firm, LocalDate.of(2026, 11, 25), null, "回访", null, LocalDate.of(2026, 11, 30), null, null));
		long dueToday = visits.create(new VisitCommand(firm, LocalDate.of(2026, 11, 25), null, "回访", null, TODAY, null, null));

		List<VisitView> overdue = visits.overdue(new PageResult.Request(0, 50)).content();
		assertThat(overdue).extracting(VisitView::employerName).containsExactly("北京恒通达物流有限公司", "北京云图互联科技有限公司");
		assertThat(overdue).extracting(VisitView::daysOverdue).containsExactly(6L, 1L);
		assertThat(overdue).allSatisfy(v -> assertThat(v.followUp()).isEqualTo(FollowUp.OVERDUE));
		assertThat(overdue).extracting(VisitView::id).contains(yesterday).doesNotContain(dueToday);
		assertThat(visits.get(dueToday).followUp()).isEqualTo(FollowUp.OPEN);

		long auditBefore = audits("visit.update");
		visits.completeFollowUp(yesterday);
		visits.completeFollowUp(yesterday);
		assertThat(audits("visit.update")).isEqualTo(auditBefore + 1);
		assertThat(visits.get(yesterday).followUp()).isEqualTo(FollowUp.DONE);
		assertThat(visits.get(yesterday).followUpDoneBy()).isEqualTo("fengtai");
		assertThat(visits.overdue(new PageResult.Request(0, 50)).content()).extracting(VisitView::id).doesNotContain(yesterday);

		long noFollowUp = visits.create(new VisitCommand(firm, TODAY, null, "回访", null, null, null, null));
		assertProblem(() -> visits.completeFollowUp(noFollowUp), "followUpDate", "visit.followUp.noDate");
	}

	@Test
	@WithUserDetails("fengtai")
	void visitListsFilterWithinTheScope() {
		var all = visits.search(new VisitQuery(null, null, null), new PageResult.Request(0, 50));
		assertThat(all.content()).extracting(VisitView::employerName)
			.containsExactly("北京云图互联科技有限公司", "北京恒通达物流有限公司", "北京康惠家政服务有限公司");
		assertThat(all.content()).extracting(VisitView::followUp).containsExactly(FollowUp.OPEN, FollowUp.OVERDUE, FollowUp.DONE);
		long firm = employerId(jdbc, "北京恒通达物流有限公司");
		assertThat(visits.search(new VisitQuery(firm, null, null), new PageResult.Request(0, 50)).content()).extracting(VisitView::employerName)
			.containsExactly("北京恒通达物流有限公司");
		assertThat(visits.search(new VisitQuery(null, TODAY.minusDays(20), TODAY.minusDays(9)), new PageResult.Request(0, 50)).content())
			.extracting(VisitView::employerName).containsExactly("北京云图互联科技有限公司", "北京恒通达物流有限公司");
		assertThat(visits.search(new VisitQuery(null, TODAY, TODAY.minusDays(1)), new PageResult.Request(0, 50)).content()).isEmpty();
		var page = visits.search(new VisitQuery(null, null, null), new PageResult.Request(1, 2));
		assertThat(page.totalElements()).isEqualTo(3);
		assertThat(page.totalPages()).isEqualTo(2);
		assertThat(page.content()).extracting(VisitView::employerName).containsExactly("北京康惠家政服务有限公司");

		long liangyuan = employerId(jdbc, "良苑餐厅");
		long longtanVisit = jdbc.sql("select id from outreach_visit where employer_id = :e").param("e", liangyuan).query(Long.class).single();
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> visits.search(new VisitQuery(liangyuan, null, null), new PageResult.Request(0, 50)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> visits.get(longtanVisit));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> visits.completeFollowUp(longtanVisit));
		assertThat(visits.overdue(new PageResult.Request(0, 50)).content()).extracting(VisitView::employerName).doesNotContain("良苑餐厅");
	}

	@Test
	@WithUserDetails("longtan")
	void eachFederationSeesItsOwnVisits() {
		assertThat(visits.search(new VisitQuery(null, null, null), new PageResult.Request(0, 50)).content()).extracting(VisitView::employerName)
			.containsExactly("京东快递（龙潭站）", "良苑餐厅");
		assertThat(visits.overdue(new PageResult.Request(0, 50)).content()).extracting(VisitView::employerName).containsExactly("良苑餐厅");
		assertProblem(() -> visits.create(new VisitCommand(employerId(jdbc, "北京恒通达物流有限公司"), TODAY, null, "越界走访", null, null, null, null)),
				"employerId", "employer.notFound");
	}

	@Test
	@WithUserDetails("fengtai")
	void foundingFiguresCoverTheVisibleSubtreeOnly() {
		long fengtai = id(jdbc, "丰台区总工会");
		FoundingFigures figures = organizationsApi.visibleFoundingFigures(fengtai);
		assertThat(figures).isEqualTo(new FoundingFigures(5, 2, 1200 + 260 + 86 + 140 + 52));
		assertThat(organizationsApi.visibleFoundingFigures(id(jdbc, "六里桥街道总工会"))).isEqualTo(new FoundingFigures(2, 0, 86 + 52));
		assertThat(organizations.detail(fengtai).foundedEmployerCount()).isEqualTo(2);
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> organizationsApi.visibleFoundingFigures(id(jdbc, "龙潭街道总工会")));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> organizationsApi.visibleFoundingFigures(999_999L));

		founding.change(employerId(jdbc, "北京恒通达物流有限公司"), null,
				new FoundingCommand(FoundingStatus.FOUNDED, id(jdbc, "丰台区新就业形态劳动者联合工会"), null));
		assertThat(organizationsApi.visibleFoundingFigures(fengtai).employersWithUnion()).isEqualTo(3);
	}

	@Test
	@WithUserDetails("admin")
	void administratorsSeeTheWholeCoverage() {
		FoundingFigures all = organizationsApi.visibleFoundingFigures(id(jdbc, "中华全国总工会"));
		assertThat(all.employers()).isEqualTo(count(jdbc, "employer"));
		assertThat(all.employersWithUnion()).isEqualTo(6);
		assertThat(all.employees()).isEqualTo(jdbc.sql("select sum(headcount) from employer").query(Long.class).single());
	}

	private long audits(String action) {
		return jdbc.sql("select count(*) from audit_entry where action = :action").param("action", action).query(Long.class).single();
	}
}
