package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gonghui.TestOrganizations.count;
import static org.gonghui.TestOrganizations.id;
import static org.gonghui.member.internal.RosterTestData.HEADER;
import static org.gonghui.member.internal.RosterTestData.row;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gonghui.member.internal.RosterTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Roster import and export through the doors people use: the JSON API (202, polling, 404 across scopes),
 * the pages (form, job page with an htmx-polled progress bar, error report, template) and the export.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
class MemberImportWebTests {

	private static final String PASSWORD = "gonghui-demo";
	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@TempDir
	Path dir;

	private MockMultipartFile roster(String name, List<List<Object>> rows) throws Exception {
		Path file = RosterTestData.csv(dir, name, StandardCharsets.UTF_8, true, HEADER, rows);
		return new MockMultipartFile("file", name, "text/csv", Files.readAllBytes(file));
	}

	private List<List<Object>> goodAndBad() {
		return List.of(row("接口甲", "男", RosterTestData.newId(true), RosterTestData.newPhone(), "", "在职职工", "", "", "2022-07-01"),
				row("接口乙", "男", RosterTestData.newId(false), "", "", "在职职工", "", "", ""));
	}

	private String awaitDone(String user, long id) {
		String[] body = new String[1];
		await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
			body[0] = mvc.perform(get("/api/members/import/" + id).with(httpBasic(user, PASSWORD))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			String status = JsonPath.read(body[0], "$.status");
			return status.equals("DONE") || status.equals("FAILED");
		});
		return body[0];
	}

	@Test
	void apiStartsAnImportAndReportsCountsAndErrors() throws Exception {
		long fengtai = id(jdbc, "丰台区新就业形态劳动者联合工会");
		String started = mvc.perform(multipart("/api/members/import").file(roster("api.csv", goodAndBad())).param("unionId", String.valueOf(fengtai))
				.with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/members/import/")))
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.status").isString())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(started, "$.id")).longValue();

		String done = awaitDone("fengtai", id);

		assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("DONE");
		assertThat((Integer) JsonPath.read(done, "$.created")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(done, "$.updated")).isZero();
		assertThat((Integer) JsonPath.read(done, "$.unchanged")).isZero();
		assertThat((Integer) JsonPath.read(done, "$.rejected")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(done, "$.errors[0].row")).isEqualTo(3);
		assertThat((String) JsonPath.read(done, "$.errors[0].column")).isEqualTo("性别");
		assertThat((String) JsonPath.read(done, "$.errors[0].reason")).isEqualTo("性别与身份证号不符（按身份证号应为“女”）");

		// Another district neither sees the job nor may import into this one's unions.
		mvc.perform(get("/api/members/import/" + id).with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/members/import/999999999").with(httpBasic("chaoyang", PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(multipart("/api/members/import").file(roster("other.csv", goodAndBad())).param("unionId", String.valueOf(fengtai))
				.with(httpBasic("chaoyang", PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void apiDefaultsToTheCallersOwnUnionAndRefusesBadFilesWithAProblemDetail() throws Exception {
		String started = mvc.perform(multipart("/api/members/import").file(roster("own.csv", goodAndBad())).with(httpBasic("fanhua", PASSWORD)))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String done = awaitDone("fanhua", ((Number) JsonPath.read(started, "$.id")).longValue());
		assertThat(((Number) JsonPath.read(done, "$.unionId")).longValue()).isEqualTo(id(jdbc, "泛华集团工会"));

		long jobs = count(jdbc, "member_import");
		Path missing = RosterTestData.csv(dir, "missing.csv", StandardCharsets.UTF_8, false, List.of("姓名", "身份证号"), List.of());
		mvc.perform(multipart("/api/members/import").file(new MockMultipartFile("file", "missing.csv", "text/csv", Files.readAllBytes(missing)))
				.with(httpBasic("fanhua", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value("缺少必填列：用工形式。整个文件未导入"));
		mvc.perform(multipart("/api/members/import").with(httpBasic("fanhua", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(multipart("/api/members/import").file(new MockMultipartFile("file", "photo.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }))
				.with(httpBasic("fanhua", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("只能导入 Excel 工作簿（.xlsx）或 CSV 文件"));
		mvc.perform(multipart("/api/members/import").file(roster("district.csv", goodAndBad())).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unionId"))
			.andExpect(jsonPath("$.errors[0].message").value("只能导入到基层工会或联合工会"));
		mvc.perform(multipart("/api/members/import").file(roster("counsellor.csv", goodAndBad())).with(httpBasic("counsellor", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/api/members/import").file(roster("anonymous.csv", goodAndBad())).with(csrf())).andExpect(status().isUnauthorized());
		assertThat(count(jdbc, "member_import")).isEqualTo(jobs);
	}

	@Test
	@WithUserDetails("fengtai")
	void pagesUploadShowProgressAndOfferTheErrorReport() throws Exception {
		mvc.perform(get("/members/import"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-form\"")))
			// A live-search picker of unions in scope (OrganizationPickerWebTests), not a list of them all.
			.andExpect(content().string(containsString("data-url=\"/api/organizations/picker?kind=UNION\"")))
			.andExpect(content().string(not(containsString("朝阳区总工会"))))
			.andExpect(content().string(containsString("data-max-bytes=\"104857600\"")))
			.andExpect(content().string(containsString("/members/import/template.xlsx")))
			.andExpect(content().string(containsString("/js/member-import.js")));

		String location = mvc.perform(multipart("/members/import").file(roster("page.csv", goodAndBad()))
				.param("unionId", String.valueOf(id(jdbc, "丰台区新就业形态劳动者联合工会"))).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/members/import/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		String page = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<progress id=\"import-bar\"", "id=\"import-progress\"", "page.csv");
		if (!page.contains("data-status=\"DONE\"")) {
			assertThat(page).contains("hx-trigger=\"every 1s\"", "hx-get=\"/members/import/" + id + "/progress\"");
		}
		await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> mvc.perform(get("/members/import/" + id + "/progress"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).contains("data-status=\"DONE\""));
		String fragment = mvc.perform(get("/members/import/" + id + "/progress").header("HX-Request", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).startsWith("<div id=\"import-progress\"").doesNotContain("hx-trigger", "<html", "<header")
			.contains("value=\"100\"", "id=\"download-errors\"", "性别与身份证号不符");

		var streamed = mvc.perform(get("/members/import/" + id + "/errors.xlsx")).andExpect(request().asyncStarted()).andReturn();
		byte[] report = mvc.perform(asyncDispatch(streamed))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XLSX))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn().getResponse().getContentAsByteArray();
		try (var wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(2).getCellText(1)).isEqualTo("性别");
		}
	}

	@Test
	void anotherScopesJobPagesAnswer404() throws Exception {
		String started = mvc.perform(multipart("/api/members/import").file(roster("scoped.csv", goodAndBad()))
				.param("unionId", String.valueOf(id(jdbc, "泛华集团工会"))).with(httpBasic("fengtai", PASSWORD)))
			.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long job = ((Number) JsonPath.read(started, "$.id")).longValue();
		awaitDone("fengtai", job);
		var chaoyang = user(users.loadUserByUsername("chaoyang"));
		mvc.perform(get("/members/import/" + job).with(chaoyang)).andExpect(status().isNotFound());
		mvc.perform(get("/members/import/" + job + "/progress").with(chaoyang)).andExpect(status().isNotFound());
		mvc.perform(get("/members/import/" + job + "/errors.xlsx").with(chaoyang)).andExpect(status().isNotFound());
		mvc.perform(get("/members/import/abc").with(chaoyang)).andExpect(status().isNotFound());
		mvc.perform(get("/members/import").with(chaoyang)).andExpect(status().isOk()).andExpect(content().string(not(containsString("scoped.csv"))));
		var fengtai = user(users.loadUserByUsername("fengtai"));
		mvc.perform(get("/members/import/" + job).with(fengtai)).andExpect(status().isOk());
		mvc.perform(get("/members/import").with(fengtai)).andExpect(content().string(containsString("scoped.csv")));
	}

	@Test
	@WithUserDetails("fengtai")
	void aRefusedUploadShowsTheReasonOnTheForm() throws Exception {
		Path missing = RosterTestData.csv(dir, "missing.csv", StandardCharsets.UTF_8, false, List.of("姓名", "性别", "手机号"), List.of());
		mvc.perform(multipart("/members/import").file(new MockMultipartFile("file", "missing.csv", "text/csv", Files.readAllBytes(missing)))
				.param("unionId", String.valueOf(id(jdbc, "泛华集团工会"))).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("缺少必填列：身份证号、用工形式。整个文件未导入")));
		mvc.perform(get("/members/import").param("tooLarge", "1"))
			.andExpect(content().string(containsString("文件超过 100 MB，请拆分后分批导入")));
		mvc.perform(multipart("/members/import").file(roster("nocsrf.csv", goodAndBad()))).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("fengtai")
	void templateHasTheChineseHeadersAndAnExampleRow() throws Exception {
		byte[] xlsx = mvc.perform(get("/members/import/template.xlsx"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XLSX))
			.andReturn().getResponse().getContentAsByteArray();
		try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheets().map(s -> s.getName()).toList()).containsExactly("会员名册", "填写说明", "代码表");
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).stream().map(c -> c.getText()).toList()).containsExactlyElementsOf(HEADER);
			assertThat(rows.get(1).getCellText(0)).contains("示例");
			List<Row> notes = wb.getSheets().toList().get(1).read();
			assertThat(notes).extracting(r -> r.getCellText(0)).anySatisfy(t -> assertThat(t).startsWith("1. 第一行是表头"));
		}
	}

	@Test
	@WithUserDetails("fengtai")
	void exportIsAnXlsxOfTheFilteredListMaskedAndAudited() throws Exception {
		long riders = id(jdbc, "丰台区新就业形态劳动者联合工会");
		long audits = jdbc.sql("select count(*) from audit_entry where action = 'member.export'").query(Long.class).single();
		byte[] xlsx = mvc.perform(get("/members/export").param("unionId", String.valueOf(riders)).param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XLSX))
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'member.export'").query(Long.class).single()).isEqualTo(audits + 1);
		try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(2)).isEqualTo("身份证号(已脱敏)");
			assertThat(rows.subList(1, rows.size())).extracting(r -> r.getCellText(0)).contains("王强", "李娜").doesNotContain("孙丽");
			for (Row r : rows.subList(1, rows.size())) {
				assertThat(r.getCellText(2)).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
				assertThat(r.getCellText(4)).isEqualTo("丰台区新就业形态劳动者联合工会");
				assertThat(r.getCellText(6)).isIn("新就业形态劳动者", "在职职工", "灵活就业人员");
				assertThat(r.getCellText(10)).isEqualTo("在册");
			}
			String all = rows.toString();
			Matcher full = Pattern.compile("\\d{17}[\\dX]").matcher(all);
			assertThat(full.find()).as("an unmasked ID number in the export").isFalse();
		}
		mvc.perform(get("/members/export").param("unionId", String.valueOf(id(jdbc, "朝阳区总工会")))).andExpect(status().isNotFound());
	}
}
