package org.gonghui.care.mutualaid.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import javax.imageio.ImageIO;

import org.gonghui.care.mutualaid.BenefitKind;
import org.gonghui.care.mutualaid.ClaimStatus;
import org.gonghui.care.mutualaid.DocumentKind;
import org.gonghui.care.mutualaid.JoinerRule;
import org.gonghui.care.mutualaid.PlanType;
import org.gonghui.care.mutualaid.internal.AidPlanRepository.Benefit;
import org.gonghui.care.mutualaid.internal.AidPlanRepository.Plan;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mutual aid for 丰台's promise of "安全、放心、管用的互助保障服务": 北京市总工会 offers a 北京-style 在职职工住院医疗互助保障,
 * a 女职工特殊疾病 plan and an 意外伤害 plan; 泛华集团工会 enrols its members (paid), and 周杰's hospital claim has gone
 * through the union, 丰台 and the payout; 龙潭 enrols its couriers and cook, and 张伟 (the demo worker, a 京东 courier)
 * has an accident claim waiting for the station's accident report. Loaded once: nothing is added when the plans exist.
 */
@Component
@Profile("demo")
@Order(540)
class AidBootstrap implements StartupData {

	static final String HOSPITAL_PLAN = "北京市在职职工住院医疗互助保障";
	static final String WOMEN_PLAN = "北京市女职工特殊疾病互助保障";
	static final String ACCIDENT_PLAN = "北京市职工意外伤害互助保障";

	private final JdbcClient jdbc;
	private final AidPlanRepository plans;
	private final EnrolmentRepository enrolments;
	private final ClaimRepository claims;
	private final AidAccess access;
	private final PersonalDataCipher cipher;
	private final Clock clock;

	AidBootstrap(JdbcClient jdbc, AidPlanRepository plans, EnrolmentRepository enrolments, ClaimRepository claims, AidAccess access,
			PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.enrolments = enrolments;
		this.claims = claims;
		this.access = access;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		Long beijing = org("北京市总工会");
		Long fanhua = org("泛华集团工会");
		Long longtan = org("龙潭街道总工会");
		if (beijing == null || fanhua == null || longtan == null || plans.findByName(HOSPITAL_PLAN).isPresent()) {
			return;
		}
		String path = path(beijing);
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, EnrolmentService.BEIJING);
		long hospital = plan(new Plan(0, beijing, path, HOSPITAL_PLAN, PlanType.HOSPITAL, 1, 5_000, 3, false, 16, 65, 90, 0, 100, 30, 0,
				JoinerRule.PRO_RATA, true, true), new Benefit(0, 0, "HOSPITAL", "住院医疗互助金", BenefitKind.EXPENSES, null, 5_000, 100_000, 1_000_000L,
						3_000_000L, List.of(DocumentKind.DISCHARGE_SUMMARY, DocumentKind.INVOICE)), now);
		long women = plan(new Plan(0, beijing, path, WOMEN_PLAN, PlanType.WOMEN_SPECIAL_DISEASE, 1, 2_000, 1, true, 16, 60, 90, 90, 50, 30, 80,
				JoinerRule.NEXT_TERM, false, true), new Benefit(0, 0, "DIAGNOSIS", "确诊互助金", BenefitKind.FIXED, 500_000L, null, 0, null, 500_000L,
						List.of(DocumentKind.DIAGNOSIS, DocumentKind.DISCHARGE_SUMMARY)), now);
		long accident = plan(new Plan(0, beijing, path, ACCIDENT_PLAN, PlanType.ACCIDENT, 1, 3_000, 1, false, null, null, 0, 0, 100, 30, 0,
				JoinerRule.PRO_RATA, false, true), new Benefit(0, 0, "ACCIDENT_MEDICAL", "意外医疗互助金", BenefitKind.EXPENSES, null, 8_000, 10_000,
						500_000L, 1_000_000L, List.of(DocumentKind.INVOICE, DocumentKind.DIAGNOSIS, DocumentKind.ACCIDENT_REPORT)), now);

		// 泛华集团工会 enrolled its members in the hospital plan and its women in the women's plan 200 days ago, and paid.
		LocalDate fanhuaStart = today.minusDays(200);
		long fanhuaHospital = enrol(hospital, fanhua, 1, 5_000, fanhuaStart, members(fanhua, null), "fanhua", now.minus(Duration.ofDays(205)));
		enrol(women, fanhua, 1, 2_000, fanhuaStart, members(fanhua, "FEMALE"), "fanhua", now.minus(Duration.ofDays(205)));
		// 龙潭 enrolled the 京东 couriers and the 良苑 cook in the accident plan 60 days ago.
		enrol(accident, longtan, 1, 3_000, today.minusDays(60), members(longtan, null), "longtan", now.minus(Duration.ofDays(62)));

		// 周杰 of 泛华 was in hospital 110 days into the term (after the 90-day waiting period): 12,000 元, paid 5,500 元.
		Long zhou = member("周杰", fanhua);
		if (zhou != null) {
			var cover = enrolments.coverOn(zhou, hospital, fanhuaStart.plusDays(110)).orElseThrow();
			Instant submitted = now.minus(Duration.ofDays(80));
			long id = claims.insert(new ClaimRepository.NewClaim(hospital, benefitId(hospital), cover.id(), zhou, cover.unionPath(), access.districtPath(fanhua),
					fanhuaStart.plusDays(110), "首都医科大学附属北京友谊医院", cipher.encrypt("肺炎"), 1_200_000, 0), submitted.plus(Duration.ofDays(5)), "fanhua",
					submitted);
			claims.step(id, ClaimStatus.SUBMITTED, "fanhua", null, submitted);
			claims.insertDocument(id, DocumentKind.DISCHARGE_SUMMARY, "出院小结.png", "image/png", png(), "fanhua", submitted);
			claims.insertDocument(id, DocumentKind.INVOICE, "住院发票.png", "image/png", png(), "fanhua", submitted);
			move(id, ClaimStatus.UNIT_CHECKED, null, null, null, "fanhua", submitted.plus(Duration.ofDays(2)));
			move(id, ClaimStatus.APPROVED, 550_000L, "EXPENSES=1200000;DEDUCTIBLE=1100000;SHARE=550000", null, "fengtai",
					submitted.plus(Duration.ofDays(7)));
			move(id, ClaimStatus.PAID, 550_000L, "EXPENSES=1200000;DEDUCTIBLE=1100000;SHARE=550000", "FT2026-0815-0031", "fengtai",
					submitted.plus(Duration.ofDays(10)));
		}
		// 张伟 fell off his e-bike delivering parcels 12 days ago; 龙潭 asked for the station's accident report.
		Long zhang = member("张伟", longtan);
		if (zhang != null) {
			LocalDate event = today.minusDays(12);
			var cover = enrolments.coverOn(zhang, accident, event).orElseThrow();
			Instant submitted = now.minus(Duration.ofDays(9));
			long id = claims.insert(new ClaimRepository.NewClaim(accident, benefitId(accident), cover.id(), zhang, cover.unionPath(),
					access.districtPath(longtan), event, "北京市普仁医院", cipher.encrypt("左腕骨折"), 230_000, 0), submitted.plus(Duration.ofDays(5)), "worker",
					submitted);
			claims.step(id, ClaimStatus.SUBMITTED, "worker", null, submitted);
			claims.insertDocument(id, DocumentKind.INVOICE, "门诊发票.png", "image/png", png(), "worker", submitted);
			claims.insertDocument(id, DocumentKind.DIAGNOSIS, "诊断证明.png", "image/png", png(), "worker", submitted);
			move(id, ClaimStatus.WAITING_DOCUMENTS, null, null, null, "longtan", submitted.plus(Duration.ofDays(1)));
			jdbc.sql("update aid_claim set reason = :r where id = :id").param("r", "请补充京东快递（龙潭站）出具的事故证明").param("id", id).update();
		}
	}

	private void move(long id, ClaimStatus to, Long payout, String trace, String reference, String actor, Instant at) {
		var c = claims.findById(id).orElseThrow();
		var due = switch (to) {
			case UNIT_CHECKED -> at.plus(Duration.ofDays(10));
			case APPROVED -> at.plus(Duration.ofDays(5));
			case WAITING_DOCUMENTS -> at.plus(Duration.ofDays(30));
			default -> null;
		};
		claims.move(c, to, payout, trace, null, due, reference, at);
		claims.step(id, to, actor, to == ClaimStatus.WAITING_DOCUMENTS ? "请补充京东快递（龙潭站）出具的事故证明" : null, at);
		if (to == ClaimStatus.PAID) {
			jdbc.sql("update aid_claim set paid_at = :at where id = :id").param("at", java.sql.Timestamp.from(at)).param("id", id).update();
		}
	}

	private long plan(Plan plan, Benefit benefit, Instant now) {
		long id = plans.insert(plan, "beijing", now);
		plans.insertBenefit(id, 0, benefit);
		return id;
	}

	private long enrol(long planId, long unionId, int shares, long priceFen, LocalDate start, List<Long> memberIds, String by, Instant at) {
		String path = path(unionId);
		LocalDate end = start.plus(Period.ofYears(1));
		long id = enrolments.insert(planId, unionId, path, shares, start, end, memberIds.size(), priceFen * shares * memberIds.size(), by, at);
		for (Long m : memberIds) {
			enrolments.insertCover(id, planId, m, path, shares, start, end, false, false, priceFen * shares, at);
		}
		enrolments.markPaid(id, "GH-" + unionId + "-" + start.getYear() + "-" + planId, by, at.plus(Duration.ofDays(3)));
		return id;
	}

	private List<Long> members(long unionId, String gender) {
		return jdbc.sql("select id from member where union_id = :u and status = 'ACTIVE' and (:g = '' or gender = :g) order by id")
			.param("u", unionId)
			.param("g", gender == null ? "" : gender)
			.query(Long.class)
			.list();
	}

	private Long member(String name, long unionId) {
		return jdbc.sql("select id from member where name = :n and union_id = :u").param("n", name).param("u", unionId).query(Long.class).list().stream()
			.findFirst().orElse(null);
	}

	private long benefitId(long planId) {
		return plans.benefits(planId).get(0).id();
	}

	private Long org(String name) {
		return jdbc.sql("select id from organization where name = :n order by id").param("n", name).query(Long.class).list().stream().findFirst()
			.orElse(null);
	}

	private String path(long id) {
		return jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).single();
	}

	/** A small grey picture standing in for a photographed document. */
	private static byte[] png() {
		var image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, 120, 160);
		g.setColor(java.awt.Color.GRAY);
		for (int y = 20; y < 150; y += 14) {
			g.fillRect(12, y, 96, 4);
		}
		g.dispose();
		try (var out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
