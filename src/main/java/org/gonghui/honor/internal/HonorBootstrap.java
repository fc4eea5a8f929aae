package org.gonghui.honor.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gonghui.honor.HonorKind;
import org.gonghui.honor.HonorLevel;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's honorees: 高凤林 (大国工匠2018年度人物, the Tsinghua camp's guest), 时传祥 (the historic national model
 * worker whose memorial 龙潭's workers visit), and the 19 model workers and advanced workers of
 * 北京公交集团物业管理中心 whose 《职工风采录》 the union published (fictional names and accounts: no real
 * person's data). The catalogue of titles comes first; any instance starting on a database that has it skips.
 */
@Component
@Profile("demo")
@Order(470)
class HonorBootstrap implements StartupData {

	private static final String SYSTEM = "system";

	/** name, level, kind, conferring body. */
	private static final List<Object[]> CATALOGUE = List.of(
			new Object[] { "全国劳动模范", HonorLevel.NATIONAL, HonorKind.MODEL_WORKER, "中共中央、国务院" },
			new Object[] { "全国先进工作者", HonorLevel.NATIONAL, HonorKind.MODEL_WORKER, "中共中央、国务院" },
			new Object[] { "全国五一劳动奖章", HonorLevel.NATIONAL, HonorKind.MODEL_WORKER, "中华全国总工会" },
			new Object[] { "大国工匠年度人物", HonorLevel.NATIONAL, HonorKind.CRAFTSMAN, "中华全国总工会" },
			new Object[] { "北京市劳动模范", HonorLevel.MUNICIPAL, HonorKind.MODEL_WORKER, "北京市人民政府" },
			new Object[] { "北京大工匠", HonorLevel.MUNICIPAL, HonorKind.CRAFTSMAN, "北京市总工会" },
			new Object[] { "丰台区工匠", HonorLevel.DISTRICT, HonorKind.CRAFTSMAN, "丰台区总工会" },
			new Object[] { "先进职工", HonorLevel.UNIT, HonorKind.ADVANCED, "本单位工会" });

	/** The 物业管理中心's 19 (fictional): name, occupation, title, year. */
	private static final List<Object[]> PROPERTY_CENTRE = List.of(
			new Object[] { "赵国栋", "电梯维修技师", "北京市劳动模范", 2020 }, new Object[] { "钱秀兰", "保洁班长", "北京市劳动模范", 2015 },
			new Object[] { "孙建华", "水暖维修工", "全国五一劳动奖章", 2023 }, new Object[] { "李春生", "配电值班电工", "先进职工", 2025 },
			new Object[] { "周玉梅", "客服主管", "先进职工", 2025 }, new Object[] { "吴海涛", "消防设施操作员", "先进职工", 2025 },
			new Object[] { "郑立新", "绿化养护工", "先进职工", 2024 }, new Object[] { "王淑琴", "场站保洁员", "先进职工", 2024 },
			new Object[] { "冯德胜", "锅炉运行工", "先进职工", 2024 }, new Object[] { "陈卫东", "安保队长", "先进职工", 2025 },
			new Object[] { "褚丽娟", "食堂厨师长", "先进职工", 2023 }, new Object[] { "卫志强", "空调维修工", "先进职工", 2023 },
			new Object[] { "蒋桂芬", "宿舍管理员", "先进职工", 2025 }, new Object[] { "沈家明", "弱电维修工", "先进职工", 2024 },
			new Object[] { "韩晓东", "车辆洗刷工", "先进职工", 2025 }, new Object[] { "杨红霞", "库房管理员", "先进职工", 2023 },
			new Object[] { "朱永平", "木工", "先进职工", 2024 }, new Object[] { "秦雅琴", "能源计量员", "先进职工", 2025 },
			new Object[] { "尤振华", "场站调度员", "先进职工", 2025 });

	private final JdbcClient jdbc;
	private final HonorRepository honors;
	private final Clock clock;

	HonorBootstrap(JdbcClient jdbc, HonorRepository honors, Clock clock) {
		this.jdbc = jdbc;
		this.honors = honors;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from honor_title").query(Long.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		for (Object[] t : CATALOGUE) {
			honors.insertTitle((String) t[0], (HonorLevel) t[1], (HonorKind) t[2], (String) t[3], now);
		}
		Long acftu = org("中华全国总工会");
		Long longtan = org("龙潭街道总工会");
		Long property = org("物业管理中心工会");
		Long fanhua = org("泛华集团工会");
		if (acftu != null) {
			long gao = honoree(acftu, "高凤林", "中国航天科技集团有限公司第一研究院211厂", "航天特种熔融焊接工",
					"焊接火箭“心脏”的技能专家，长征系列运载火箭发动机喷管焊接的带头人；全国总工会副主席（兼职）、全国劳模，首期劳模工匠创新培训营开营嘉宾。",
					"四十余年从事航天特种熔融焊接，为数十发运载火箭焊接发动机，攻克焊接难题两百余项；带领班组传承技艺，参加劳模工匠进校园等宣讲活动。");
			honors.insertHonor(gao, title("大国工匠年度人物"), 2018, null, false, SYSTEM, now);
		}
		if (longtan != null) {
			long shi = honoree(longtan, "时传祥", "北京市崇文区清洁队", "掏粪工人",
					"新中国著名劳动模范，“宁肯一人脏，换来万人净”，龙潭街道职工参观学习的时传祥纪念馆所纪念的人物。", null);
			honors.insertHonor(shi, title("全国劳动模范"), 1959, null, false, SYSTEM, now);
		}
		if (fanhua != null) {
			// 丰台's own craftsman (fictional), so the district's registry is not empty before its 2026 selection.
			long liang = honoree(fanhua, "梁志刚", "泛华集团", "数控机床装调维修工",
					"泛华集团设备维修班组长，主持数控机床精度恢复改造，获丰台区工匠称号（演示数据）。", null);
			honors.insertHonor(liang, title("丰台区工匠"), 2025, "FTGJ-2025-003", true, SYSTEM, now);
		}
		if (property != null) {
			for (Object[] p : PROPERTY_CENTRE) {
				String title = (String) p[2];
				long id = honoree(property, (String) p[0], "北京公交集团物业管理中心", (String) p[1],
						"《职工风采录》收录：" + p[1] + "，" + ("先进职工".equals(title) ? "本中心先进职工代表" : "获" + title) + "，立足岗位、服务一线（演示数据）。", null);
				honors.insertHonor(id, title(title), (Integer) p[3], null, !"先进职工".equals(title), SYSTEM, now);
			}
		}
	}

	private long honoree(long organizationId, String name, String employer, String occupation, String summary, String deeds) {
		return honors.insertHonoree(new HonorRepository.NewHonoree(organizationId, null, name, null, null, null, employer, occupation, summary, deeds,
				true), clock.instant());
	}

	private long title(String name) {
		return honors.titleByName(name).orElseThrow().id();
	}

	private Long org(String name) {
		return jdbc.sql("select id from organization where name = :n order by id").param("n", name).query(Long.class).list().stream().findFirst()
			.orElse(null);
	}
}
