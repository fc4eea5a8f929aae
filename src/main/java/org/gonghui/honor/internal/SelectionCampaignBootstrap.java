package org.gonghui.honor.internal;

import org.gonghui.honor.RuleKind;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.internal.NominationService.Advance;
import org.gonghui.honor.internal.NominationService.MeetingKind;
import org.gonghui.honor.internal.NominationService.NewNomination;
import org.gonghui.platform.StartupData;
import org.gonghui.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's 2026 district craftsman selection of 丰台区总工会 (fictional people): places for four
 * sub-federations, the three ratio rules, and nominations at every stage — a first notice closed without
 * objection (one craftsman conferred, one awaiting conferment), a second notice running with one objection
 * under investigation, an enterprise head waiting for agency sign-offs (nominated with an override), one
 * rejected by the panel, one withdrawn by the unit, one submitted. Every step goes through the services as
 * the demo staff (fengtai) and chair (fanhua) would take it, so the data obeys the rules it shows.
 */
@Component
@Profile("demo")
@Order(480)
class SelectionCampaignBootstrap implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(SelectionCampaignBootstrap.class);

	private final JdbcClient jdbc;
	private final SelectionCampaignService campaigns;
	private final NominationService nominations;
	private final NoticeService notices;
	private final UserDetailsService users;
	private final Clock clock;

	SelectionCampaignBootstrap(JdbcClient jdbc, SelectionCampaignService campaigns, NominationService nominations, NoticeService notices, UserDetailsService users,
			Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.nominations = nominations;
		this.notices = notices;
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from honor_campaign").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username in ('fengtai', 'fanhua')").query(Long.class).single() < 2) {
			return;
		}
		LocalDate today = LocalDate.now(clock.withZone(HonorService.BEIJING));
		long campaign = as("fengtai", () -> campaigns.create(new SelectionCampaignService.NewSelectionCampaign(org("丰台区总工会"), today.getYear() + "年度丰台区工匠评选",
				"丰台区工匠", HonorLevel.DISTRICT, "丰台区总工会", today.getYear(), today.minusDays(45), today.plusDays(15), false, 9, "MORE_THAN_HALF",
				List.of(new SelectionCampaignService.RuleInput(RuleKind.FRONT_LINE_MIN, new BigDecimal("35")),
						new SelectionCampaignService.RuleInput(RuleKind.NON_PUBLIC_MIN, new BigDecimal("35")),
						new SelectionCampaignService.RuleInput(RuleKind.ENTERPRISE_HEAD_MAX, new BigDecimal("15"))),
				List.of(new SelectionCampaignService.QuotaInput(org("泛华集团工会"), 4), new SelectionCampaignService.QuotaInput(org("六里桥街道总工会"), 3),
						new SelectionCampaignService.QuotaInput(org("丰台区教育工会"), 2), new SelectionCampaignService.QuotaInput(org("丰台区新就业形态劳动者联合工会"), 2)))));
		LocalDate early = today.minusDays(40);
		long ma = nominate(campaign, "fanhua", early, "泛华集团工会", "马卫国", "泛华集团", "焊接技师", true, false,
				"深耕焊接一线二十六年，攻克大型压力容器焊接变形难题。", "牵头完成厚板窄间隙焊接工艺改进，产品一次合格率由92%提高到99.3%；创办“卫国焊接工作室”，带徒31人，其中8人获评高级技师。", null);
		long deng = nominate(campaign, "fengtai", early, "丰台区教育工会", "邓秀英", "北京市丰台区职业教育中心", "数控专业教师", true, false,
				"从企业技师到职教名师，把车间标准带进课堂。", "主持数控专业课程改革，指导学生获全国职业院校技能大赛一等奖2项；与企业共建实训基地，累计培训在岗职工1200余人次。", null);
		passPanel(ma, 8);
		passPanel(deng, 7);
		Long first = notice(campaign, today.minusDays(30));
		if (first != null) {
			as("fengtai", () -> notices.close(first));
			as("fengtai", () -> nominations.advance(ma, null));
		}
		LocalDate later = today.minusDays(20);
		long gao = nominate(campaign, "fengtai", later, "丰台区新就业形态劳动者联合工会", "高志远", "美团外卖丰台站点", "骑手站长", true, false,
				"从骑手成长为站长，带出一支安全零事故的骑手队伍。", "建立新骑手“师傅带徒”制度和电动车安全检查清单，站点连续三年零重大交通事故；推动站点设立骑手暖心驿站。", null);
		long hu = nominate(campaign, "fengtai", later, "六里桥街道总工会", "胡晓光", "北京恒通达物流有限公司", "叉车维修技师", true, false,
				"仓储设备的“老中医”，一听声音就知道叉车哪里出了毛病。", "总结叉车故障快速诊断法，设备完好率保持在98%以上；改进电池管理，每年为企业节约维修费用40余万元。", null);
		passPanel(gao, 9);
		passPanel(hu, 6);
		Long second = notice(campaign, today.minusDays(2));
		if (second != null) {
			long objection = notices.object(second, new NoticeService.NewObjection(gao, "陈立军", "13911110001",
					"据我了解，站点零事故的统计未包含外包骑手发生的两起交通事故，请核实。", null, null), "demo");
			as("fengtai", () -> {
				notices.assign(objection, "fengtai");
				return null;
			});
		}
		long song = nominate(campaign, "fanhua", later, "泛华集团工会", "宋文斌", "泛华集团", "维修电工", true, false,
				"二十年守护生产线供电，自主研发配电故障预警装置。", "研发的配电柜温升预警装置获国家实用新型专利，推广到集团12条生产线，年减少停机时间300余小时。", null);
		passPanel(song, 7);
		long xie = nominate(campaign, "fengtai", later, "丰台区新就业形态劳动者联合工会", "谢一鸣", "美团外卖丰台站点", "配送调度员", true, false,
				"优化站点调度，高峰期准时率明显提升。", "参与站点调度规则优化，高峰期平均配送时长缩短4分钟。", null);
		as("fengtai", () -> nominations.advance(xie, null));
		as("fengtai", () -> nominations.advance(xie, new Advance(null, "事迹的示范性和创新性尚有不足", 3, 5, 1)));
		long luo = nominate(campaign, "fengtai", later, "泛华集团工会", "罗建民", "泛华集团", "生产副总经理", false, true,
				"技术出身的企业负责人，带领团队攻关关键零部件国产化。", "主持关键零部件国产化攻关，产品替代进口后成本降低30%；推动企业建立职工技能等级与薪酬挂钩制度。",
				"集团推荐的技术带头人，兼任生产副总经理，区总工会党组研究同意突破比例");
		as("fengtai", () -> nominations.advance(luo, null));
		for (String agency : List.of("MARKET", "TAX", "SOCIAL_SECURITY")) {
			as("fengtai", () -> {
				nominations.signOff(luo, agency, NominationService.SignOffOutcome.CLEARED, "无不良记录");
				return null;
			});
		}
		long han = nominate(campaign, "fanhua", later, "泛华集团工会", "韩冬", "泛华集团", "装配钳工", true, false,
				"装配线上的多面手。", "掌握六种装配工艺，参与装配线改造。", null);
		as("fanhua", () -> {
			nominations.withdraw(han, "本人申请退出本次评选");
			return null;
		});
		nominate(campaign, "fengtai", today.minusDays(3), "六里桥街道总工会", "唐丽华", "北京康惠家政服务有限公司", "育婴师", true, false,
				"用专业和耐心服务上千个家庭。", "持有高级育婴师证书，编写企业新员工育婴服务规范，带教新员工60余人，客户满意率保持在99%以上。", null);
	}

	private long nominate(long campaign, String user, LocalDate on, String unit, String name, String employer, String occupation, boolean frontLine,
			boolean head, String summary, String deeds, String override) {
		var n = new NewNomination(org(unit), null, null, name, null, employer, occupation, frontLine, null, head, MeetingKind.WORKERS_CONGRESS,
				on.minusDays(14), 86, 102, on.minusDays(10), on.minusDays(4), summary, deeds, override);
		return as(user, () -> nominations.submit(campaign, n, on));
	}

	private void passPanel(long nomination, int votesFor) {
		as("fengtai", () -> nominations.advance(nomination, null));
		as("fengtai", () -> nominations.advance(nomination, new Advance(null, null, votesFor, 9 - votesFor, 0)));
	}

	/** A notice from {@code startsOn}; none when the calendar does not reach that far yet (a year not entered). */
	private Long notice(long campaign, LocalDate startsOn) {
		try {
			return as("fengtai", () -> notices.start(campaign, startsOn, null).id());
		}
		catch (InvalidInputException e) {
			log.info("Demo notice from {} not started: the working calendar lacks the year", startsOn);
			return null;
		}
	}

	private long org(String name) {
		return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
	}

	private <T> T as(String username, Supplier<T> action) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
