package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.count;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work-plan pages over the demo plenary and plan: what 丰台's staff see, 404 outside the scope, 403 for a
 * worker, and bad input answering 400 with nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class WorkplanPageWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private int year() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
	}

	private long fengtaiPlan() {
		return jdbc.sql("select id from wp_plan where organization_id = :o and plan_year = :y").param("o", id(jdbc, "丰台区总工会")).param("y", year())
			.query(Long.class).single();
	}

	private long stationsTarget() {
		return jdbc.sql("select id from wp_target where plan_id = :p and metric = 'sites-opened.OUTDOOR_WORKER_STATION'").param("p", fengtaiPlan())
			.query(Long.class).single();
	}

	@Test
	void theDashboardShowsTheDemoPlanWithLivelihoodTargetsFirstAndTheChart() throws Exception {
		String html = mvc.perform(get("/workplan/dashboard").with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("style-src 'self' 'unsafe-inline'")))
			.andExpect(content().string(containsString("民生实事项目"))).andExpect(content().string(containsString("新建户外劳动者服务站点")))
			.andExpect(content().string(containsString("workplan-chart"))).andExpect(content().string(containsString("分解不足")))
			.andExpect(content().string(containsString(year() + " 年工作计划看板")))
			.andReturn().getResponse().getContentAsString();
		assertThat(html.indexOf("livelihood-targets")).isLessThan(html.indexOf("id=\"targets\""));
		// The chart reads its figures from the tables' rows: one computation for the page.
		assertThat(html).contains("data-label=\"新建户外劳动者服务站点\"").contains("data-value=\"50\"").doesNotContain("dashboard.json");
		mvc.perform(get("/workplan/dashboard.xlsx").param("org", Long.toString(id(jdbc, "丰台区总工会"))).param("year", Integer.toString(year()))
			.with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")));
	}

	@Test
	void aDashboardOutsideTheScopeIsNotFoundAndWorkersAreRefused() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		mvc.perform(get("/workplan/dashboard").param("org", Long.toString(fengtai)).with(as("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/workplan/dashboard.xlsx").param("org", Long.toString(fengtai)).param("year", Integer.toString(year())).with(as("chaoyang")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/workplan/plans/" + fengtaiPlan() + "/targets/" + stationsTarget()).with(as("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/workplan/plans/" + fengtaiPlan()).with(as("longtan"))).andExpect(status().isNotFound());
		mvc.perform(get("/workplan/dashboard").with(as("worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/workplan/plans").with(as("worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/workplan/meetings").with(as("worker"))).andExpect(status().isForbidden());
		mvc.perform(post("/workplan/plans/" + fengtaiPlan() + "/snapshots").with(as("chaoyang")).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void theStationsDrillDownListsTheChildrenAndTheStationsWithTheirOpeningDates() throws Exception {
		mvc.perform(get("/workplan/plans/" + fengtaiPlan() + "/targets/" + stationsTarget()).with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("六里桥街道总工会"))).andExpect(content().string(containsString("丰台站暖心驿站")))
			.andExpect(content().string(containsString("下级分配合计 40，少于目标 50")));
	}

	@Test
	void aCareTargetListsNoRecords() throws Exception {
		long care = jdbc.sql("select id from wp_target where plan_id = :p and metric = 'aid-covered'").param("p", fengtaiPlan()).query(Long.class).single();
		mvc.perform(get("/workplan/plans/" + fengtaiPlan() + "/targets/" + care).with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("count-only"))).andExpect(content().string(not(containsString("id=\"records\""))));
	}

	@Test
	void theMeetingPagesShowThePlenaryWithItsReportSpeechesAndMinutes() throws Exception {
		long meeting = jdbc.sql("select id from wp_meeting where term = 13 and session_no = 4").query(Long.class).single();
		mvc.perform(get("/workplan/meetings").with(as("fengtai"))).andExpect(status().isOk()).andExpect(content().string(containsString("第13届第4次全委会")));
		mvc.perform(get("/workplan/meetings").param("sort", "ORGANIZATION").with(as("fengtai"))).andExpect(status().isOk());
		mvc.perform(get("/workplan/meetings/" + meeting).with(as("fengtai"))).andExpect(status().isOk()).andExpect(content().string(containsString("王华")))
			.andExpect(content().string(containsString("泛华集团工会"))).andExpect(content().string(containsString("丰台区教育工会")));
		mvc.perform(get("/workplan/meetings/" + meeting).with(as("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/workplan/meetings/" + meeting + "/minutes.pdf").with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		mvc.perform(get("/workplan/meetings/new").with(as("fengtai"))).andExpect(status().isOk());
	}

	@Test
	void aPlanIsMadeOnTheFormAndBadInputStoresNothing() throws Exception {
		long chaoyang = id(jdbc, "朝阳区总工会");
		long plansBefore = count(jdbc, "wp_plan");
		mvc.perform(get("/workplan/plans/new").with(as("chaoyang"))).andExpect(status().isOk()).andExpect(content().string(containsString("新建户外劳动者服务站点")));
		mvc.perform(post("/workplan/plans/new").with(as("chaoyang")).with(csrf()).param("organizationId", Long.toString(chaoyang)).param("year", "2100")
			.param("targets[0].metric", "nothing").param("targets[0].value", "0")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("没有这个指标")));
		mvc.perform(post("/workplan/plans/new").with(as("chaoyang")).with(csrf()).param("organizationId", Long.toString(chaoyang)).param("year", "abc"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/workplan/plans/new").with(as("chaoyang")).with(csrf()).param("organizationId", Long.toString(chaoyang)).param("year", "2099")
			.param("targets[0].metric", "sites-opened.WORKERS_HOME").param("targets[0].value", "3").param("targets[0].milestones", "1,2,x"))
			.andExpect(status().isBadRequest());
		// Another district's organisation: as unknown as a missing one.
		mvc.perform(post("/workplan/plans/new").with(as("chaoyang")).with(csrf()).param("organizationId", Long.toString(id(jdbc, "丰台区总工会")))
			.param("year", "2099")).andExpect(status().isBadRequest());
		assertThat(count(jdbc, "wp_plan")).isEqualTo(plansBefore);
		mvc.perform(post("/workplan/plans/new").with(as("chaoyang")).with(csrf()).param("organizationId", Long.toString(chaoyang)).param("year", "2099")
			.param("priorities[0].text", "建设职工之家").param("targets[0].metric", "sites-opened.WORKERS_HOME").param("targets[0].value", "3")
			.param("targets[0].livelihood", "true")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/workplan/plans/*"));
		assertThat(count(jdbc, "wp_plan")).isEqualTo(plansBefore + 1);
		assertThat(jdbc.sql("select livelihood from wp_target t join wp_plan p on p.id = t.plan_id where p.plan_year = 2099").query(Boolean.class).single())
			.isTrue();
		mvc.perform(get("/workplan/plans").param("year", "2099").with(as("chaoyang"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("2099年工作计划")));
	}

	@Test
	void aMeetingIsRecordedOnTheFormAndAdoptsTheDraftBadInputStoresNothing() throws Exception {
		long chaoyang = id(jdbc, "朝阳区总工会");
		long plan = jdbc.sql("insert into wp_plan (organization_id, organization_path, plan_year, title, status, created_by, created_at, updated_at)"
				+ " values (:o, :p, 2098, '2098年工作计划', 'DRAFT', 'test', current_timestamp, current_timestamp)").param("o", chaoyang)
			.param("p", org.gonghui.TestOrganizations.path(jdbc, chaoyang)).update() > 0
				? jdbc.sql("select id from wp_plan where plan_year = 2098").query(Long.class).single() : 0;
		long before = count(jdbc, "wp_meeting");
		mvc.perform(post("/workplan/meetings/new").with(as("chaoyang")).with(csrf()).param("organizationId", Long.toString(chaoyang)).param("kind", "PLENARY")
			.param("term", "abc")).andExpect(status().isBadRequest());
		mvc.perform(post("/workplan/meetings/new").with(as("chaoyang")).with(csrf()).param("organizationId", Long.toString(chaoyang)).param("kind", "PLENARY")
			.param("term", "5").param("session", "2").param("date", "2098-01-10").param("membersTotal", "20").param("membersPresent", "30"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("实到人数不能超过应到人数")));
		assertThat(count(jdbc, "wp_meeting")).isEqualTo(before);
		mvc.perform(get("/workplan/meetings/new").param("adoptsPlanId", Long.toString(plan)).with(as("chaoyang"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("审议通过《2098年工作计划》")));
		mvc.perform(post("/workplan/meetings/new").with(as("chaoyang")).with(csrf()).param("organizationId", Long.toString(chaoyang)).param("kind", "PLENARY")
			.param("term", "5").param("session", "2").param("date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()).param("membersTotal", "20")
			.param("membersPresent", "18").param("speeches[0].organization", "陈经纶中学工会").param("speeches[0].title", "发言")
			.param("resolutions[0].title", "审议通过《2098年工作计划》").param("resolutions[0].votesFor", "18").param("resolutions[0].votesAgainst", "0")
			.param("resolutions[0].votesAbstain", "0").param("adoptsPlanId", Long.toString(plan)).param("adoptingRow", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select status from wp_plan where id = :id").param("id", plan).query(String.class).single()).isEqualTo("ADOPTED");
	}

	@Test
	void aTargetIsSplitOnThePageAndAShareOutsideTheChildrenStoresNothing() throws Exception {
		long plan = fengtaiPlan();
		long target = jdbc.sql("select id from wp_target where plan_id = :p and metric = 'sites-opened.WORKERS_HOME'").param("p", plan).query(Long.class)
			.single();
		long liuliqiao = id(jdbc, "六里桥街道总工会");
		mvc.perform(get("/workplan/plans/" + plan + "/targets/" + target + "/split").with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("六里桥街道总工会")));
		long targets = count(jdbc, "wp_target");
		mvc.perform(post("/workplan/plans/" + plan + "/targets/" + target + "/split").with(as("fengtai")).with(csrf())
			.param("organizationId", Long.toString(id(jdbc, "龙潭街道总工会"))).param("value", "1")).andExpect(status().isBadRequest());
		mvc.perform(post("/workplan/plans/" + plan + "/targets/" + target + "/split").with(as("fengtai")).with(csrf())
			.param("organizationId", Long.toString(liuliqiao)).param("value", "zwei")).andExpect(status().isBadRequest());
		assertThat(count(jdbc, "wp_target")).isEqualTo(targets);
		mvc.perform(post("/workplan/plans/" + plan + "/targets/" + target + "/split").with(as("fengtai")).with(csrf())
			.param("organizationId", Long.toString(liuliqiao)).param("value", "1")).andExpect(status().is3xxRedirection());
		assertThat(count(jdbc, "wp_target")).isEqualTo(targets + 1);
	}

	@Test
	void aSnapshotTakenOnThePageFreezesTheFigures() throws Exception {
		mvc.perform(post("/workplan/plans/" + fengtaiPlan() + "/snapshots").with(as("fengtai")).with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/workplan/snapshots/*"));
		long snapshot = jdbc.sql("select max(id) from wp_snapshot").query(Long.class).single();
		mvc.perform(get("/workplan/snapshots/" + snapshot).with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("新建户外劳动者服务站点")));
		mvc.perform(get("/workplan/snapshots/" + snapshot).with(as("chaoyang"))).andExpect(status().isNotFound());
		long frozen = jdbc.sql("select t.id from wp_snapshot_target t where t.snapshot_id = :s and t.metric = 'sites-opened.OUTDOOR_WORKER_STATION'")
			.param("s", snapshot).query(Long.class).single();
		mvc.perform(get("/workplan/snapshots/" + snapshot + "/targets/" + frozen).with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("丰台站暖心驿站")));
		mvc.perform(get("/workplan/dashboard").with(as("fengtai"))).andExpect(status().isOk()).andExpect(content().string(containsString("/workplan/snapshots/" + snapshot)));
	}
}
