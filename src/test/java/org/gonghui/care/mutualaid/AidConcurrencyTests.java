package org.gonghui.care.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gonghui.TestUsers;
import org.gonghui.care.mutualaid.internal.ClaimService;
import org.gonghui.care.mutualaid.internal.ClaimService.ClaimInput;
import org.gonghui.care.mutualaid.internal.EnrolmentService;
import org.gonghui.care.mutualaid.internal.EnrolmentService.EnrolInput;
import org.gonghui.care.mutualaid.internal.AidPlanService;
import org.gonghui.care.mutualaid.internal.AidPlanService.BenefitInput;
import org.gonghui.care.mutualaid.internal.AidPlanService.PlanInput;
import org.gonghui.shared.StateConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/** Eight district reviewers approve one claim at the same moment: one wins, the others are told it changed. */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
class AidConcurrencyTests {

	@Autowired
	AidPlanService plans;

	@Autowired
	EnrolmentService enrolments;

	@Autowired
	ClaimService claims;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private Long plan;

	@AfterEach
	void removeTheRace() {
		if (plan == null) {
			return;
		}
		for (String sql : new String[] { "delete from aid_claim_step where claim_id in (select id from aid_claim where plan_id = :p)",
				"delete from aid_claim_document where claim_id in (select id from aid_claim where plan_id = :p)", "delete from aid_claim where plan_id = :p",
				"delete from aid_cover where plan_id = :p", "delete from aid_enrolment where plan_id = :p", "delete from aid_benefit where plan_id = :p",
				"delete from aid_plan where id = :p" }) {
			jdbc.sql(sql).param("p", plan).update();
		}
	}

	@Test
	void ofConcurrentApprovalsOneWins() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long zhou = jdbc.sql("select id from member where name = '周杰'").query(Long.class).single();
		plan = TestUsers.runAs(users, "fengtai", () -> plans.create(new PlanInput(id(jdbc, "丰台区总工会"), "并发测试互助", PlanType.HOSPITAL, 1, 5_000L, 1,
				null, null, null, 0, null, null, null, null, null, null, null,
				List.of(new BenefitInput("HOSPITAL", null, null, 5_000, 0L, null, null, List.of())))));
		long claim = TestUsers.runAs(users, "fanhua", () -> {
			enrolments.enrol(plan, new EnrolInput(id(jdbc, "泛华集团工会"), 1, today.minusDays(30), null));
			long c = claims.submit(new ClaimInput(plan, zhou, "HOSPITAL", today.minusDays(3), null, null, 200_000L, null)).id();
			claims.review(c, ReviewDecision.APPROVE, null);
			return c;
		});
		int reviewers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(reviewers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < reviewers; i++) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					return TestUsers.runAs(users, "fengtai", () -> claims.review(claim, ReviewDecision.APPROVE, null).status().name());
				}
				catch (StateConflictException e) {
					return e.code();
				}
			}));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> f : results) {
			outcomes.add(f.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		assertThat(outcomes).containsOnlyOnce("APPROVED");
		assertThat(outcomes).filteredOn(o -> !o.equals("APPROVED")).hasSize(reviewers - 1)
			.allMatch(o -> o.equals("aid.claim.changed") || o.equals("aid.claim.illegal"));
		assertThat(jdbc.sql("select count(*) from aid_claim_step where claim_id = :c and status = 'APPROVED'").param("c", claim).query(Long.class).single())
			.isEqualTo(1);
	}
}
