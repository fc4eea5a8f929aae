package org.gonghui.workplan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gonghui.platform.Metric.Period;
import org.gonghui.platform.StartupData;
import org.gonghui.workplan.MeetingKind;
import org.gonghui.workplan.internal.MeetingRepository.MeetingRow;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed page's plenary: 丰台区总工会's 13th committee at its 4th plenary (第十三届委员会第四次全体会议) in January of
 * this year hears 王华's work report and the speeches of 丰台区教育工会, 六里桥街道总工会 and 泛华集团工会, and adopts
 * the year's plan: 3 workers' homes and 50 outdoor stations as 民生实事 (the stations split among the organisations
 * below, short of the 50, so the dashboard warns), founding, gig workers joining with a welcome package, mutual-aid
 * cover, decompression and nursing rooms. The figures come from the demo sites, members and enrolments; nothing is
 * typed in. Runs after every other demo record.
 */
@Component
@Profile("demo")
@Order(750)
class WorkplanBootstrap implements StartupData {

	static final String REPORT = "深入学习贯彻党的二十大精神 为区域高质量发展贡献工会力量";

	private final JdbcClient jdbc;
	private final PlanRepository plans;
	private final MeetingRepository meetings;
	private final Clock clock;

	WorkplanBootstrap(JdbcClient jdbc, PlanRepository plans, MeetingRepository meetings, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.meetings = meetings;
		this.clock = clock;
	}

	private record Target(String metric, String label, long value, boolean livelihood) {
	}

	private static final List<Target> TARGETS = List.of(new Target("sites-opened.WORKERS_HOME", "建设公共区域职工之家", 3, true),
			new Target("sites-opened.OUTDOOR_WORKER_STATION", "新建户外劳动者服务站点", 50, true),
			new Target("employers-founded", "新建会单位", 6, false),
			new Target("members-joined.PLATFORM", "新就业形态劳动者入会", 30, false),
			new Target("welcome-packages", "入会大礼包发放", 30, false),
			new Target("aid-covered", "职工互助保障覆盖会员", 20, false),
			new Target("sites-opened.DECOMPRESSION_ROOM", "建设心理减压室", 2, false),
			new Target("sites-opened.NURSING_ROOM", "建设母婴关爱室", 3, false));

	@Override
	@Transactional
	public void load() {
		Optional<Long> fengtai = id("丰台区总工会");
		if (fengtai.isEmpty() || meetings.exists(fengtai.get(), MeetingKind.PLENARY, 13, 4)) {
			return;
		}
		LocalDate today = LocalDate.now(clock.withZone(Period.BEIJING));
		int year = today.getYear();
		LocalDate held = LocalDate.of(year, 1, 16).isAfter(today) ? today : LocalDate.of(year, 1, 16);
		String path = path(fengtai.get());
		String title = year + "年工作计划";
		long plan = plans.insertPlan(fengtai.get(), path, year, title, "system", clock.instant());
		plans.insertPriority(plan, 0, new PlanService.PriorityRow("深入学习贯彻党的二十大精神，开展“区级工会加强年”活动，推进基层工会规范化建设", "组织部、基层工作部"));
		plans.insertPriority(plan, 1, new PlanService.PriorityRow("建设公共区域职工之家 3 个、户外劳动者服务站点 50 个，列入区政府民生实事项目", "权益保障部"));
		plans.insertPriority(plan, 2, new PlanService.PriorityRow("推动快递员、外卖送餐员等新就业形态劳动者入会，入会即送大礼包", "基层工作部、新就业形态劳动者联合工会"));
		plans.insertPriority(plan, 3, new PlanService.PriorityRow("扩大职工互助保障覆盖面，建设心理减压室和母婴关爱室", "保障工作部"));
		long stations = 0;
		for (int i = 0; i < TARGETS.size(); i++) {
			Target t = TARGETS.get(i);
			long id = plans.insertTarget(plan, i, t.metric(), t.label(), t.value(), t.livelihood(), null, null);
			if (t.metric().equals("sites-opened.OUTDOOR_WORKER_STATION")) {
				stations = id;
			}
		}
		// The district splits its 50 stations; the shares add up to 40 so far, which the dashboard shows as short.
		split(year, stations, "六里桥街道总工会", 20);
		split(year, stations, "丰台区新就业形态劳动者联合工会", 15);
		split(year, stations, "泛华集团工会", 5);
		long meeting = meetings.insert(new MeetingRow(0, fengtai.get(), "丰台区总工会", path, MeetingKind.PLENARY, 13, 4, held, "丰台区职工服务中心", 35, 31,
				REPORT, "王华", "丰工发〔" + year + "〕1号"), "system", clock.instant());
		speech(meeting, 0, "丰台区教育工会", "李明", "立足教育系统 建设模范职工之家");
		speech(meeting, 1, "六里桥街道总工会", "王芳", "扎实推进新就业形态劳动者入会和户外劳动者服务站点建设");
		speech(meeting, 2, "泛华集团工会", "张强", "以集体协商促进企业和谐发展");
		meetings.insertResolution(meeting, 0, new MeetingService.ResolutionRow(0, "关于《" + REPORT + "》工作报告的决议", 31, 0, 0, true, null));
		meetings.insertResolution(meeting, 1, new MeetingService.ResolutionRow(0, "审议通过《丰台区总工会" + title + "》", 30, 0, 1, true, plan));
		plans.adopt(plan, held, clock.instant());
	}

	private void split(int year, long parentTarget, String organization, long value) {
		id(organization).ifPresent(org -> {
			long plan = plans.findFor(org, year).map(PlanRepository.PlanRow::id)
				.orElseGet(() -> plans.insertPlan(org, path(org), year, year + "年工作计划", "system", clock.instant()));
			plans.insertTarget(plan, plans.nextTargetPosition(plan), "sites-opened.OUTDOOR_WORKER_STATION", "新建户外劳动者服务站点", value, true, null,
					parentTarget);
		});
	}

	private void speech(long meeting, int position, String organization, String speaker, String title) {
		meetings.insertSpeech(meeting, position, new MeetingService.SpeechRow(organization, id(organization).orElse(null), speaker, title));
	}

	private Optional<Long> id(String name) {
		return jdbc.sql("select id from organization where name = :n order by id").param("n", name).query(Long.class).list().stream().findFirst();
	}

	private String path(long id) {
		return jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).single();
	}
}
