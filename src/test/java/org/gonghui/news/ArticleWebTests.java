package org.gonghui.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.TestOrganizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles over HTTP: the acceptance paths (POST /api/articles, the moves, the public list and page), three
 * different people signing the three reviews, only legal moves by the right roles, a withdrawn article gone from
 * the public pages, the data scope (another district's article is 404, as a missing one), bad input that stores
 * nothing, the sanitised body, the seed page imported with its bylines and links, the feed and share metadata.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class ArticleWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private ResultActions api(String user, String method, String path, String json) throws Exception {
		var request = switch (method) {
			case "PUT" -> put(path);
			case "GET" -> get(path);
			default -> post(path);
		};
		return mvc.perform(request.with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json == null ? "" : json));
	}

	private long create(String user, String org, String headline) throws Exception {
		String json = "{\"organizationId\":" + id(jdbc, org) + ",\"headline\":\"" + headline + "\",\"kicker\":\"学习劳模精神\","
				+ "\"body\":\"<p>本报讯（记者 边磊）近日，职工参观学习。</p><script>alert(1)</script>\","
				+ "\"bylines\":[{\"role\":\"记者\",\"name\":\"边磊\"},{\"role\":\"CORRESPONDENT\",\"name\":\"王芳\"}],\"tags\":[\"参观学习\"]}";
		String answer = api(user, "POST", "/api/articles", json).andExpect(status().isCreated()).andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.status").value("DRAFT")).andReturn().getResponse().getContentAsString();
		return Long.parseLong(answer.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

	private void reviewedBy(long id, String... reviewers) throws Exception {
		for (String r : reviewers) {
			api(r, "POST", "/api/articles/" + id + "/review", "{}").andExpect(status().isOk());
		}
	}

	@Test
	void theWholeWorkflowSignedAndKept() throws Exception {
		long id = create("longtan", "龙潭街道总工会", "汲取榜样力量");
		assertThat(jdbc.sql("select body from news_article where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("<p>本报讯（记者 边磊）近日，职工参观学习。</p>");
		api("longtan", "POST", "/api/articles/" + id + "/publish", null).andExpect(status().isConflict());
		api("longtan", "POST", "/api/articles/" + id + "/submit", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.nextStage").value("EDITOR"));
		// The writer signs the first review as 责任编辑, but never a later one.
		reviewedBy(id, "longtan");
		api("longtan", "POST", "/api/articles/" + id + "/review", "{}").andExpect(status().isConflict());
		reviewedBy(id, "beijing");
		// The same person cannot sign two stages of one round.
		api("beijing", "POST", "/api/articles/" + id + "/review", "{}").andExpect(status().isConflict());
		api("admin", "POST", "/api/articles/" + id + "/review", "{\"note\":\"同意发布\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVIEWED")).andExpect(jsonPath("$.stagesSigned").value(3));
		api("longtan", "POST", "/api/articles/" + id + "/publish", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));

		mvc.perform(get("/api/public/articles").param("organizationId", String.valueOf(id(jdbc, "东城区总工会")))).andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
		mvc.perform(get("/news/" + id)).andExpect(status().isOk()).andExpect(content().string(containsString("汲取榜样力量")))
			.andExpect(content().string(containsString("记者 边磊 通讯员 王芳")))
			.andExpect(content().string(containsString("property=\"og:title\" content=\"汲取榜样力量\"")))
			.andExpect(content().string(not(containsString("<script>alert"))));

		api("longtan", "POST", "/api/articles/" + id + "/withdraw", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		api("longtan", "POST", "/api/articles/" + id + "/withdraw", "{\"reason\":\"人名有误\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.withdrawnReason").value("人名有误"));
		mvc.perform(get("/news/" + id)).andExpect(status().isNotFound());
		mvc.perform(get("/api/public/articles/" + id)).andExpect(status().isNotFound());
		mvc.perform(get("/api/public/articles").param("organizationId", String.valueOf(id(jdbc, "龙潭街道总工会"))))
			.andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));

		var actions = jdbc.sql("select action || ':' || actor from news_step where article_id = :id order by id").param("id", id).query(String.class).list();
		assertThat(actions).containsExactly("CREATE:longtan", "SUBMIT:longtan", "REVIEW:longtan", "REVIEW:beijing", "REVIEW:admin", "PUBLISH:longtan",
				"WITHDRAW:longtan");
		assertThat(jdbc.sql("select count(*) from audit_entry where target_type = 'article' and target_id = :id").param("id", String.valueOf(id))
			.query(Long.class).single()).isGreaterThanOrEqualTo(7);
	}

	@Test
	void sendingBackNeedsANoteAndStartsAgain() throws Exception {
		long id = create("fengtai", "丰台区总工会", "丰台区建设暖心驿站");
		api("fengtai", "POST", "/api/articles/" + id + "/submit", null).andExpect(status().isOk());
		api("beijing", "POST", "/api/articles/" + id + "/review", "{\"approve\":false}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		api("beijing", "POST", "/api/articles/" + id + "/review", "{\"approve\":false,\"note\":\"补充数据\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT"));
		api("fengtai", "PUT", "/api/articles/" + id, "{\"organizationId\":" + id(jdbc, "丰台区总工会")
				+ ",\"headline\":\"丰台区今年建设50个暖心驿站\",\"body\":\"<p>正文</p>\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.headline").value("丰台区今年建设50个暖心驿站"));
		api("fengtai", "POST", "/api/articles/" + id + "/submit", null).andExpect(status().isOk()).andExpect(jsonPath("$.stagesSigned").value(0));
		// A new round: who signed in the last one may sign again.
		reviewedBy(id, "beijing");
	}

	@Test
	void namedReviewersAloneSignTheirStage() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		api("fengtai", "PUT", "/api/articles/reviewers?organizationId=" + fengtai, "{\"stage\":\"DEPARTMENT_HEAD\",\"usernames\":[\"beijing\"]}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.DEPARTMENT_HEAD[0]").value("beijing"));
		api("fengtai", "PUT", "/api/articles/reviewers?organizationId=" + fengtai, "{\"stage\":\"LEADER\",\"usernames\":[\"worker\"]}")
			.andExpect(status().isBadRequest());
		long id = create("fengtai", "六里桥街道总工会", "六里桥街道建会入会");
		api("fengtai", "POST", "/api/articles/" + id + "/submit", null).andExpect(status().isOk());
		reviewedBy(id, "fengtai");
		api("admin", "POST", "/api/articles/" + id + "/review", "{}").andExpect(status().isForbidden());
		reviewedBy(id, "beijing", "admin");
		api("fengtai", "GET", "/api/articles/" + id, null).andExpect(jsonPath("$.status").value("REVIEWED"));
	}

	@Test
	void scopeAndRoles() throws Exception {
		long id = create("longtan", "龙潭街道总工会", "龙潭街道职工参观学习");
		String missing = api("fengtai", "GET", "/api/articles/999999999", null).andExpect(status().isNotFound()).andReturn().getResponse()
			.getContentAsString();
		String other = api("fengtai", "GET", "/api/articles/" + id, null).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
		assertThat(other.replace(String.valueOf(id), "N")).isEqualTo(missing.replace("999999999", "N"));
		api("fengtai", "POST", "/api/articles/" + id + "/submit", null).andExpect(status().isNotFound());
		api("chaoyang", "GET", "/api/articles", null).andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));
		// A district cannot write for another district's union.
		api("fengtai", "POST", "/api/articles", "{\"organizationId\":" + id(jdbc, "龙潭街道总工会") + ",\"headline\":\"越权\",\"body\":\"<p>x</p>\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("organizationId"));
		api("worker", "POST", "/api/articles", "{\"organizationId\":" + id(jdbc, "龙潭街道总工会") + ",\"headline\":\"职工\",\"body\":\"<p>x</p>\"}")
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/articles")).andExpect(status().isUnauthorized());
		// A union chair writes and submits, but review and publication are the federation's staff's.
		long chair = create("fanhua", "泛华集团工会", "泛华集团工会交流发言");
		api("fanhua", "POST", "/api/articles/" + chair + "/submit", null).andExpect(status().isOk());
		api("fanhua", "POST", "/api/articles/" + chair + "/review", "{}").andExpect(status().isForbidden());
		// Drafts never show in public.
		mvc.perform(get("/news/" + id)).andExpect(status().isNotFound());
		mvc.perform(get("/api/public/articles/" + id)).andExpect(status().isNotFound());
	}

	@Test
	void badInputStoresNothing() throws Exception {
		long before = TestOrganizations.count(jdbc, "news_article");
		long org = id(jdbc, "龙潭街道总工会");
		String[] bodies = { "{}", "{\"organizationId\":" + org + ",\"body\":\"<p>x</p>\"}",
				"{\"organizationId\":" + org + ",\"headline\":\"标题\",\"body\":\"<script>only()</script>\"}",
				"{\"organizationId\":" + org + ",\"headline\":\"" + "长".repeat(101) + "\",\"body\":\"<p>x</p>\"}",
				"{\"organizationId\":" + org + ",\"headline\":\"标题\",\"body\":\"<p>x</p>\",\"bylines\":[{\"role\":\"主编\",\"name\":\"王\"}]}",
				"{\"organizationId\":" + org + ",\"headline\":\"标题\",\"body\":\"<p>x</p>\",\"bylines\":[{\"role\":\"记者\"}]}",
				"{\"organizationId\":" + org + ",\"headline\":\"标题\",\"body\":\"<p>x</p>\",\"bylines\":[{\"role\":\"记者\",\"username\":\"nobody\"}]}",
				"{\"organizationId\":" + org + ",\"headline\":\"标题\",\"body\":\"<p>x</p>\",\"links\":[{\"kind\":\"PLANET\",\"id\":1}]}",
				"{\"organizationId\":" + org + ",\"headline\":\"标题\",\"body\":\"<p>x</p>\",\"links\":[{\"kind\":\"SITE\",\"id\":-1}]}",
				"{\"organizationId\":" + org + ",\"headline\":\"标题\",\"body\":\"<p>x</p>\",\"tags\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]}",
				"{\"organizationId\":" + org + ",\"headline\":\"标\\u0007题\",\"body\":\"<p>x</p>\"}" };
		for (String body : bodies) {
			api("longtan", "POST", "/api/articles", body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").exists());
		}
		api("longtan", "POST", "/api/articles", "{not json").andExpect(status().isBadRequest());
		assertThat(TestOrganizations.count(jdbc, "news_article")).isEqualTo(before);
		long id = create("longtan", "龙潭街道总工会", "草稿");
		api("longtan", "POST", "/api/articles/" + id + "/withdraw", "{\"reason\":\"x\"}").andExpect(status().isConflict());
		api("longtan", "POST", "/api/articles/" + id + "/review", "{}").andExpect(status().isConflict());
		api("longtan", "PUT", "/api/articles/" + id, "{\"organizationId\":" + org + ",\"headline\":\"\",\"body\":\"<p>x</p>\"}")
			.andExpect(status().isBadRequest());
		api("longtan", "GET", "/api/articles/" + id, null).andExpect(jsonPath("$.headline").value("草稿"));
	}

	@Test
	void theSeedPageIsPublishedWithItsBylinesAndRecords() throws Exception {
		var headlines = jdbc.sql("select headline from news_article where created_by = 'system' and status = 'PUBLISHED' order by id")
			.query(String.class).list();
		assertThat(headlines).hasSize(7).contains("汲取榜样力量", "北京工商大学工会举办廉洁主题心理辅导");
		long visit = jdbc.sql("select a.id from news_article a where a.headline = '汲取榜样力量'").query(Long.class).single();
		assertThat(jdbc.sql("select role || ' ' || name from news_byline where article_id = :a order by position").param("a", visit)
			.query(String.class).list()).containsExactly("REPORTER 边磊", "PHOTOGRAPHER 边磊");
		assertThat(jdbc.sql("select o.name from news_article a join organization o on o.id = a.organization_id where a.id = :a").param("a", visit)
			.query(String.class).single()).isEqualTo("龙潭街道总工会");
		assertThat(jdbc.sql("select t.title from news_link l join activity t on t.id = l.ref_id where l.article_id = :a").param("a", visit)
			.query(String.class).single()).isEqualTo("学习劳模精神 汲取榜样力量——参观时传祥纪念馆");
		long caravan = jdbc.sql("select id from news_article where headline like '%大篷车%'").query(Long.class).single();
		assertThat(jdbc.sql("select t.title from news_link l join activity t on t.id = l.ref_id where l.article_id = :a and l.kind = 'CARAVAN'")
			.param("a", caravan).query(String.class).single()).isEqualTo("心理关爱大篷车走进北京市陈经纶中学");
		long booklet = jdbc.sql("select id from news_article where headline = '《职工风采录》传递榜样力量'").query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from news_link where article_id = :a and kind = 'BOOKLET'").param("a", booklet).query(Long.class).single())
			.isEqualTo(1);
		// The plenary's report links 丰台's plenary, recorded by the work-plan module (its bootstrap runs before news's).
		long plenary = jdbc.sql("select id from news_article where kicker = '丰台区总工会第十三届委员会第四次全体会议召开'").query(Long.class).single();
		long meeting = jdbc.sql("select id from wp_meeting where term = 13 and session_no = 4").query(Long.class).single();
		assertThat(jdbc.sql("select ref_id from news_link where article_id = :a and kind = 'MEETING'").param("a", plenary).query(Long.class).list())
			.containsExactly(meeting);
		mvc.perform(get("/articles/" + plenary).with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("/workplan/meetings/" + meeting)));
		assertThat(jdbc.sql("select count(*) from news_link").query(Long.class).single()).isGreaterThanOrEqualTo(7);
		mvc.perform(get("/news")).andExpect(status().isOk()).andExpect(content().string(containsString("汲取榜样力量")));
		mvc.perform(get("/news/tags/心理关爱")).andExpect(status().isOk()).andExpect(content().string(containsString("大篷车")))
			.andExpect(content().string(not(containsString("汲取榜样力量"))));
		mvc.perform(get("/news").param("organizationId", String.valueOf(id(jdbc, "延庆区总工会")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("五月鲜花"))).andExpect(content().string(not(containsString("大篷车"))));
	}

	@Test
	void atomFeed() throws Exception {
		mvc.perform(get("/news/feed.atom").param("organizationId", String.valueOf(id(jdbc, "朝阳区总工会")))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/atom+xml")))
			.andExpect(content().string(containsString("<feed xmlns=\"http://www.w3.org/2005/Atom\">")))
			.andExpect(content().string(containsString("<title>朝阳区总工会“心理关爱大篷车”开进校园</title>")))
			.andExpect(content().string(containsString("<name>记者 刘欣欣</name>")));
		mvc.perform(get("/news/feed.atom").param("organizationId", "999999999")).andExpect(status().isNotFound());
	}

	@Test
	void staffPages() throws Exception {
		var longtan = user(users.loadUserByUsername("longtan"));
		mvc.perform(get("/articles").with(longtan)).andExpect(status().isOk()).andExpect(content().string(containsString("汲取榜样力量")))
			.andExpect(content().string(not(containsString("五月鲜花"))));
		mvc.perform(get("/articles/new").with(longtan)).andExpect(status().isOk());
		mvc.perform(post("/articles").with(longtan).with(csrf()).param("organizationId", String.valueOf(id(jdbc, "龙潭街道总工会")))
			.param("headline", "").param("body", "<p>x</p>")).andExpect(status().isBadRequest());
		String location = mvc.perform(post("/articles").with(longtan).with(csrf()).param("organizationId", String.valueOf(id(jdbc, "龙潭街道总工会")))
			.param("headline", "龙潭职工参观时传祥纪念馆").param("byline", "本报记者 边磊 摄影报道").param("tags", "参观学习，劳模精神")
			.param("body", "<p onclick=\"x()\">近日，职工参观学习。</p>")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll(".*/", ""));
		assertThat(jdbc.sql("select role || ' ' || name from news_byline where article_id = :a order by position").param("a", id)
			.query(String.class).list()).containsExactly("REPORTER 边磊", "PHOTOGRAPHER 边磊");
		mvc.perform(get("/articles/" + id).with(longtan)).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"submit-article\"")))
			.andExpect(content().string(not(containsString("onclick"))));
		mvc.perform(post("/articles/" + id + "/submit").with(longtan).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/articles/" + id).with(longtan)).andExpect(content().string(containsString("id=\"review-article\"")));
		mvc.perform(get("/articles/" + id).with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isNotFound());
		mvc.perform(get("/articles").with(user(users.loadUserByUsername("worker")))).andExpect(status().isForbidden());
	}

	@Test
	void oneClickDraftFromAFinishedActivity() throws Exception {
		long visit = jdbc.sql("select id from activity where title like '%时传祥纪念馆%' and status = 'FINISHED'").query(Long.class).single();
		api("longtan", "POST", "/api/articles/drafts?activityId=" + visit, null).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.organizationName").value("龙潭街道总工会"))
			.andExpect(jsonPath("$.body", containsString("本报讯（记者 龙潭街道总工会工作人员）近日")))
			.andExpect(jsonPath("$.body", containsString("时传祥不怕苦、不畏难")))
			.andExpect(jsonPath("$.bylines[0].username").value("longtan")).andExpect(jsonPath("$.links[0].id").value((int) visit))
			.andExpect(jsonPath("$.sourceKind").value("ACTIVITY"));
		// Another district's activity is not found; an activity that has not finished gives no draft.
		api("fengtai", "POST", "/api/articles/drafts?activityId=" + visit, null).andExpect(status().isNotFound());
		long upcoming = jdbc.sql("select id from activity where title = '新就业形态劳动者走进红色纪念馆'").query(Long.class).single();
		long before = TestOrganizations.count(jdbc, "news_article");
		api("longtan", "POST", "/api/articles/drafts?activityId=" + upcoming, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("activityId"));
		api("worker", "POST", "/api/articles/drafts?activityId=" + visit, null).andExpect(status().isForbidden());
		assertThat(TestOrganizations.count(jdbc, "news_article")).isEqualTo(before);
		var longtan = user(users.loadUserByUsername("longtan"));
		mvc.perform(get("/activities/manage/" + visit + "/summary").with(longtan)).andExpect(content().string(containsString("id=\"draft-article\"")));
		mvc.perform(post("/articles/drafts").with(longtan).with(csrf()).param("activityId", String.valueOf(visit)))
			.andExpect(status().is3xxRedirection()).andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(".*/articles/\\d+/edit")));
	}

	@Test
	void photosOnTheStaffAndPublicPagesAndTheShareCard() throws Exception {
		long id = create("longtan", "龙潭街道总工会", "龙潭职工图片报道");
		var longtan = user(users.loadUserByUsername("longtan"));
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(80, 60, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
		var png = new org.springframework.mock.web.MockMultipartFile("photo", "a.png", "image/png", out.toByteArray());
		mvc.perform(multipart("/articles/" + id + "/photos").file(png).param("caption", "职工参观时传祥纪念馆").param("creditName", "边磊").with(longtan)
			.with(csrf())).andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "news.photo.added"));
		// A renamed text file: a clear Chinese reason, nothing stored.
		var fake = new org.springframework.mock.web.MockMultipartFile("photo", "b.jpg", "image/jpeg", "hello".getBytes());
		mvc.perform(multipart("/articles/" + id + "/photos").file(fake).param("caption", "说明").param("creditName", "边磊").with(longtan).with(csrf())
			.locale(java.util.Locale.SIMPLIFIED_CHINESE))
			.andExpect(flash().attribute("errorText", containsString("只能上传 JPEG 或 PNG 图片")));
		mvc.perform(multipart("/articles/" + id + "/photos").file(png).param("caption", "").param("creditName", "边磊").with(longtan).with(csrf()))
			.andExpect(flash().attribute("errorText", containsString("请填写图片说明")));
		long photo = jdbc.sql("select id from news_photo where article_id = :a").param("a", id).query(Long.class).single();
		mvc.perform(get("/articles/" + id).with(longtan)).andExpect(status().isOk())
			.andExpect(content().string(containsString("/articles/" + id + "/photos/" + photo)))
			.andExpect(content().string(containsString("（边磊 摄）"))).andExpect(content().string(containsString("id=\"photo-upload\"")));
		mvc.perform(get("/articles/" + id + "/photos/" + photo).with(longtan)).andExpect(status().isOk())
			.andExpect(content().contentType("image/png"));
		mvc.perform(get("/articles/" + id + "/photos/" + photo).with(user(users.loadUserByUsername("fengtai")))).andExpect(status().isNotFound());
		mvc.perform(get("/news/" + id + "/photos/" + photo)).andExpect(status().isNotFound());

		api("longtan", "POST", "/api/articles/" + id + "/submit", null).andExpect(status().isOk());
		reviewedBy(id, "longtan", "beijing", "admin");
		api("longtan", "POST", "/api/articles/" + id + "/publish", null).andExpect(status().isOk());
		mvc.perform(get("/news/" + id)).andExpect(status().isOk()).andExpect(content().string(containsString("<figcaption>")))
			.andExpect(content().string(containsString("职工参观时传祥纪念馆")))
			.andExpect(content().string(containsString("property=\"og:image\" content=\"http://localhost/news/" + id + "/photos/" + photo + "\"")));
		mvc.perform(get("/news/" + id + "/photos/" + photo)).andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-cache"));
		api("longtan", "POST", "/api/articles/" + id + "/withdraw", "{\"reason\":\"图片有误\"}").andExpect(status().isOk());
		mvc.perform(get("/news/" + id + "/photos/" + photo)).andExpect(status().isNotFound());
	}

	@Test
	void theReviewersPage() throws Exception {
		var fengtai = user(users.loadUserByUsername("fengtai"));
		long org = id(jdbc, "丰台区总工会");
		mvc.perform(get("/articles/reviewers").with(fengtai)).andExpect(status().isOk()).andExpect(content().string(containsString("丰台区总工会")))
			.andExpect(content().string(containsString("id=\"stage-LEADER\""))).andExpect(content().string(containsString("本范围内的工作人员均可签发")));
		// A worker, an outside district's staff (they could not open 丰台's articles) and an unknown name: all told at once, nothing stored.
		mvc.perform(post("/articles/reviewers").with(fengtai).with(csrf()).param("organizationId", String.valueOf(org)).param("EDITOR", "fengtai")
			.param("DEPARTMENT_HEAD", "worker\nchaoyang").param("LEADER", "nobody-here")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("账号 worker 不存在"))).andExpect(content().string(containsString("账号 chaoyang 不存在")))
			.andExpect(content().string(containsString("账号 nobody-here 不存在"))).andExpect(content().string(containsString("nobody-here</textarea>")));
		assertThat(jdbc.sql("select count(*) from news_reviewer where organization_id = :o").param("o", org).query(Long.class).single()).isZero();

		mvc.perform(post("/articles/reviewers").with(fengtai).with(csrf()).param("organizationId", String.valueOf(org)).param("EDITOR", "fengtai")
			.param("DEPARTMENT_HEAD", "beijing，admin").param("LEADER", "")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "news.reviewers.saved"));
		assertThat(jdbc.sql("select stage || ':' || username from news_reviewer where organization_id = :o order by stage, username").param("o", org)
			.query(String.class).list()).containsExactly("DEPARTMENT_HEAD:admin", "DEPARTMENT_HEAD:beijing", "EDITOR:fengtai");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'article.reviewers' and target_id = :o").param("o", String.valueOf(org))
			.query(Long.class).single()).isEqualTo(3);
		mvc.perform(get("/articles/reviewers").param("organizationId", String.valueOf(org)).with(fengtai))
			.andExpect(content().string(containsString("已指定：丰台区总工会工作人员（fengtai）")));
		// A union below follows 丰台's naming.
		mvc.perform(get("/articles/reviewers").param("organizationId", String.valueOf(id(jdbc, "六里桥街道总工会"))).with(fengtai))
			.andExpect(status().isOk()).andExpect(content().string(containsString("未指定，沿用 丰台区总工会 的指定")));

		long chaoyang = id(jdbc, "朝阳区总工会");
		mvc.perform(get("/articles/reviewers").param("organizationId", String.valueOf(chaoyang)).with(fengtai)).andExpect(status().isNotFound());
		mvc.perform(post("/articles/reviewers").with(fengtai).with(csrf()).param("organizationId", String.valueOf(chaoyang)).param("EDITOR", "fengtai"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/articles/reviewers").with(user(users.loadUserByUsername("fanhua")))).andExpect(status().isForbidden());
		mvc.perform(get("/articles").with(fengtai)).andExpect(content().string(containsString("id=\"reviewers-link\"")));
	}
}
