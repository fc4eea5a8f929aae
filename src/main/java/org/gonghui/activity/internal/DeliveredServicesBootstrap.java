package org.gonghui.activity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.ActivityStatus;
import org.gonghui.activity.Audience;
import org.gonghui.activity.CaravanStatus;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo services that already took place, so that workers have something to rate (care's satisfaction ratings) and
 * staff something to count: two psychological-care caravans — at 京东快递's 龙潭 station for the couriers (requested by
 * 龙潭街道总工会, scheduled by 东城区总工会) and at 美团外卖's 丰台 site for the riders (丰台's new-forms union, scheduled by
 * 丰台区总工会) — a group counselling for 龙潭's couriers and a lecture on stress and sleep at 泛华集团. The 龙潭 caravan is the
 * one where 李静 ran on-site assessments ten days ago (care's {@code AssessmentSessionBootstrap}). Each went through
 * the real steps of the repositories: published, seats taken, registrations with their events, check-ins that make
 * them ATTENDED, started and finished (everyone else closed out). The demo courier 张伟 attended the 龙潭 caravan and
 * the group counselling.
 */
@Component
@Profile("demo")
@Order(490)
class DeliveredServicesBootstrap implements StartupData {

	static final String LONGTAN_CARAVAN = "心理关爱大篷车走进京东快递龙潭站";
	/** The seed's 龙潭 visit to the 时传祥 memorial, held and summed up, so a report can be drafted from it. */
	static final String MEMORIAL_VISIT = "学习劳模精神 汲取榜样力量——参观时传祥纪念馆";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final ActivityRepository activities;
	private final ActivityDetailsRepository details;
	private final RegistrationRepository registrations;
	private final CheckInRepository checkIns;
	private final CaravanRepository caravans;
	private final ActivitySummaryRepository summaries;
	private final Clock clock;

	DeliveredServicesBootstrap(JdbcClient jdbc, ActivityRepository activities, ActivityDetailsRepository details, RegistrationRepository registrations,
			CheckInRepository checkIns, CaravanRepository caravans, ActivitySummaryRepository summaries, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.details = details;
		this.registrations = registrations;
		this.checkIns = checkIns;
		this.caravans = caravans;
		this.summaries = summaries;
		this.clock = clock;
	}

	/** One service held in the past: who organised it, what it was, when, and who came. */
	private record Service(long organizationId, ActivityKind kind, String title, String description, String venue, String sessionTitle,
			String sessionType, Instant start, Duration length, List<Long> attendees) {
	}

	@Override
	@Transactional
	public void load() {
		memorialVisit();
		if (jdbc.sql("select count(*) from activity where title = :t").param("t", LONGTAN_CARAVAN).query(Long.class).single() > 0) {
			return;
		}
		Optional<Long> longtan = org("龙潭街道总工会");
		Optional<Long> dongcheng = org("东城区总工会");
		Optional<Long> riders = org("丰台区新就业形态劳动者联合工会");
		Optional<Long> fengtai = org("丰台区总工会");
		Optional<Long> fanhua = org("泛华集团工会");
		if (longtan.isEmpty() || dongcheng.isEmpty() || riders.isEmpty() || fengtai.isEmpty() || fanhua.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, CaravanQueries.BEIJING);
		List<Long> couriers = members("张伟", "刘洋", "陈静");
		List<Long> ridersOfMeituan = members("王强", "李娜", "赵磊");
		List<Long> fanhuaStaff = members("孙丽", "周杰");

		long longtanCaravan = deliver(new Service(longtan.get(), ActivityKind.CARAVAN, LONGTAN_CARAVAN,
				"北京安定医院专家走进京东快递龙潭站：心理健康讲座、自愿参加的心理测评和一对一咨询，安排在午间不派件的时段。", "京东快递龙潭站休息室",
				"心理健康讲座与自愿测评", CaravanService.SESSION_TYPE, at(today.minusDays(10), 14), Duration.ofHours(3), couriers), now);
		caravanRequest(longtan.get(), dongcheng.get(), employer("京东快递（龙潭站）"), longtanCaravan, today.minusDays(40), today.minusDays(5), 30,
				"快递员工作时间长、压力大，希望请心理专家到站点开展讲座和咨询。", "龙潭街道工会", "longtan", "dongcheng", now.minus(Duration.ofDays(40)));
		details.replaceCoOrganizers(longtanCaravan, List.of(new ActivityDetailsRepository.CoOrganizer(dongcheng.get(), "东城区总工会")));
		details.replaceExperts(longtanCaravan, List.of(new ActivityDetailsRepository.Expert("李医生", "首都医科大学附属北京安定医院")));

		long ridersCaravan = deliver(new Service(riders.get(), ActivityKind.CARAVAN, "心理关爱大篷车走进美团外卖丰台站点",
				"专家为外卖骑手讲解情绪调节和睡眠，现场提供自愿测评和一对一咨询。", "美团外卖丰台站点", "情绪调节讲座与一对一咨询", CaravanService.SESSION_TYPE,
				at(today.minusDays(21), 14), Duration.ofHours(3), ridersOfMeituan), now);
		caravanRequest(riders.get(), fengtai.get(), employer("美团外卖丰台站点"), ridersCaravan, today.minusDays(50), today.minusDays(15), 40,
				"骑手们跑单压力大，希望有专家到站点讲讲怎么调节情绪。", "联合工会", "fengtai", "fengtai", now.minus(Duration.ofDays(50)));
		details.replaceCoOrganizers(ridersCaravan, List.of(new ActivityDetailsRepository.CoOrganizer(fengtai.get(), "丰台区总工会")));
		details.replaceExperts(ridersCaravan, List.of(new ActivityDetailsRepository.Expert("王医生", "首都医科大学附属北京安定医院")));

		long counselling = deliver(new Service(longtan.get(), ActivityKind.GROUP_COUNSELLING, "快递员团体心理辅导：情绪与压力",
				"心理咨询师带领快递员分享工作压力、练习放松方法，小组内容保密。", "东城区龙潭街道工会服务站", "团体辅导", "COUNSELLING",
				at(today.minusDays(14), 19), Duration.ofHours(2), couriers), now);
		details.replaceExperts(counselling, List.of(new ActivityDetailsRepository.Expert("王磊", "北京安定医院心理治疗师")));

		deliver(new Service(fanhua.get(), ActivityKind.LECTURE, "职场压力与睡眠健康讲座", "邀请北京安定医院医生讲解职场压力与睡眠问题。", "泛华集团报告厅",
				"专题讲座", "LECTURE", at(today.minusDays(10), 16), Duration.ofHours(1).plusMinutes(30), fanhuaStaff), now);
	}

	/** 龙潭's visit to the 时传祥 memorial with local employers' workers, finished and summed up (its own guard: added later). */
	private void memorialVisit() {
		Optional<Long> longtan = org("龙潭街道总工会");
		if (longtan.isEmpty() || jdbc.sql("select count(*) from activity where title = :t").param("t", MEMORIAL_VISIT).query(Long.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, CaravanQueries.BEIJING);
		long visit = deliver(new Service(longtan.get(), ActivityKind.VISIT, MEMORIAL_VISIT,
				"组织京东快递、良苑餐厅等地区企业职工参观时传祥纪念馆，学习劳模精神。", "时传祥纪念馆", "参观纪念馆", "VISIT", at(today.minusDays(6), 9),
				// No demo member attended: the couriers' 我的 and their ratings stay as the care demo tells them.
				Duration.ofHours(3), List.of()), now);
		summaries.insert(visit, "京东快递、良苑餐厅等地区企业近60名职工参加。走进时传祥纪念馆，职工们在解说员的带领下，通过一张张诉说着历史的老照片和充满时代色彩的记录影片，"
				+ "将时传祥不怕苦、不畏难的劳模精神深深地烙印在心中。", "longtan", now);
	}

	/** Publishes the service, registers and checks in its attendees, starts and finishes it. */
	private long deliver(Service s, Instant now) {
		Instant announced = s.start().minus(Duration.ofDays(10));
		Instant end = s.start().plus(s.length());
		long id = activities.insert(s.organizationId(), s.kind(), s.title(), s.description(), s.venue(), null, Math.max(30, s.attendees().size()), true,
				false, Audience.ORGANIZATION_SUBTREE, null, s.start(), "system", announced);
		activities.insertSession(id, 0, s.sessionTitle(), s.sessionType(), s.start(), end, true);
		activities.publish(id, announced);
		long session = checkIns.sessions(id).get(0).id();
		Instant signedUp = announced.plus(Duration.ofDays(1));
		for (long member : s.attendees()) {
			if (!activities.takeSeat(id)) {
				continue;
			}
			// Group counselling asks for the member's consent before the registration exists; they gave it on their phone.
			var consent = RegistrationService.needsConsent(s.kind())
					? new RegistrationRepository.Consent(signedUp, RegistrationService.CONSENT_VERSION, false) : null;
			long registration = registrations.insert(id, member, RegistrationStatus.REGISTERED, code(), "demo", signedUp, consent);
			registrations.insertEvent(registration, null, RegistrationStatus.REGISTERED, "demo", null, signedUp);
			Instant arrived = s.start().minus(Duration.ofMinutes(10));
			checkIns.insert(id, session, registration, member, false, null, null, "demo", arrived);
			if (checkIns.markAttended(registration, arrived)) {
				checkIns.insertRegistrationEvent(registration, RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED, "demo", "check-in", arrived);
			}
		}
		activities.move(id, ActivityStatus.PUBLISHED, ActivityStatus.ONGOING, s.start());
		activities.move(id, ActivityStatus.ONGOING, ActivityStatus.FINISHED, end);
		activities.closeOut(id, RegistrationStatus.NO_SHOW, "demo", "activity finished", end);
		return id;
	}

	/** The request the caravan came from: asked by the union, accepted and scheduled by the district federation. */
	private void caravanRequest(long union, long district, Long employer, long activity, LocalDate from, LocalDate to, int expected, String needs,
			String contact, String requestedBy, String decidedBy, Instant asked) {
		long request = caravans.insert(new CaravanRepository.NewRequest(union, district, employer, from, to, expected, needs, contact, "010-64000000",
				requestedBy), asked);
		caravans.insertEvent(request, null, CaravanStatus.REQUESTED, requestedBy, null, asked);
		Instant accepted = asked.plus(Duration.ofDays(2));
		int version = caravans.findById(request).orElseThrow().version();
		caravans.move(request, CaravanStatus.REQUESTED, version, CaravanStatus.ACCEPTED, null, null, accepted);
		caravans.insertEvent(request, CaravanStatus.REQUESTED, CaravanStatus.ACCEPTED, decidedBy, null, accepted);
		Instant scheduled = accepted.plus(Duration.ofDays(3));
		caravans.move(request, CaravanStatus.ACCEPTED, version + 1, CaravanStatus.SCHEDULED, null, activity, scheduled);
		caravans.insertEvent(request, CaravanStatus.ACCEPTED, CaravanStatus.SCHEDULED, decidedBy, null, scheduled);
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(CaravanQueries.BEIJING).toInstant();
	}

	/** A check-in code as registrations get them: 32 lower-case hex digits. */
	private static String code() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private List<Long> members(String... names) {
		return java.util.Arrays.stream(names)
			.map(n -> jdbc.sql("select id from member where name = :n and status = 'ACTIVE' order by id").param("n", n).query(Long.class).list())
			.filter(ids -> !ids.isEmpty())
			.map(ids -> ids.get(0))
			.toList();
	}

	private Long employer(String name) {
		return jdbc.sql("select id from employer where name = :n order by id").param("n", name).query(Long.class).list().stream().findFirst().orElse(null);
	}

	private Optional<Long> org(String name) {
		return jdbc.sql("select id from organization where name = :n order by id").param("n", name).query(Long.class).list().stream().findFirst();
	}
}
