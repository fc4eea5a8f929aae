package org.gonghui.organization.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.gonghui.organization.FoundingStatus;
import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationType;
import org.gonghui.organization.Ownership;
import org.gonghui.shared.CreditCode;
import org.gonghui.shared.OrgPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.gonghui.platform.StartupData;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts organisations in an empty database: in the {@code demo} profile the unions and employers of
 * the seed page (SCENARIOS.md); otherwise, when a first administrator is being created, a single root
 * federation to hang the administrator on. Runs before the platform's account bootstrap.
 */
@Component
@Order(10)
class OrganizationBootstrap implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(OrganizationBootstrap.class);

	private static final OrganizationLevel NATIONAL = OrganizationLevel.NATIONAL;
	private static final OrganizationLevel MUNICIPAL = OrganizationLevel.MUNICIPAL;
	private static final OrganizationLevel DISTRICT = OrganizationLevel.DISTRICT;
	private static final OrganizationLevel STREET = OrganizationLevel.STREET;
	private static final OrganizationLevel GRASSROOTS = OrganizationLevel.GRASSROOTS;
	private static final OrganizationType FEDERATION = OrganizationType.REGIONAL_FEDERATION;
	private static final OrganizationType INDUSTRY = OrganizationType.INDUSTRY_UNION;
	private static final OrganizationType WORKPLACE = OrganizationType.WORKPLACE_UNION;
	private static final OrganizationType JOINT = OrganizationType.JOINT_UNION;

	/** Who the history names for facts entered at set-up rather than by a person. */
	private static final String SYSTEM = "system";
	private static final String SYSTEM_NAME = "初始数据";

	private final OrganizationRepository organizations;
	private final EmployerRepository employers;
	private final FoundingEventRepository foundingEvents;
	private final OutreachVisitRepository visits;
	private final Environment environment;
	private final Clock clock;
	private final String adminPassword;
	private final String rootName;

	OrganizationBootstrap(OrganizationRepository organizations, EmployerRepository employers, FoundingEventRepository foundingEvents,
			OutreachVisitRepository visits, Environment environment, Clock clock,
			@Value("${gonghui.bootstrap.admin-password:}") String adminPassword,
			@Value("${gonghui.bootstrap.root-organization:中华全国总工会}") String rootName) {
		this.organizations = organizations;
		this.employers = employers;
		this.foundingEvents = foundingEvents;
		this.visits = visits;
		this.environment = environment;
		this.clock = clock;
		this.adminPassword = adminPassword;
		this.rootName = rootName;
	}

	@Override
	@Transactional
	public void load() {
		if (!organizations.findRoots().isEmpty()) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of("demo"))) {
			new DemoTree(clock.instant()).build();
			log.info("Demo organisations created");
		}
		else if (!adminPassword.isEmpty()) {
			organizations.insert(null, rootName, NATIONAL, FEDERATION, null, null, clock.instant());
			log.info("Created root organisation {}", rootName);
		}
	}

	/** The seed page's unions, placed in the real federation structure. */
	private final class DemoTree {

		private final Instant now;
		private final Map<String, Long> ids = new HashMap<>();
		private final Map<Long, OrgPath> paths = new HashMap<>();
		private final Map<String, Long> employerIds = new HashMap<>();

		DemoTree(Instant now) {
			this.now = now;
		}

		void build() {
			org(null, "中华全国总工会", NATIONAL, FEDERATION, "北京市西城区复兴门外大街10号");
			org("中华全国总工会", "中国劳动关系学院工会", GRASSROOTS, WORKPLACE, "北京市海淀区增光路45号");
			org("中华全国总工会", "北京市总工会", MUNICIPAL, FEDERATION, "北京市西城区复兴门外大街");
			org("北京市总工会", "北京市教育工会", MUNICIPAL, INDUSTRY, null);
			org("北京市教育工会", "北京工商大学工会", GRASSROOTS, WORKPLACE, "北京市房山区良乡高教园区");
			org("北京市总工会", "北京公交集团工会", GRASSROOTS, WORKPLACE, null);
			org("北京公交集团工会", "物业管理中心工会", GRASSROOTS, WORKPLACE, null);
			org("北京市总工会", "丰台区总工会", DISTRICT, FEDERATION, "北京市丰台区");
			org("丰台区总工会", "丰台区教育工会", DISTRICT, INDUSTRY, null);
			org("丰台区总工会", "六里桥街道总工会", STREET, FEDERATION, "北京市丰台区六里桥街道");
			org("丰台区总工会", "泛华集团工会", GRASSROOTS, WORKPLACE, null);
			org("丰台区总工会", "丰台区新就业形态劳动者联合工会", DISTRICT, JOINT, null);
			org("北京市总工会", "延庆区总工会", DISTRICT, FEDERATION, "北京市延庆区");
			// Units of 延庆's "May Flowers" singing competition: a town federation holds a grassroots round.
			org("延庆区总工会", "八达岭镇总工会", STREET, FEDERATION, "北京市延庆区八达岭镇");
			org("八达岭镇总工会", "八达岭长城旅游公司工会", GRASSROOTS, WORKPLACE, null);
			org("延庆区总工会", "延庆区医院工会", GRASSROOTS, WORKPLACE, null);
			org("延庆区总工会", "延庆区第一中学工会", GRASSROOTS, WORKPLACE, null);
			org("北京市总工会", "朝阳区总工会", DISTRICT, FEDERATION, "北京市朝阳区");
			org("朝阳区总工会", "陈经纶中学工会", GRASSROOTS, WORKPLACE, "北京市朝阳区");
			org("北京市总工会", "东城区总工会", DISTRICT, FEDERATION, "北京市东城区");
			org("东城区总工会", "龙潭街道总工会", STREET, FEDERATION, "北京市东城区龙潭街道");

			// Credit codes are fictitious; their check characters are computed so they validate.
			employer("京东快递（龙潭站）", "91110101MA01JD0001", Ownership.NEW_ECONOMY, 45, "北京市东城区龙潭街道", "龙潭街道总工会");
			employer("良苑餐厅", "92110101MA01LY0002", Ownership.PRIVATE, 18, "北京市东城区龙潭街道", "龙潭街道总工会");
			employer("泛华集团", "91110106MA01FH0003", Ownership.PRIVATE, 1200, "北京市丰台区", "泛华集团工会");
			employer("美团外卖丰台站点", "91110106MA01MT0004", Ownership.NEW_ECONOMY, 260, "北京市丰台区", "丰台区新就业形态劳动者联合工会");
			employer("北京市陈经纶中学", "12110105CJL000005", Ownership.STATE, 320, "北京市朝阳区", "陈经纶中学工会");
			employer("北京工商大学", "12110000BTBU00006", Ownership.STATE, 2100, "北京市房山区良乡高教园区", "北京工商大学工会");
			employer("北京公交集团物业管理中心", "91110000BPGW00007", Ownership.STATE, 680, "北京市", "物业管理中心工会");
			employer("中国劳动关系学院", "12100000CLR000008", Ownership.STATE, 900, "北京市海淀区增光路45号", "中国劳动关系学院工会");

			foundingDrive();
		}

		/**
		 * The founding drive (建会) of the seed page: unions that existed before the platform are entered as
		 * founded; 龙潭 is bringing its courier station and restaurant in; 丰台 "对非公企业、两新企业开展上门服务，
		 * 指导建家、建站工作": three firms without a union, visited by 丰台 staff, one follow-up overdue. Dates
		 * are relative to today, so the overdue list always has something to show.
		 */
		private void foundingDrive() {
			LocalDate today = LocalDate.ofInstant(now, OutreachVisitService.ZONE);
			String backfill = "系统上线前已建会，补录";
			for (String[] pair : new String[][] { { "泛华集团", "泛华集团工会" }, { "美团外卖丰台站点", "丰台区新就业形态劳动者联合工会" },
					{ "北京市陈经纶中学", "陈经纶中学工会" }, { "北京工商大学", "北京工商大学工会" }, { "北京公交集团物业管理中心", "物业管理中心工会" },
					{ "中国劳动关系学院", "中国劳动关系学院工会" } }) {
				status(pair[0], FoundingStatus.FOUNDED, ids.get(pair[1]), SYSTEM, SYSTEM_NAME, now, backfill, null);
			}

			String longtan = "longtan";
			String longtanName = "龙潭街道总工会工作人员";
			long liangyuan = visit("良苑餐厅", today.minusDays(30), longtan, longtanName, "社区工会联合会 李红",
					"走访辖区小微餐饮企业，宣传建会入会政策", "店主了解了建会流程，愿意考虑加入街道联合工会，需与合伙人商量。", today.minusDays(2), false);
			status("良苑餐厅", FoundingStatus.CONTACTED, null, longtan, longtanName, at(today.minusDays(30)), "走访辖区小微餐饮企业，宣传建会入会政策",
					liangyuan);
			status("京东快递（龙潭站）", FoundingStatus.CONTACTED, null, longtan, longtanName, at(today.minusDays(60)), "电话联系站点负责人，介绍快递员入会政策",
					null);
			long jd = visit("京东快递（龙潭站）", today.minusDays(15), longtan, longtanName, null, "指导站点筹备建会，推荐工会小组长人选",
					"站点负责人同意筹备，拟于下月召开会员大会，已报送快递员名单。", today.plusDays(10), false);
			status("京东快递（龙潭站）", FoundingStatus.PREPARING, null, longtan, longtanName, at(today.minusDays(15)), "指导站点筹备建会，推荐工会小组长人选",
					jd);

			employer("北京恒通达物流有限公司", "91110106MA01HT0009", Ownership.PRIVATE, 86, "北京市丰台区六里桥街道", "六里桥街道总工会");
			employer("北京云图互联科技有限公司", "91110106MA01YT0010", Ownership.NEW_ECONOMY, 140, "北京市丰台区丽泽商务区", "丰台区总工会");
			employer("北京康惠家政服务有限公司", "91110106MA01KH0011", Ownership.PRIVATE, 52, "北京市丰台区六里桥街道", "六里桥街道总工会");
			String fengtai = "fengtai";
			String fengtaiName = "丰台区总工会工作人员";
			visit("北京恒通达物流有限公司", today.minusDays(20), fengtai, fengtaiName, "六里桥街道总工会 王芳", "上门宣讲建会政策，了解职工构成",
					"企业负责人外出，已向行政部介绍建会流程并留下《基层工会组建指南》，约定两周内答复。", today.minusDays(6), false);
			visit("北京云图互联科技有限公司", today.minusDays(9), fengtai, fengtaiName, null, "对新经济组织开展上门服务，指导建家、建站工作",
					"企业有意建设职工之家，建会事宜需与总部沟通后答复。", today.plusDays(7), false);
			visit("北京康惠家政服务有限公司", today.minusDays(35), fengtai, fengtaiName, "六里桥街道总工会 王芳", "走访家政服务企业，宣传新就业形态劳动者入会政策",
					"发放入会宣传材料30份，企业同意组织家政员参加入会集中服务日。", today.minusDays(21), true);
		}

		private void status(String employer, FoundingStatus to, Long unionId, String actor, String actorName, Instant at, String note,
				Long visitId) {
			EmployerRepository.Row row = employers.findById(employerIds.get(employer)).orElseThrow();
			employers.updateFounding(row.employer().id(), row.employer().version(), to, unionId, now);
			foundingEvents.insert(new FoundingEvent(null, row.employer().id(), at, actor, actorName, row.foundingStatus(), to, unionId, note,
					visitId));
		}

		private long visit(String employer, LocalDate date, String staff, String staffName, String companions, String purpose, String result,
				LocalDate followUp, boolean done) {
			Instant recorded = at(date).plus(Duration.ofHours(7));
			return visits.insert(new OutreachVisit(null, employerIds.get(employer), date, staff, staffName, companions, purpose, result, followUp,
					done, done ? at(followUp) : null, done ? staff : null, recorded, recorded, 0));
		}

		/** 10 a.m. in Beijing on the day. */
		private Instant at(LocalDate date) {
			return date.atTime(10, 0).atZone(OutreachVisitService.ZONE).toInstant();
		}

		private void org(String parent, String name, OrganizationLevel level, OrganizationType type, String address) {
			Long parentId = parent == null ? null : ids.get(parent);
			long id = organizations.insert(parentId, name, level, type, parentId == null ? null : paths.get(parentId), address, now);
			ids.put(name, id);
			paths.put(id, parentId == null ? OrgPath.root(id) : paths.get(parentId).child(id));
		}

		private void employer(String name, String codeWithPlaceholderCheck, Ownership ownership, int headcount, String address,
				String organization) {
			String first17 = codeWithPlaceholderCheck.substring(0, 17);
			String code = first17 + CreditCode.checkCharacter(first17);
			employerIds.put(name, employers.insert(new Employer(null, name, code, ownership, headcount, address, ids.get(organization), now, now, 0)));
		}
	}
}
