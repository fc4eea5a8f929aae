package org.gonghui.activity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.gonghui.activity.ActivityKind;
import org.gonghui.activity.Audience;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo activities from the seed page: 龙潭's visit that gathers 60 workers of 京东快递, 良苑餐厅 and other
 * local employers, and 朝阳's group counselling for young teachers of 陈经纶中学. Both published, a week
 * ahead, so the demo worker (a 京东 courier in 龙潭) can register on a phone. And 北京工商大学工会's
 * integrity-themed group counselling (loaded on its own, so older demo databases get it too): co-organised with
 * 党委教师工作部, guided by a psychology professor of 北京交通大学, a group of 8–12 meeting four times, one session
 * for each of the seed's themed characters 清、正、廉、洁; seven teachers have signed their consent forms and are
 * registered, so the demo account {@code teacher} (李想) is the one who completes the group.
 */
@Component
@Profile("demo")
@Order(400)
class ActivityBootstrap implements StartupData {

	static final String INTEGRITY_COUNSELLING = "廉洁主题团体心理辅导";

	private final JdbcClient jdbc;
	private final ActivityRepository activities;
	private final ActivityDetailsRepository details;
	private final RegistrationRepository registrations;
	private final Clock clock;

	ActivityBootstrap(JdbcClient jdbc, ActivityRepository activities, ActivityDetailsRepository details, RegistrationRepository registrations,
			Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.details = details;
		this.registrations = registrations;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from activity").query(Long.class).single() == 0
				&& jdbc.sql("select count(*) from organization where name = '龙潭街道总工会'").query(Long.class).single() > 0) {
			seedPage();
		}
		integrityCounselling();
	}

	private void seedPage() {
		Instant now = clock.instant();
		ZoneId beijing = ZoneId.of("Asia/Shanghai");
		LocalDate inAWeek = LocalDate.ofInstant(now, beijing).plusDays(7);
		long longtan = org("龙潭街道总工会");
		long visit = activities.insert(longtan, ActivityKind.VISIT, "新就业形态劳动者走进红色纪念馆",
				"组织辖区京东快递、良苑餐厅等单位的快递员、外卖骑手和餐饮职工参观学习，集体乘车往返。", "东城区龙潭街道工会服务站集合", null, 60, true,
				false, Audience.EMPLOYERS, null, null, "system", now);
		details.addAudienceEmployers(visit, jdbc.sql("select id from employer where name in ('京东快递（龙潭站）', '良苑餐厅') order by id")
			.query(Long.class).list());
		Instant start = inAWeek.atTime(9, 0).atZone(beijing).toInstant();
		activities.insertSession(visit, 0, "参观纪念馆", "VISIT", start, start.plus(Duration.ofHours(3)), true);
		jdbc.sql("update activity set registration_closes_at = :closes where id = :id")
			.param("closes", java.sql.Timestamp.from(start)).param("id", visit).update();
		activities.publish(visit, now);

		long school = org("陈经纶中学工会");
		long counselling = activities.insert(school, ActivityKind.GROUP_COUNSELLING, "青年教师团体心理辅导",
				"校工会联合学校心理健康教育中心举办，邀请心理咨询师带领青年教师进行团体辅导，缓解工作压力。", "陈经纶中学心理辅导室", null, 12, true,
				false, Audience.ORGANIZATION_SUBTREE, null, null, "system", now);
		activities.setMinParticipants(counselling, 8);
		details.replaceCoOrganizers(counselling, java.util.List.of(new ActivityDetailsRepository.CoOrganizer(null, "学校心理健康教育中心")));
		details.replaceExperts(counselling, java.util.List.of(new ActivityDetailsRepository.Expert("王老师", "国家二级心理咨询师")));
		Instant afternoon = inAWeek.atTime(14, 0).atZone(beijing).toInstant();
		activities.insertSession(counselling, 0, "团体辅导", "COUNSELLING", afternoon, afternoon.plus(Duration.ofHours(2)), true);
		activities.publish(counselling, now);

		// The ACFTU's first innovation training camp for model-worker undergraduates, at Tsinghua: a week of
		// lectures, four thematic reports, an enterprise visit and a seminar; 清华大学继续教育学院 certifies.
		long acftu = org("中华全国总工会");
		long camp = activities.insert(acftu, ActivityKind.TRAINING_CAMP, "全国总工会首期劳模本科生创新培训营",
				"109名劳模本科生走进清华大学，参加专题讲座、主题报告、企业参访和研讨交流，结业后由清华大学继续教育学院颁发结业证书。", "清华大学", null, 109,
				false, false, Audience.ORGANIZATION_SUBTREE, null, null, "system", now);
		activities.setCamp(camp, new java.math.BigDecimal("0.66"), false, "清华大学继续教育学院");
		// The opening guest, a national model worker and 大国工匠: the honor module's public profile is linked by name.
		details.replaceExperts(camp, java.util.List.of(new ActivityDetailsRepository.Expert("高凤林", "中国航天科技集团有限公司第一研究院211厂")));
		LocalDate campDay = LocalDate.ofInstant(now, beijing).plusDays(30);
		String[][] programme = { { "开班仪式", "CEREMONY", "0", "9", "全国总工会", "清华大学主楼" },
				{ "专题讲座：劳模精神与创新", "LECTURE", "0", "14", "清华大学教授", "清华大学继续教育学院" },
				{ "主题报告一：新质生产力", "REPORT", "1", "9", "特邀专家", "清华大学继续教育学院" },
				{ "主题报告二：工匠精神的传承", "REPORT", "1", "14", "全国劳动模范", "清华大学继续教育学院" },
				{ "主题报告三：技术创新方法", "REPORT", "2", "9", "特邀专家", "清华大学继续教育学院" },
				{ "主题报告四：职工创新工作室建设", "REPORT", "2", "14", "劳模创新工作室带头人", "清华大学继续教育学院" },
				{ "企业参访", "VISIT", "3", "9", "带队老师", "北京经济技术开发区" },
				{ "分组研讨与结业", "SEMINAR", "4", "9", "班主任", "清华大学继续教育学院" } };
		for (int i = 0; i < programme.length; i++) {
			Instant at = campDay.plusDays(Integer.parseInt(programme[i][2])).atTime(Integer.parseInt(programme[i][3]), 0).atZone(beijing).toInstant();
			activities.insertSession(camp, i, programme[i][0], programme[i][1], at, at.plus(Duration.ofHours(3)), true, programme[i][4],
					programme[i][5]);
		}
		jdbc.sql("update activity set registration_closes_at = :closes where id = :id")
			.param("closes", java.sql.Timestamp.from(campDay.atTime(9, 0).atZone(beijing).toInstant())).param("id", camp).update();
		activities.publish(camp, now);
	}

	/**
	 * The seed's "廉洁主题团体心理辅导" of 北京工商大学工会 (with 党委教师工作部, at the 良乡 campus staff home, a
	 * 北京交通大学 professor guiding; a 2023 党风廉政宣传教育精品活动培育项目): one group of 8–12 young teachers
	 * meeting four Wednesdays running, each session named by its themed character. Published three days ago;
	 * seven teachers registered since, each with a paper consent form the union entered.
	 */
	private void integrityCounselling() {
		var union = jdbc.sql("select id from organization where name = '北京工商大学工会'").query(Long.class).optional();
		if (union.isEmpty() || jdbc.sql("select count(*) from activity where organization_id = :org and title = :title")
			.param("org", union.get()).param("title", INTEGRITY_COUNSELLING).query(Long.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		ZoneId beijing = ZoneId.of("Asia/Shanghai");
		LocalDate today = LocalDate.ofInstant(now, beijing);
		Instant published = today.minusDays(3).atTime(9, 30).atZone(beijing).toInstant();
		long id = activities.insert(union.get(), ActivityKind.GROUP_COUNSELLING, INTEGRITY_COUNSELLING,
				"北京工商大学工会联合党委教师工作部举办，面向教师青马班学员，机关党委、心理素质教育中心、纪检监察办公室等部门的教职工一同参加。"
						+ "活动打破传统培训模式，把心理学方法和技术融入廉洁教育：从破冰开始，围绕正确看待得失、不同发展阶段的心态调整、提升幸福感的方法"
						+ "引导思考，帮助青年教师树立正确的价值观，筑牢拒腐防变的思想防线。小组共四次活动，分别以“清”“正”“廉”“洁”为主题，"
						+ "最后一次分组展示。本活动为学校2023年度党风廉政宣传教育精品活动培育项目。",
				"北京工商大学良乡校区教职工之家", null, 12, true, false, Audience.ORGANIZATION_SUBTREE, null, null, "system", published);
		activities.setMinParticipants(id, 8);
		details.replaceCoOrganizers(id, java.util.List.of(new ActivityDetailsRepository.CoOrganizer(null, "党委教师工作部")));
		details.replaceExperts(id, java.util.List.of(new ActivityDetailsRepository.Expert("刘教授", "北京交通大学心理素质教育中心 心理学教授")));
		LocalDate first = today.plusDays(7);
		while (first.getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY) {
			first = first.plusDays(1);
		}
		String[] themes = { "“清”：破冰，正确看待得失", "“正”：不同发展阶段的心态调整", "“廉”：守住底线的心理建设", "“洁”：提升幸福感与分组展示" };
		for (int i = 0; i < themes.length; i++) {
			Instant at = first.plusWeeks(i).atTime(14, 30).atZone(beijing).toInstant();
			activities.insertSession(id, i, themes[i], "COUNSELLING", at, at.plus(Duration.ofHours(2)), true, "刘教授", "良乡校区教职工之家");
		}
		jdbc.sql("update activity set registration_closes_at = :closes where id = :id")
			.param("closes", java.sql.Timestamp.from(first.atTime(14, 30).atZone(beijing).toInstant())).param("id", id).update();
		activities.publish(id, published);
		// Everyone of the union but 李想 (the demo account teacher), who is left to sign up on his phone.
		var teachers = jdbc.sql("select m.id from member m where m.union_id = :org and m.status = 'ACTIVE'"
				+ " and (m.account_username is null or m.account_username <> 'teacher') order by m.id limit 7")
			.param("org", union.get()).query(Long.class).list();
		var random = new java.security.SecureRandom();
		// Office hours of the three days since publishing (minutes after 9:30 on day 0, 1, 2).
		int[][] when = { { 0, 25 }, { 0, 142 }, { 0, 390 }, { 1, 48 }, { 1, 305 }, { 2, 77 }, { 2, 260 } };
		for (int i = 0; i < teachers.size(); i++) {
			Instant at = published.plus(Duration.ofDays(when[i][0]).plusMinutes(when[i][1]));
			byte[] code = new byte[16];
			random.nextBytes(code);
			registrations.create(id, teachers.get(i), false, true, java.util.HexFormat.of().formatHex(code), "system", at,
					new RegistrationRepository.Consent(at, RegistrationService.CONSENT_VERSION, true));
		}
	}

	private long org(String name) {
		return jdbc.sql("select id from organization where name = :name").param("name", name).query(Long.class).single();
	}
}
