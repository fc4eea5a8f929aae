package org.gonghui.honor;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.gonghui.TestOrganizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booklets and honoree photos over HTTP: the data scope (a district cannot put another district's honoree in a
 * booklet nor read its booklet), bad input that stores nothing, anonymous and worker callers refused, photo
 * uploads checked as photos are everywhere, public photos for public honorees only, and the camp's expert linked
 * to his showcase profile.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class BookletWebTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private long honoree(String name) {
		return jdbc.sql("select id from honoree where name = :n").param("n", name).query(Long.class).single();
	}

	/** A Chaoyang honoree, so that two districts each have one. */
	private long chaoyangHonoree() throws Exception {
		long org = id(jdbc, "朝阳区总工会");
		String answer = mvc.perform(post("/api/honorees").with(httpBasic("chaoyang", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"邵红梅\",\"organizationId\":" + org + ",\"occupation\":\"快递员\",\"summary\":\"服务标兵\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(answer.replaceAll(".*?\"id\":(\\d+).*", "$1"));
	}

	private org.springframework.test.web.servlet.ResultActions create(String user, String json) throws Exception {
		return mvc.perform(post("/api/booklets").with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private long booklets() {
		return TestOrganizations.count(jdbc, "booklet");
	}

	@Test
	void districtsKeepToTheirOwnHonoreesAndBooklets() throws Exception {
		long liang = honoree("梁志刚");
		long shao = chaoyangHonoree();
		long before = booklets();
		// 丰台 cannot include 朝阳's honoree, nor 朝阳 丰台's: the same 400 as for an unknown id, and nothing stored.
		create("fengtai", "{\"title\":\"丰台风采\",\"honoreeIds\":[" + liang + "," + shao + "]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("honoreeIds"))
			.andExpect(jsonPath("$.errors[0].message", containsString(String.valueOf(shao))));
		create("chaoyang", "{\"title\":\"朝阳风采\",\"honoreeIds\":[" + shao + "," + liang + "]}").andExpect(status().isBadRequest());
		create("fengtai", "{\"title\":\"公交风采\",\"honoreeIds\":[" + honoree("赵国栋") + "]}").andExpect(status().isBadRequest());
		assertThat(booklets()).isEqualTo(before);
		// Each district makes its own; the cover union defaults to the honorees' own organisation.
		String answer = create("fengtai", "{\"title\":\"丰台区工匠风采\",\"honoreeIds\":[" + liang + "]}").andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/booklets/")))
			.andExpect(jsonPath("$.organizationName").value("泛华集团工会")).andExpect(jsonPath("$.paper").value("A5"))
			.andReturn().getResponse().getContentAsString();
		long fengtaiBooklet = Long.parseLong(answer.replaceAll(".*?\"id\":(\\d+).*", "$1"));
		// Reading needs the booklet's union in scope: 朝阳 gets 404 for the PDF, the record and the page.
		mvc.perform(get("/api/booklets/" + fengtaiBooklet + ".pdf").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/booklets/" + fengtaiBooklet).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/booklets/" + fengtaiBooklet).with(as("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/booklets/" + fengtaiBooklet + ".pdf").with(httpBasic("beijing", PASSWORD))).andExpect(status().isOk());
		long demo = jdbc.sql("select id from booklet where title = '北京公交集团物业管理中心职工风采录'").query(Long.class).single();
		mvc.perform(get("/api/booklets/" + demo + ".pdf").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/booklets").with(httpBasic("fengtai", PASSWORD))).andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].title", hasItem("丰台区工匠风采"))).andExpect(jsonPath("$.content[*].id", not(hasItem((int) demo))));
		// A cover union that does not hold every honoree is refused.
		create("beijing", "{\"title\":\"混编\",\"honoreeIds\":[" + liang + "],\"organizationId\":" + id(jdbc, "物业管理中心工会") + "}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("honoreeIds"));
		// Creating and exporting are audited.
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'booklet.create' and target_id = :id").param("id", String.valueOf(fengtaiBooklet))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'booklet.export' and target_id = :id").param("id", String.valueOf(fengtaiBooklet))
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedFieldByFieldAndStoresNothing() throws Exception {
		long liang = honoree("梁志刚");
		long before = booklets();
		create("fengtai", "{\"title\":\"空\",\"honoreeIds\":[]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("honoreeIds"));
		create("fengtai", "{\"title\":\"空\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("honoreeIds"));
		create("fengtai", "{\"title\":\"不存在\",\"honoreeIds\":[99999999]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("99999999")));
		String tooMany = LongStream.rangeClosed(1, 5001).mapToObj(String::valueOf).collect(Collectors.joining(","));
		create("fengtai", "{\"title\":\"太多\",\"honoreeIds\":[" + tooMany + "]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("5,000")));
		create("fengtai", "{\"honoreeIds\":[" + liang + "]}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
		create("fengtai", "{\"title\":\"" + "长".repeat(101) + "\",\"honoreeIds\":[" + liang + "]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		create("fengtai", "{\"title\":\"纸\",\"honoreeIds\":[" + liang + "],\"paper\":\"B5\",\"year\":1900}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("paper"))).andExpect(jsonPath("$.errors[*].field", hasItem("year")));
		create("fengtai", "{\"title\":\"组织\",\"honoreeIds\":[" + liang + "],\"organizationId\":" + id(jdbc, "朝阳区总工会") + "}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("organizationId"));
		create("fengtai", "{\"title\":\"坏\",\"honoreeIds\":[\"x\"]}").andExpect(status().isBadRequest());
		assertThat(booklets()).isEqualTo(before);
		// The same id twice is taken once.
		create("fengtai", "{\"title\":\"一次\",\"honoreeIds\":[" + liang + "," + liang + "]}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.honoreeCount").value(1));
	}

	@Test
	void anonymousCallersAndWorkersAreRefused() throws Exception {
		long demo = jdbc.sql("select id from booklet where title = '北京公交集团物业管理中心职工风采录'").query(Long.class).single();
		// With a CSRF token, so that it is the missing login that answers.
		mvc.perform(post("/api/booklets").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"honoreeIds\":[1]}"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/booklets/" + demo + ".pdf")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/booklets/" + demo + ".pdf").with(httpBasic("worker", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/booklets")).andExpect(status().isFound());
		mvc.perform(get("/booklets").with(as("worker"))).andExpect(status().isForbidden());
		// A counsellor reads the registry but makes no booklets.
		mvc.perform(get("/api/booklets/" + demo + ".pdf").with(httpBasic("counsellor", PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void staffChooseAUnitsHonoreesOnThePageAndGetTheBooklet() throws Exception {
		long unit = id(jdbc, "物业管理中心工会");
		mvc.perform(get("/booklets/new").param("unit", String.valueOf(unit)).with(as("beijing"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("赵国栋"))).andExpect(content().string(containsString("尤振华")))
			.andExpect(content().string(not(containsString("梁志刚"))));
		// A unit outside the scope lists no one.
		mvc.perform(get("/booklets/new").param("unit", String.valueOf(unit)).with(as("fengtai"))).andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("赵国栋"))));
		long zhao = honoree("赵国栋");
		long qian = honoree("钱秀兰");
		// Nothing ticked: the page says so and keeps the title.
		mvc.perform(post("/booklets").with(as("beijing")).with(csrf()).param("title", "两人风采").param("unit", String.valueOf(unit)))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("value=\"两人风采\"")))
			.andExpect(content().string(containsString("field-error")));
		mvc.perform(post("/booklets").with(as("beijing")).with(csrf()).param("title", "两人风采").param("paper", "A4")
			.param("honoreeIds", String.valueOf(zhao), String.valueOf(qian))).andExpect(status().isFound()).andExpect(redirectedUrlPattern("/booklets/*"));
		long id = jdbc.sql("select id from booklet where title = '两人风采'").query(Long.class).single();
		mvc.perform(get("/booklets/" + id).with(as("beijing"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/booklets/" + id + ".pdf"))).andExpect(content().string(containsString("物业管理中心工会")));
		mvc.perform(get("/booklets").with(as("beijing"))).andExpect(status().isOk()).andExpect(content().string(containsString("两人风采")));
		assertThat(jdbc.sql("select honoree_id from booklet_honoree where booklet_id = :b order by position").param("b", id).query(Long.class).list())
			.containsExactly(zhao, qian);
	}

	@Test
	void staffUploadAndReplacePhotosThatAreCheckedAndServedInScope() throws Exception {
		long liang = honoree("梁志刚");
		byte[] png = BookletPdfTests.png(120, 160);
		mvc.perform(multipart("/honorees/" + liang + "/photo").file(new MockMultipartFile("photo", "a.png", "image/png", png)).with(as("fengtai"))
			.with(csrf())).andExpect(status().isFound()).andExpect(flash().attribute("message", "honor.photo.saved"));
		mvc.perform(get("/honorees/" + liang + "/photo").with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png")).andExpect(content().bytes(png));
		mvc.perform(get("/honorees/" + liang).with(as("fengtai"))).andExpect(content().string(containsString("/honorees/" + liang + "/photo?v=1")));
		// Public honoree: the showcase serves it too, and its pages show it.
		mvc.perform(get("/showcase/" + liang + "/photo")).andExpect(status().isOk()).andExpect(content().bytes(png));
		mvc.perform(get("/showcase/" + liang)).andExpect(content().string(containsString("/showcase/" + liang + "/photo?v=1")));
		mvc.perform(get("/showcase").param("q", "梁志刚")).andExpect(content().string(containsString("/showcase/" + liang + "/photo?v=1")));
		// Replacing makes a new address.
		byte[] jpeg = jpeg();
		mvc.perform(multipart("/honorees/" + liang + "/photo").file(new MockMultipartFile("photo", "b.jpg", "image/jpeg", jpeg)).with(as("fengtai"))
			.with(csrf())).andExpect(status().isFound());
		mvc.perform(get("/honorees/" + liang + "/photo").with(as("fengtai"))).andExpect(header().string("Content-Type", "image/jpeg"));
		mvc.perform(get("/honorees/" + liang).with(as("fengtai"))).andExpect(content().string(containsString("/honorees/" + liang + "/photo?v=2")));
		// Not an image, whatever it is called: refused with the shared photo message, the stored photo kept.
		mvc.perform(multipart("/honorees/" + liang + "/photo")
			.file(new MockMultipartFile("photo", "c.png", "image/png", "这不是图片，只是文字".getBytes(StandardCharsets.UTF_8))).with(as("fengtai")).with(csrf()))
			.andExpect(status().isFound()).andExpect(flash().attributeExists("errorText"));
		mvc.perform(get("/honorees/" + liang + "/photo").with(as("fengtai"))).andExpect(header().string("Content-Type", "image/jpeg"));
		mvc.perform(multipart("/honorees/" + liang + "/photo").with(as("fengtai")).with(csrf())).andExpect(flash().attributeExists("errorText"));
		// Outside the scope: 404 for seeing and for uploading; the worker is refused.
		mvc.perform(get("/honorees/" + liang + "/photo").with(as("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(multipart("/honorees/" + liang + "/photo").file(new MockMultipartFile("photo", "a.png", "image/png", png)).with(as("chaoyang"))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/honorees/" + liang + "/photo").with(as("worker"))).andExpect(status().isForbidden());
		// Not public: no public photo.
		jdbc.sql("update honoree set is_public = false where id = :id").param("id", liang).update();
		mvc.perform(get("/showcase/" + liang + "/photo")).andExpect(status().isNotFound());
		// Removed: the placeholder with the surname shows again, and the audit log has all three.
		mvc.perform(post("/honorees/" + liang + "/photo/delete").with(as("fengtai")).with(csrf())).andExpect(status().isFound());
		mvc.perform(get("/honorees/" + liang + "/photo").with(as("fengtai"))).andExpect(status().isNotFound());
		mvc.perform(get("/honorees/" + liang).with(as("fengtai"))).andExpect(content().string(containsString("portrait placeholder")))
			.andExpect(content().string(containsString(">梁</span>")));
		assertThat(jdbc.sql("select count(*) from audit_entry where action like 'honoree.photo%' and target_id = :id").param("id", String.valueOf(liang))
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void theCampsExpertLinksToHisShowcaseProfile() throws Exception {
		long gao = honoree("高凤林");
		long camp = jdbc.sql("select id from activity where title = '全国总工会首期劳模本科生创新培训营'").query(Long.class).single();
		mvc.perform(get("/activities/manage/" + camp).with(as("admin"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/showcase/" + gao + "\"")));
		mvc.perform(get("/activities/" + camp).with(as("worker"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/showcase/" + gao + "\"")));
		// Not public any more: the name stays, the link goes.
		jdbc.sql("update honoree set is_public = false where id = :id").param("id", gao).update();
		mvc.perform(get("/activities/" + camp).with(as("worker"))).andExpect(content().string(containsString("高凤林")))
			.andExpect(content().string(not(containsString("href=\"/showcase/" + gao + "\""))));
	}

	private static byte[] jpeg() throws java.io.IOException {
		var image = new java.awt.image.BufferedImage(90, 120, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}
}
