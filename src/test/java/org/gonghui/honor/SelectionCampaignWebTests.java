package org.gonghui.honor;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns, nominations and notices over HTTP: the acceptance paths, who may call them, errors, the public objection. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class SelectionCampaignWebTests {

	private static final String PASSWORD = "gonghui-demo";
	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor page(String username) {
		return user(users.loadUserByUsername(username));
	}

	private long campaign() throws Exception {
		String body = "{\"organizationId\":" + id(jdbc, "丰台区总工会") + ",\"title\":\"网页测试评选\",\"honourTitle\":\"丰台区工匠\",\"level\":\"DISTRICT\","
				+ "\"nominationOpensOn\":\"" + TODAY.minusDays(10) + "\",\"nominationClosesOn\":\"" + TODAY.plusDays(10) + "\","
				+ "\"rules\":[{\"kind\":\"FRONT_LINE_MIN\",\"share\":0.35},{\"kind\":\"ENTERPRISE_HEAD_MAX\",\"share\":15}]}";
		String answer = mvc.perform(post("/api/campaigns").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.rules[0].kind").value("ENTERPRISE_HEAD_MAX"))
			.andExpect(jsonPath("$.rules[1].share").value(0.35))
			.andExpect(jsonPath("$.nominationOpen").value(true))
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(answer.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

	private String nomination(String name, boolean frontLine) {
		return "{\"organizationId\":" + id(jdbc, "泛华集团工会") + ",\"name\":\"" + name + "\",\"employer\":\"泛华集团\",\"frontLine\":" + frontLine
				+ ",\"meetingKind\":\"WORKERS_CONGRESS\",\"meetingOn\":\"" + TODAY.minusDays(9) + "\",\"meetingVotesFor\":70,\"meetingAttendance\":90,"
				+ "\"unitNoticeStartsOn\":\"" + TODAY.minusDays(8) + "\",\"unitNoticeEndsOn\":\"" + TODAY.minusDays(2) + "\","
				+ "\"summary\":\"技术骨干\",\"deeds\":\"攻关三项\"}";
	}

	private long nominate(long campaign, String user, String name, boolean frontLine) throws Exception {
		String answer = mvc.perform(post("/api/campaigns/" + campaign + "/nominations").with(httpBasic(user, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(nomination(name, frontLine)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.stage").value("SUBMITTED"))
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(answer.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

	@Test
	void theAcceptancePathsTakeANominationToANotice() throws Exception {
		long c = campaign();
		// The rule is named in the answer: a first nomination that is not front-line makes the share 0 %.
		mvc.perform(post("/api/campaigns/" + c + "/nominations").with(httpBasic("fanhua", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content(nomination("吴管理", false)).header("Accept-Language", "zh-CN"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("一线职工比例不得低于 35%"))));
		long n = nominate(c, "fanhua", "周建华", true);
		mvc.perform(post("/api/nominations/" + n + "/advance").with(httpBasic("fanhua", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(post("/api/nominations/" + n + "/advance").with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("VETTED"));
		mvc.perform(post("/api/nominations/" + n + "/advance").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"votesFor\":7,\"votesAgainst\":2}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("PANEL_PASSED"));
		mvc.perform(post("/api/campaigns/" + c + "/notices").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"startsOn\":\"2026-09-28\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber()).andExpect(jsonPath("$.endsOn").value("2026-10-09"));
		mvc.perform(get("/api/campaigns/" + c + "/nominations").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/campaigns")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/campaigns").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("organizationId")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("nominationOpensOn")));
	}

	private long openNotice(long c, String name) throws Exception {
		if (jdbc.sql("select count(*) from calendar_year where calendar_year = :y").param("y", TODAY.getYear()).query(Long.class).single() == 0) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/calendar/" + TODAY.getYear())
				.with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{\"source\":\"测试\",\"days\":[]}"));
		}
		long n = nominate(c, "fanhua", name, true);
		mvc.perform(post("/api/nominations/" + n + "/advance").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk());
		mvc.perform(post("/api/nominations/" + n + "/advance").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"votesFor\":9}")).andExpect(status().isOk());
		String answer = mvc.perform(post("/api/campaigns/" + c + "/notices").with(httpBasic("fengtai", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"startsOn\":\"" + TODAY + "\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(answer.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

	@Test
	void anyoneObjectsToAnOpenNoticeUnderRealNameWithoutSessionOrToken() throws Exception {
		long c = campaign();
		long notice = openNotice(c, "郑国庆");
		long n = jdbc.sql("select id from honor_nomination where notice_id = :n").param("n", notice).query(Long.class).single();
		mvc.perform(get("/api/public/notices/" + notice)).andExpect(status().isOk()).andExpect(jsonPath("$.candidates[0].name").value("郑国庆"))
			.andExpect(content().string(not(containsString("objections"))));
		mvc.perform(post("/api/notices/" + notice + "/objections").contentType(MediaType.APPLICATION_JSON)
			.content("{\"nominationId\":" + n + ",\"reason\":\"匿名举报：该同志材料不实，请核查。\"}").with(r -> {
				r.setRemoteAddr("203.0.113.7");
				return r;
			}))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("phone")));
		mvc.perform(post("/api/notices/" + notice + "/objections").contentType(MediaType.APPLICATION_JSON)
			.content("{\"nominationId\":" + n + ",\"name\":\"刘明\",\"phone\":\"13700137000\",\"reason\":\"该同志的获奖证书与实际不符，请核查。\"}").with(r -> {
				r.setRemoteAddr("203.0.113.7");
				return r;
			}))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber());
		mvc.perform(get("/api/notices/" + notice).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.objections[0].phone").value("137****7000"))
			.andExpect(jsonPath("$.state").value("OPEN"));
		mvc.perform(get("/api/notices/" + notice).with(httpBasic("fanhua", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/api/notices/" + notice + "/close").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isConflict());
		// A notice that has not started or has ended is not public.
		mvc.perform(get("/api/public/notices/999999")).andExpect(status().isNotFound());
	}

	private static byte[] onePagePdf() throws Exception {
		try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
			document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

	@Test
	void documentsArePdfOrPicturesCheckedOnTheWayInAndStayInScope() throws Exception {
		long c = campaign();
		long n = nominate(c, "fanhua", "曹建设", true);
		var pdf = new org.springframework.mock.web.MockMultipartFile("file", "../../职代会决议.pdf", "application/pdf", onePagePdf());
		String answer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/nominations/" + n + "/documents")
			.file(pdf).with(httpBasic("fanhua", PASSWORD))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long doc = Long.parseLong(answer.replaceAll("\\D+", ""));
		var fake = new org.springframework.mock.web.MockMultipartFile("file", "决议.pdf", "application/pdf", "%PDF-1.4 not really".getBytes());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/nominations/" + n + "/documents")
			.file(fake).with(httpBasic("fanhua", PASSWORD))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		var text = new org.springframework.mock.web.MockMultipartFile("file", "a.txt", "text/plain", "hello".getBytes());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/nominations/" + n + "/documents")
			.file(text).with(httpBasic("fanhua", PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/nominations/" + n + "/documents/" + doc).with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Type", "application/pdf"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Disposition", containsString(".pdf")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Disposition", not(containsString(".."))));
		mvc.perform(get("/api/nominations/" + n + "/documents/" + doc).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/nominations/" + n).with(httpBasic("fanhua", PASSWORD))).andExpect(jsonPath("$.documents.length()").value(1));
	}

	@Test
	void pagesShowTheCampaignToEachSideAndRefuseBadNominations() throws Exception {
		long c = campaign();
		nominate(c, "fanhua", "孔德明", true);
		mvc.perform(get("/campaigns").with(page("fanhua"))).andExpect(status().isOk()).andExpect(content().string(containsString("网页测试评选")));
		mvc.perform(get("/campaigns/new").with(page("fanhua"))).andExpect(status().isForbidden());
		mvc.perform(get("/campaigns/new").with(page("fengtai"))).andExpect(status().isOk());
		mvc.perform(get("/campaigns/" + c).with(page("fengtai"))).andExpect(status().isOk()).andExpect(content().string(containsString("孔德明")));
		mvc.perform(get("/campaigns/" + c).with(page("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/" + c + "/nominate").with(page("fanhua"))).andExpect(status().isOk());
		long before = jdbc.sql("select count(*) from honor_nomination").query(Long.class).single();
		mvc.perform(post("/campaigns/" + c + "/nominate").with(page("fanhua")).with(csrf()).param("organizationId", String.valueOf(id(jdbc, "泛华集团工会")))
			.param("name", "钱").param("employer", "泛华集团").param("meetingOn", "昨天").param("meetingAttendance", "10").param("meetingVotesFor", "3"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("格式不正确")));
		mvc.perform(post("/campaigns/" + c + "/nominate").with(page("fanhua")).with(csrf()).param("organizationId", String.valueOf(id(jdbc, "泛华集团工会")))
			.param("name", "钱").param("employer", "泛华集团").param("meetingOn", TODAY.minusDays(5).toString()).param("meetingAttendance", "10")
			.param("meetingVotesFor", "3").param("unitNoticeStartsOn", TODAY.minusDays(4).toString()).param("unitNoticeEndsOn", TODAY.toString())
			.param("summary", "a").param("deeds", "b"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("民主推荐未通过")));
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from honor_nomination").query(Long.class).single()).isEqualTo(before);
		mvc.perform(post("/campaigns/" + c + "/nominate").with(page("fanhua")).with(csrf()).param("organizationId", String.valueOf(id(jdbc, "泛华集团工会")))
			.param("name", "钱立").param("employer", "泛华集团").param("frontLine", "true").param("meetingOn", TODAY.minusDays(5).toString())
			.param("meetingAttendance", "10").param("meetingVotesFor", "8").param("unitNoticeStartsOn", TODAY.minusDays(4).toString())
			.param("unitNoticeEndsOn", TODAY.toString()).param("summary", "a").param("deeds", "b"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/nominations/*"));
	}

	@Test
	void thePublicNoticePageTakesAnObjectionFromAPhone() throws Exception {
		long c = campaign();
		long notice = openNotice(c, "冯海军");
		long n = jdbc.sql("select id from honor_nomination where notice_id = :n").param("n", notice).query(Long.class).single();
		mvc.perform(get("/gongshi")).andExpect(status().isOk()).andExpect(content().string(containsString("网页测试评选")));
		mvc.perform(get("/gongshi/" + notice)).andExpect(status().isOk()).andExpect(content().string(containsString("冯海军")));
		mvc.perform(post("/gongshi/" + notice + "/objection").with(csrf()).param("nominationId", String.valueOf(n)).param("reason", "不实不实不实不实不实不实"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("不受理匿名异议")));
		mvc.perform(post("/gongshi/" + notice + "/objection").with(csrf()).param("nominationId", String.valueOf(n)).param("name", "杨帆")
			.param("phone", "13600136000").param("reason", "该同志所报专利的第一发明人另有其人。").with(r -> {
				r.setRemoteAddr("203.0.113.9");
				return r;
			}))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/notices/" + notice).with(page("fengtai"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("136****6000"))).andExpect(content().string(not(containsString("13600136000"))));
		mvc.perform(get("/notices/" + notice).with(page("fanhua"))).andExpect(status().isNotFound());
	}
}
