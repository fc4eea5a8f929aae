package org.gonghui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.gonghui.BrowserTestSupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page, at 1440 px for staff and at 375 px for everyone, as the person who uses it: each must answer
 * with its heading, no error page, no sideways scrolling on the phone (wide tables scroll inside their own
 * box), no Content-Security-Policy violation. Each page is saved as target/screenshots/tour-*.png for a
 * person to look at.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class PageTourBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long first(String sql) {
		return jdbc.sql(sql).query(Long.class).list().get(0);
	}

	private List<String> staffPages() {
		long fengtai = TestOrganizations.id(jdbc, "丰台区总工会");
		long member = first("select id from member where name = '王强'");
		long site = first("select s.id from site s join organization o on o.id = s.organization_id where o.path like '"
				+ TestOrganizations.path(jdbc, fengtai) + "%' order by s.id");
		long employer = first("select e.id from employer e join organization o on o.id = e.organization_id where o.path like '"
				+ TestOrganizations.path(jdbc, fengtai) + "%' order by e.id");
		// 丰台's demo data holds no activity of its own; other browser tests sharing this context may add some.
		List<Long> activities = jdbc.sql("select a.id from activity a join organization o on o.id = a.organization_id where o.path like '"
				+ TestOrganizations.path(jdbc, fengtai) + "%' and a.kind <> 'COMPETITION' order by a.id").query(Long.class).list();
		long honoree = first("select id from honoree where name = '梁志刚'");
		List<String> pages = new ArrayList<>(List.of("/", "/organizations", "/organizations/" + fengtai, "/organizations/" + fengtai + "/move", "/organizations/new",
				"/employers", "/employers/" + employer, "/employers/new", "/visits", "/visits/overdue", "/members", "/members/" + member,
				"/members/applications", "/members/coverage", "/members/welcome-packages?districtId=" + fengtai, "/members/import",
				"/sites/manage", "/sites/manage/" + site, "/sites/manage/new", "/sites/manage/import", "/sites/manage/feedback",
				"/activities/manage", "/activities/manage/new", "/caravans", "/caravans/new",
				"/competitions", "/competitions/new", "/honorees", "/honorees/new", "/honorees/" + honoree, "/showcase", "/accounts", "/accounts/new", "/account/password",
				"/search", "/search?q=王强", "/search?q=驿站&kind=SITE"));
		activities.stream().findFirst().ifPresent(a -> pages.add("/activities/manage/" + a));
		// The booklet pages; a booklet of 丰台's own when another test has made one (the demo's is 北京公交's).
		long plenary = first("select id from news_article where headline like '今年将建3个%'");
		pages.addAll(List.of("/articles", "/articles/new", "/articles/contributors?from=2026-01-01", "/articles/" + plenary, "/news/" + plenary));
		pages.addAll(List.of("/booklets", "/booklets/new", "/booklets/new?unit=" + TestOrganizations.id(jdbc, "泛华集团工会")));
		jdbc.sql("select b.id from booklet b join organization o on o.id = b.organization_id where o.path like '" + TestOrganizations.path(jdbc, fengtai)
				+ "%' order by b.id").query(Long.class).list().stream().findFirst().ifPresent(b -> pages.add("/booklets/" + b));
		// 丰台's demo selection: the campaign, its nomination form, an enterprise head awaiting sign-offs, the running notice.
		long campaign = first("select id from honor_campaign where title like '%丰台区工匠评选'");
		pages.addAll(List.of("/care/counsellors/manage", "/care/counsellors/manage/new"));
		pages.addAll(List.of("/care/satisfaction", "/care/satisfaction/comments", "/care/satisfaction/comments?status=ALL"));
		pages.addAll(List.of("/care/figures", "/campaigns", "/calendar/2026", "/campaigns/new", "/campaigns/" + campaign, "/campaigns/" + campaign + "/nominate",
				"/nominations/" + first("select id from honor_nomination where name = '罗建民'"),
				"/nominations/" + first("select id from honor_nomination where name = '马卫国'")));
		jdbc.sql("select notice_id from honor_nomination where name = '高志远' and notice_id is not null").query(Long.class).optional()
			.ifPresent(notice -> pages.add("/notices/" + notice));
		return pages;
	}

	private static final List<String> WORKER_PAGES = List.of("/", "/me", "/activities", "/my/registrations", "/sites", "/account/password", "/care", "/care/assess/PHQ9", "/care/assessments",
			"/care/counsellors", "/care/counsellors?discreet=true", "/care/appointments", "/care/appointments/consents", "/care/ratings");

	/** The worker's pages, with the rating pages of the demo courier's caravan and of his phone appointment (rated or not). */
	private List<String> workerPages() {
		List<String> pages = new ArrayList<>(WORKER_PAGES);
		pages.add("/care/ratings/activity/" + first("select id from activity where title = '心理关爱大篷车走进京东快递龙潭站'"));
		pages.add("/care/ratings/appointment/" + first("select b.id from care_booking b join member m on m.id = b.member_id where m.name = '张伟'"
				+ " and b.status = 'DONE' order by b.id"));
		long zhangClaim = first("select c.id from aid_claim c join member m on m.id = c.member_id where m.name = '张伟' order by c.id");
		pages.addAll(List.of("/aid/my", "/aid/my/claims/" + zhangClaim, "/aid/my/claims/new?cover="
				+ first("select cover_id from aid_claim where id = " + zhangClaim)));
		return pages;
	}

	private static final List<String> PUBLIC_PAGES = List.of("/login", "/join", "/privacy", "/me/claim", "/sites", "/competitions", "/showcase",
			"/gongshi", "/news", "/news/tags/心理关爱", "/search", "/search?q=驿站");

	@Test
	void everyStaffPageOnTheDesktopAndOnAPhone() {
		List<String> problems = new ArrayList<>();
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			desk.signIn("fengtai");
			tour(desk, staffPages(), "staff-1440", false, problems);
		}
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			phone.signIn("fengtai");
			tour(phone, staffPages(), "staff-375", true, problems);
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyWorkerAndPublicPageOnAPhoneAndOnTheDesktop() {
		List<String> problems = new ArrayList<>();
		try (Browser phone = BrowserTestSupport.phone("http://localhost:" + port, 375, 800)) {
			tour(phone, PUBLIC_PAGES, "public-375", true, problems);
			phone.signIn("worker");
			tour(phone, workerPages(), "worker-375", true, problems);
		}
		try (Browser desk = BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
			tour(desk, PUBLIC_PAGES, "public-1440", false, problems);
			desk.signIn("worker");
			tour(desk, workerPages(), "worker-1440", false, problems);
		}
		assertThat(problems).isEmpty();
	}

	/** Mutual aid: 丰台 on its plans, the 泛华 enrolment, claims and figures; 北京 on the accident plan, 龙潭's enrolment and 张伟's claim. */
	@Test
	void everyAidPageOnTheDesktopAndOnAPhone() {
		List<String> problems = new ArrayList<>();
		long hospital = first("select id from aid_plan where name = '北京市在职职工住院医疗互助保障'");
		long accident = first("select id from aid_plan where name = '北京市职工意外伤害互助保障'");
		List<String> fengtai = List.of("/aid/plans", "/aid/plans/new", "/aid/plans/" + hospital,
				"/aid/enrolments/" + first("select e.id from aid_enrolment e join organization o on o.id = e.union_id where o.name = '泛华集团工会' order by e.id"),
				"/aid/claims", "/aid/claims?overdue=true",
				"/aid/claims/" + first("select c.id from aid_claim c join member m on m.id = c.member_id where m.name = '周杰' order by c.id"), "/aid/figures");
		List<String> beijing = List.of("/aid/plans/" + accident,
				"/aid/enrolments/" + first("select e.id from aid_enrolment e join organization o on o.id = e.union_id where o.name = '龙潭街道总工会' order by e.id"),
				"/aid/claims/" + first("select c.id from aid_claim c join member m on m.id = c.member_id where m.name = '张伟' order by c.id"));
		for (boolean phone : new boolean[] { false, true }) {
			for (var visit : java.util.Map.of("fengtai", fengtai, "beijing", beijing).entrySet()) {
				try (Browser browser = phone ? BrowserTestSupport.phone("http://localhost:" + port, 375, 800)
						: BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
					browser.signIn(visit.getKey());
					tour(browser, visit.getValue(), visit.getKey() + (phone ? "-375" : "-1440"), phone, problems);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** Work plans: 丰台 on the dashboard, a target's drill-down and split, the plans, the plenary and the forms. */
	@Test
	void everyWorkplanPageOnTheDesktopAndOnAPhone() {
		List<String> problems = new ArrayList<>();
		long fengtai = TestOrganizations.id(jdbc, "丰台区总工会");
		long plan = first("select id from wp_plan where organization_id = " + fengtai + " order by plan_year desc");
		long stations = first("select id from wp_target where plan_id = " + plan + " and metric = 'sites-opened.OUTDOOR_WORKER_STATION'");
		long plenary = first("select id from wp_meeting where organization_id = " + fengtai + " and term = 13 and session_no = 4");
		List<String> pages = List.of("/workplan/dashboard", "/workplan/plans/" + plan + "/targets/" + stations,
				"/workplan/plans/" + plan + "/targets/" + stations + "/split", "/workplan/plans", "/workplan/plans/" + plan, "/workplan/plans/new",
				"/workplan/meetings", "/workplan/meetings/" + plenary, "/workplan/meetings/new");
		for (boolean phone : new boolean[] { false, true }) {
			try (Browser browser = phone ? BrowserTestSupport.phone("http://localhost:" + port, 375, 800)
					: BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
				browser.signIn("fengtai");
				tour(browser, pages, "workplan" + (phone ? "-375" : "-1440"), phone, problems);
			}
		}
		assertThat(problems).isEmpty();
	}

	/** Standardisation: 丰台 on the campaigns, the ranking, the appealed 泛华 and the set-up forms; the union's chairs on their own assessment. */
	@Test
	void everyStandardisationPageOnTheDesktopAndOnAPhone() {
		List<String> problems = new ArrayList<>();
		long campaign = first("select id from std_campaign order by id");
		String fanhua = "/standard/assessments/" + first("select a.id from std_assessment a join organization o on o.id = a.union_id where o.name = '泛华集团工会'");
		String education = "/standard/assessments/"
				+ first("select a.id from std_assessment a join organization o on o.id = a.union_id where o.name = '丰台区教育工会'");
		var visits = java.util.Map.of("fengtai", List.of("/standard", "/standard/campaigns/" + campaign, "/standard/campaigns/" + campaign + "?sort=name",
				education, fanhua, "/standard/templates/new", "/standard/campaigns/new"), "fanhua", List.of("/standard", fanhua), "fengjiao", List.of(education));
		for (boolean phone : new boolean[] { false, true }) {
			for (var visit : visits.entrySet()) {
				try (Browser browser = phone ? BrowserTestSupport.phone("http://localhost:" + port, 375, 800)
						: BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
					browser.signIn(visit.getKey());
					tour(browser, visit.getValue(), visit.getKey() + (phone ? "-375" : "-1440"), phone, problems);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The counsellor's desk, and 朝阳's staff on a counsellor of theirs (the demo counsellors serve 朝阳). */
	@Test
	void everyCounsellorPageOnTheDesktopAndOnAPhone() {
		List<String> problems = new ArrayList<>();
		long li = first("select id from care_counsellor where name = '李静'");
		long session = first("select id from care_assessment_session order by id");
		long noted = first("select booking_id from care_session_note order by id");
		List<String> desk = List.of("/care/desk/slots", "/care/desk/bookings", "/care/desk/bookings/" + noted + "/note", "/care/desk/referrals",
				"/care/desk/sessions", "/care/desk/sessions/" + session, "/care/desk/ratings");
		List<String> staff = List.of("/care/counsellors/manage", "/care/counsellors/manage/" + li);
		for (boolean phone : new boolean[] { false, true }) {
			for (var visit : java.util.Map.of("counsellor", desk, "chaoyang", staff).entrySet()) {
				try (Browser browser = phone ? BrowserTestSupport.phone("http://localhost:" + port, 375, 800)
						: BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
					browser.signIn(visit.getKey());
					tour(browser, visit.getValue(), visit.getKey() + (phone ? "-375" : "-1440"), phone, problems);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * News: 丰台 on the reviewers page, a draft with two captioned photos (the upload form) and the plenary's report
	 * with the same photos on the staff and the public page. The photos and the draft are removed afterwards.
	 */
	@Test
	void everyNewsPageOnTheDesktopAndOnAPhone() throws Exception {
		List<String> problems = new ArrayList<>();
		long fengtai = TestOrganizations.id(jdbc, "丰台区总工会");
		long plenary = first("select id from news_article where headline like '今年将建3个%'");
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into news_article (organization_id, headline, body, status, created_by, created_at, updated_at)"
				+ " values (:o, '丰台区职工运动会开幕', '<p>本报讯（记者 边磊）近日，丰台区职工运动会开幕。</p>', 'DRAFT', 'fengtai', current_timestamp, current_timestamp)")
			.param("o", fengtai).update(keys, "id");
		long draft = keys.getKeyAs(Number.class).longValue();
		try {
			for (long article : List.of(plenary, draft)) {
				photo(article, 1, "丰台区总工会第十三届委员会第四次全体会议现场", 1200, 800);
				photo(article, 2, "与会代表审议工作报告，举手表决通过今年工作要点和三个服务站点的建设计划", 800, 1000);
			}
			List<String> pages = List.of("/articles/reviewers", "/articles/reviewers?organizationId=" + TestOrganizations.id(jdbc, "六里桥街道总工会"),
					"/articles/" + draft, "/articles/" + plenary, "/news/" + plenary);
			for (boolean phone : new boolean[] { false, true }) {
				try (Browser browser = phone ? BrowserTestSupport.phone("http://localhost:" + port, 375, 800)
						: BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
					browser.signIn("fengtai");
					tour(browser, pages, "news" + (phone ? "-375" : "-1440"), phone, problems);
				}
			}
		}
		finally {
			jdbc.sql("delete from news_photo where article_id in (:a)").param("a", List.of(plenary, draft)).update();
			jdbc.sql("delete from news_article where id = :a").param("a", draft).update();
		}
		assertThat(problems).isEmpty();
	}

	/** The record pages with the 生成新闻稿 button: 丰台's plenary and craftsman conferment, 延庆's competition with results. */
	@Test
	void everyPageThatDraftsAReportOnTheDesktopAndOnAPhone() {
		List<String> problems = new ArrayList<>();
		long plenary = first("select id from wp_meeting where term = 13 and session_no = 4");
		long campaign = first("select id from honor_campaign where title like '%丰台区工匠评选'");
		long competition = first("select id from activity where title = '“五月的鲜花”职工歌咏比赛'");
		for (boolean phone : new boolean[] { false, true }) {
			for (String[] visit : new String[][] { { "fengtai", "/workplan/meetings/" + plenary, "/campaigns/" + campaign },
					{ "yanqing", "/activities/manage/" + competition + "#competition" } }) {
				try (Browser browser = phone ? BrowserTestSupport.phone("http://localhost:" + port, 375, 800)
						: BrowserTestSupport.desktop("http://localhost:" + port, 1440, 1000)) {
					browser.signIn(visit[0]);
					tour(browser, List.of(visit).subList(1, visit.length), "drafts" + (phone ? "-375" : "-1440"), phone, problems);
					if (browser.driver().findElements(By.id("draft-article")).isEmpty()) {
						problems.add(visit[0] + ": no 生成新闻稿 button on " + visit[visit.length - 1]);
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** A photo of a landscape or portrait shape: a sky-to-ground gradient with a few shapes, so the layout shows. */
	private void photo(long article, int position, String caption, int width, int height) throws java.io.IOException {
		var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(120, 170, 220), 0, height, new java.awt.Color(200, 60, 50)));
		g.fillRect(0, 0, width, height);
		g.setColor(new java.awt.Color(250, 240, 200));
		g.fillOval(width / 3, height / 4, width / 3, height / 3);
		g.dispose();
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpg", out);
		jdbc.sql("insert into news_photo (article_id, position, caption, credit_name, content_type, content, byte_size, width, height, uploaded_by,"
				+ " uploaded_at) values (:a, :p, :c, '杜弘光', 'image/jpeg', :b, :s, :w, :h, 'fengtai', current_timestamp)")
			.param("a", article).param("p", position).param("c", caption).param("b", out.toByteArray()).param("s", out.size()).param("w", width)
			.param("h", height).update();
	}

	private static void tour(Browser browser, List<String> pages, String label, boolean phone, List<String> problems) {
		for (String page : pages) {
			int violations = browser.cspViolations().size();
			browser.get(page);
			browser.waitForPage();
			String name = "tour-" + label + page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
			browser.screenshot(name);
			String title = browser.driver().getTitle();
			if (browser.driver().findElements(By.tagName("h1")).isEmpty() || title.contains("出错") || title.contains("Error")) {
				problems.add(label + " " + page + ": no heading or an error page (" + title + ")");
			}
			if (phone && browser.horizontalOverflow() > 0) {
				problems.add(label + " " + page + ": scrolls sideways by " + browser.horizontalOverflow() + " px");
			}
			List<String> csp = browser.cspViolations();
			if (csp.size() > violations) {
				problems.add(label + " " + page + ": " + csp.subList(violations, csp.size()));
			}
		}
	}
}
