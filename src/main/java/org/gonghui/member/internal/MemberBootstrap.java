package org.gonghui.member.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.gonghui.member.WorkForm;
import org.gonghui.member.internal.JoinService.JoinRequest;
import org.gonghui.member.internal.MemberService.NewMember;
import org.gonghui.organization.Organizations;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.PhoneNumber;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo members for the seed page's stories: Fengtai's joining drive for couriers and riders with its
 * welcome package, workers of 京东快递 and 良苑餐厅 in 龙潭, employees of 泛华集团, two applications
 * waiting for review, and young teachers of 北京工商大学 (its integrity-themed group counselling). All names and
 * numbers are fictitious (ID check digits computed).
 */
@Component
@Profile("demo")
@Order(200)
class MemberBootstrap implements StartupData {

	private final JdbcClient jdbc;
	private final MemberService members;
	private final JoinService joins;
	private final WelcomePackageService packages;
	private final Organizations organizations;
	private final Sealer sealer;
	private final Clock clock;

	MemberBootstrap(JdbcClient jdbc, MemberService members, JoinService joins, WelcomePackageService packages, Organizations organizations,
			Sealer sealer, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.joins = joins;
		this.packages = packages;
		this.organizations = organizations;
		this.sealer = sealer;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from member").query(Long.class).single() == 0
				&& jdbc.sql("select count(*) from organization where name = '丰台区总工会'").query(Long.class).single() > 0) {
			seedPage();
		}
		youngTeachers();
	}

	private void seedPage() {
		long fengtai = org("丰台区总工会");
		long dongcheng = org("东城区总工会");
		welcomeItems(fengtai, new String[][] { { "意外伤害互助保障（一年）", "新入会会员享一年意外伤害互助保障" },
				{ "暖心驿站服务卡", "全区户外劳动者驿站饮水、充电、休息" }, { "会员专享体检优惠", "合作体检机构会员价" } });
		welcomeItems(dongcheng, new String[][] { { "职工互助保障（一年）", "住院及意外互助保障" }, { "东城工会会员服务卡", "会员优惠及活动报名" } });

		long riders = org("丰台区新就业形态劳动者联合工会");
		long meituan = employer(riders, "美团外卖丰台站点");
		member("王强", "110106", "19900312", 1, "13800138001", riders, meituan, WorkForm.PLATFORM, "外卖骑手", "美团", "2026-03-15");
		member("李娜", "110106", "19950708", 2, "13800138002", riders, meituan, WorkForm.PLATFORM, "外卖骑手", "美团", "2026-04-02");
		member("赵磊", "110106", "19881121", 3, "13800138003", riders, null, WorkForm.PLATFORM, "快递员", "顺丰", "2026-05-20");
		long longtan = org("龙潭街道总工会");
		long jd = employer(longtan, "京东快递（龙潭站）");
		long liangyuan = employer(longtan, "良苑餐厅");
		member("张伟", "110101", "19870415", 5, "13900139001", longtan, jd, WorkForm.PLATFORM, "快递员", "京东", "2025-09-01");
		member("刘洋", "110101", "19920630", 7, "13900139002", longtan, jd, WorkForm.PLATFORM, "快递员", "京东", "2026-01-10");
		member("陈静", "110101", "19960218", 8, "13900139003", longtan, liangyuan, WorkForm.EMPLOYEE, "厨师", null, "2026-02-20");
		// The demo worker account (张师傅, a 京东 courier in 龙潭) is 张伟's own sign-in: activities, sites, feedback.
		jdbc.sql("update member set account_username = 'worker' where name = '张伟'").update();
		long fanhua = org("泛华集团工会");
		long fanhuaEmployer = employer(fanhua, "泛华集团");
		member("孙丽", "110106", "19850909", 4, "13700137001", fanhua, fanhuaEmployer, WorkForm.EMPLOYEE, "会计", null, "2018-06-01");
		member("周杰", "110106", "19800101", 9, "13700137002", fanhua, fanhuaEmployer, WorkForm.EMPLOYEE, "工程师", null, "2015-03-01");

		joins.apply(new JoinRequest("吴昊", id("110106", "19980523", 1), "13600136001", WorkForm.PLATFORM, "饿了么", "外卖骑手", riders, null, true));
		joins.apply(new JoinRequest("郑敏", id("110106", "19931012", 2), "13600136002", WorkForm.EMPLOYEE, null, "行政专员", fanhua, null, true));
	}

	/**
	 * Young teachers and staff of 北京工商大学 (the 教师青马班 and the departments of the seed's integrity-themed group
	 * counselling). Loaded on their own, so a demo database made before them gets them too; 李想 is the demo account
	 * {@code teacher}.
	 */
	private void youngTeachers() {
		if (jdbc.sql("select count(*) from organization where name = '北京工商大学工会'").query(Long.class).single() == 0
				|| jdbc.sql("select count(*) from member m join organization o on o.id = m.union_id where o.name = '北京工商大学工会'")
					.query(Long.class).single() > 0) {
			return;
		}
		long btbu = org("北京工商大学工会");
		Long university = employer(btbu, "北京工商大学");
		String[][] people = { { "李想", "19940312", "11", "教师（青马班）", "2021-09-01" }, { "林晓雯", "19950621", "12", "教师（青马班）", "2022-09-01" },
				{ "周子豪", "19930905", "13", "教师（青马班）", "2020-09-01" }, { "吴佳怡", "19960117", "14", "教师（青马班）", "2023-09-01" },
				{ "陈思远", "19920428", "15", "辅导员", "2019-09-01" }, { "孙悦", "19910803", "16", "纪检监察办公室干事", "2018-07-01" },
				{ "郑浩然", "19941126", "17", "心理素质教育中心教师", "2021-03-01" }, { "马婧", "19900214", "18", "党委教师工作部干事", "2017-07-01" } };
		for (int i = 0; i < people.length; i++) {
			String[] p = people[i];
			member(p[0], "110111", p[1], Integer.parseInt(p[2]), "1350013510" + (i + 1), btbu, university, WorkForm.EMPLOYEE, p[3], null, p[4]);
		}
		jdbc.sql("update member set account_username = 'teacher' where name = '李想' and union_id = :union").param("union", btbu).update();
	}

	private void member(String name, String region, String birth, int seq, String phone, long unionId, Long employerId, WorkForm form,
			String occupation, String platform, String joinDate) {
		IdNumber id = IdNumber.of(id(region, birth, seq), clock);
		var sealedId = sealer.seal(id);
		var sealedPhone = sealer.seal(PhoneNumber.of(phone));
		long memberId = members.register(new NewMember(name, id.gender(), sealedId.cipher(), sealedId.hash(), sealedId.masked(), sealedPhone.cipher(),
				sealedPhone.hash(), sealedPhone.masked(), unionId, employerId, form, occupation, platform, LocalDate.parse(joinDate), "demo data"));
		// Granted here as well as by the MemberJoined listener: the grant is idempotent, and demo data should not wait for it.
		packages.grant(memberId, unionId);
	}

	/** A fictitious but valid 身份证号: region, birth date, a sequence whose parity gives the gender, check digit. */
	private static String id(String region, String birth, int seq) {
		String first17 = region + birth + String.format("%03d", 100 + seq);
		return first17 + IdNumber.checkCharacter(first17);
	}

	private long org(String name) {
		return jdbc.sql("select id from organization where name = :n order by id").param("n", name).query(Long.class).list().get(0);
	}

	private Long employer(long organizationId, String name) {
		return organizations.employersOf(organizationId).stream().filter(e -> e.name().equals(name)).map(e -> e.id()).findFirst().orElse(null);
	}

	private void welcomeItems(long districtId, String[][] items) {
		for (String[] item : items) {
			jdbc.sql("insert into welcome_package_item (district_id, name, description, active, created_at) values (:d, :n, :desc, true, :now)")
				.param("d", districtId)
				.param("n", item[0])
				.param("desc", item[1])
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.update();
		}
	}

}
