package org.gonghui.activity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.Audience;
import org.gonghui.activity.CaravanStatus;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo caravans from the seed page: 朝阳区总工会's psychological-care caravan at 陈经纶中学, accepted and scheduled two
 * weeks ahead with experts of 北京安定医院 and 50 seats (the seed's 50余名教职工), published so members can register.
 * 陈经纶中学工会 has no chair account in the demo, so 朝阳 staff entered that request for the school. The demo tree
 * has no other 朝阳 union, so the request still waiting comes from 泛华集团工会 (the demo chair fanhua) to 丰台区总工会:
 * fanhua can follow or withdraw it, fengtai can accept and schedule it.
 */
@Component
@Profile("demo")
@Order(450)
class CaravanBootstrap implements StartupData {

	private final JdbcClient jdbc;
	private final CaravanRepository caravans;
	private final ActivityRepository activities;
	private final ActivityDetailsRepository details;
	private final Clock clock;

	CaravanBootstrap(JdbcClient jdbc, CaravanRepository caravans, ActivityRepository activities, ActivityDetailsRepository details, Clock clock) {
		this.jdbc = jdbc;
		this.caravans = caravans;
		this.activities = activities;
		this.details = details;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from caravan_request").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from organization where name in ('陈经纶中学工会', '朝阳区总工会')").query(Long.class).single() < 2) {
			return;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, CaravanQueries.BEIJING);
		scheduledAtTheSchool(now, today);
		waitingAtFanhua(now, today);
	}

	private void scheduledAtTheSchool(Instant now, LocalDate today) {
		long school = org("陈经纶中学工会");
		long chaoyang = org("朝阳区总工会");
		Long employer = jdbc.sql("select id from employer where name = '北京市陈经纶中学'").query(Long.class).optional().orElse(null);
		String needs = "学校教职工工作压力较大，希望安排心理健康讲座、团体辅导和一对一咨询，并提供自愿参加的心理测评。";
		long request = caravans.insert(new CaravanRepository.NewRequest(school, chaoyang, employer, today.plusDays(10), today.plusDays(20), 50, needs,
				"李老师", "010-65000000", "chaoyang"), now.minus(Duration.ofDays(3)));
		caravans.insertEvent(request, null, CaravanStatus.REQUESTED, "chaoyang", "学校工会来电申请，代为登记", now.minus(Duration.ofDays(3)));

		Instant start = today.plusDays(14).atTime(14, 0).atZone(CaravanQueries.BEIJING).toInstant();
		long activity = activities.insert(school, ActivityKind.CARAVAN, "心理关爱大篷车走进北京市陈经纶中学", needs, "陈经纶中学工会", null, 50, true, false,
				Audience.ORGANIZATION_SUBTREE, null, null, "chaoyang", now);
		activities.insertSession(activity, 0, "心理健康讲座与自愿测评", CaravanService.SESSION_TYPE, start, start.plus(Duration.ofHours(3)), true);
		jdbc.sql("update activity set registration_closes_at = :closes where id = :id")
			.param("closes", Timestamp.from(start)).param("id", activity).update();
		details.replaceCoOrganizers(activity, List.of(new ActivityDetailsRepository.CoOrganizer(chaoyang, "朝阳区总工会")));
		details.replaceExperts(activity, List.of(new ActivityDetailsRepository.Expert("李医生", "首都医科大学附属北京安定医院"),
				new ActivityDetailsRepository.Expert("王医生", "首都医科大学附属北京安定医院")));
		activities.publish(activity, now);

		var requested = caravans.findById(request).orElseThrow();
		caravans.move(request, CaravanStatus.REQUESTED, requested.version(), CaravanStatus.ACCEPTED, null, null, now.minus(Duration.ofDays(2)));
		caravans.insertEvent(request, CaravanStatus.REQUESTED, CaravanStatus.ACCEPTED, "chaoyang", null, now.minus(Duration.ofDays(2)));
		caravans.move(request, CaravanStatus.ACCEPTED, requested.version() + 1, CaravanStatus.SCHEDULED, null, activity, now);
		caravans.insertEvent(request, CaravanStatus.ACCEPTED, CaravanStatus.SCHEDULED, "chaoyang", null, now);
	}

	private void waitingAtFanhua(Instant now, LocalDate today) {
		var fanhua = jdbc.sql("select id from organization where name = '泛华集团工会'").query(Long.class).optional();
		var fengtai = jdbc.sql("select id from organization where name = '丰台区总工会'").query(Long.class).optional();
		if (fanhua.isEmpty() || fengtai.isEmpty()) {
			return;
		}
		Long employer = jdbc.sql("select id from employer where name = '泛华集团'").query(Long.class).optional().orElse(null);
		long request = caravans.insert(new CaravanRepository.NewRequest(fanhua.get(), fengtai.get(), employer, today.plusDays(30), today.plusDays(45),
				80, "一线员工轮班压力大，希望安排减压讲座和心理咨询。", "周主席", "010-63800000", "fanhua"), now);
		caravans.insertEvent(request, null, CaravanStatus.REQUESTED, "fanhua", null, now);
	}

	private long org(String name) {
		return jdbc.sql("select id from organization where name = :name").param("name", name).query(Long.class).single();
	}
}
