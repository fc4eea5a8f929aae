package org.gonghui.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gonghui.facility.internal.SiteImportService.ImportReport;
import org.gonghui.facility.internal.SiteImportService.RowProblem;
import org.gonghui.facility.internal.TestGeo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.jayway.jsonpath.JsonPath;

/**
 * The facility module through its pages and JSON API: the public nearest search and its filters, creating
 * sites, refusals that store nothing (with Chinese field messages), the data scope (outside it looks exactly
 * like a missing id), public pages with moderated feedback, photos, Excel import and export, and status moves.
 * Tests roll back, except the one that needs a commit because the nearest index follows commits.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class SiteWebTests {

	private static final String PASSWORD = "gonghui-demo";
	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	private static final String[] HEADERS = { "所属组织", "类型", "名称", "地址", "纬度", "经度", "坐标系", "开放时间", "设施", "容纳人数", "联系人",
			"联系电话", "状态", "状态日期", "是否公开", "介绍" };
	/** What the export and the template write: the site number first, and the opening date for the reader. */
	private static final String[] EXPORT_HEADERS = { "站点编号", "所属组织", "类型", "名称", "地址", "纬度", "经度", "坐标系", "开放时间", "设施", "容纳人数",
			"联系人", "联系电话", "状态", "状态日期", "开放日期", "是否公开", "介绍" };

	/** 丰台站暖心驿站 (WGS-84), a 24/7 station with a charger. */
	private static final double FENGTAI_STATION_LAT = 39.8480;
	private static final double FENGTAI_STATION_LON = 116.3050;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	// ---------------------------------------------------------------- helpers

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private static RequestPostProcessor basic(String username) {
		return httpBasic(username, PASSWORD);
	}

	private long site(String name) {
		return jdbc.sql("select id from site where name = :name").param("name", name).query(Long.class).single();
	}

	private long siteCount() {
		return jdbc.sql("select count(*) from site").query(Long.class).single();
	}

	private long feedbackCount() {
		return jdbc.sql("select count(*) from site_feedback").query(Long.class).single();
	}

	private long photoCount(long siteId) {
		return jdbc.sql("select count(*) from site_photo where site_id = :id").param("id", siteId).query(Long.class).single();
	}

	private boolean siteExists(String name) {
		return jdbc.sql("select count(*) from site where name = :name").param("name", name).query(Long.class).single() > 0;
	}

	/** Names of all sites owned by the organisation's subtree, straight from the database. */
	private List<String> subtreeSiteNames(String organization) {
		String path = jdbc.sql("select path from organization where name = :name").param("name", organization).query(String.class).single();
		return jdbc.sql("select s.name from site s join organization o on o.id = s.organization_id where o.path like :p order by s.name")
			.param("p", path + "%").query(String.class).list();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String siteJson(long organizationId, String name, double lat, double lon, String crs, String hours, String status,
			boolean isPublic) {
		return """
				{"organizationId":%d,"type":"OUTDOOR_WORKER_STATION","name":"%s","address":"丰台区测试路1号","lat":%s,"lon":%s,"crs":"%s",
				"status":"%s","public":%s,"amenities":["DRINKING_WATER","EBIKE_CHARGING"],"openingHours":"%s","capacity":10,
				"contactName":"李明","contactPhone":"010-63801234"}""".formatted(organizationId, name, lat, lon, crs, status, isPublic, hours);
	}

	private String body(MvcResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static byte[] png(int width, int height) throws IOException {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(200, 30, 30));
		g.fillRect(0, 0, width, height);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** Bigger than the 2 MB limit, starting like a PNG. */
	private static byte[] oversized() {
		byte[] bytes = new byte[2 * 1024 * 1024 + 1];
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
		System.arraycopy(signature, 0, bytes, 0, signature.length);
		return bytes;
	}

	private static byte[] xlsx(List<List<Object>> rows) throws IOException {
		var out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("站点");
		for (int r = 0; r < rows.size(); r++) {
			List<Object> row = rows.get(r);
			for (int c = 0; c < row.size(); c++) {
				Object v = row.get(c);
				if (v instanceof Number n) {
					sheet.value(r, c, n);
				}
				else if (v != null) {
					sheet.value(r, c, v.toString());
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	private static List<List<String>> readXlsx(byte[] content) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content)); var stream = workbook.getFirstSheet().openStream()) {
			for (Row row : (Iterable<Row>) stream::iterator) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					cells.add(row.getCellText(c));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	private ImportReport importPage(String username, String filename, byte[] content) throws Exception {
		MvcResult result = mvc.perform(multipart("/sites/manage/import").file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.with(as(username)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		return (ImportReport) result.getModelAndView().getModel().get("report");
	}

	// ---------------------------------------------------------------- 1. nearest search (public)

	@Test
	void nearestAnswersAnyoneWithTheOpenPublicSitesInDistanceOrder() throws Exception {
		long station = site("丰台站暖心驿站");
		String body = body(mvc.perform(get("/api/sites/nearest").param("lat", "39.8480").param("lon", "116.3050").param("k", "5"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("application/json")))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$", hasSize(5)))
			.andExpect(jsonPath("$[0].id").value(station))
			.andExpect(jsonPath("$[0].name").value("丰台站暖心驿站"))
			.andExpect(jsonPath("$[0].type").value("OUTDOOR_WORKER_STATION"))
			.andExpect(jsonPath("$[0].lat").value(39.848))
			.andExpect(jsonPath("$[0].lon").value(116.305))
			.andExpect(jsonPath("$[0].distanceMeters").value(0))
			.andExpect(jsonPath("$[0].amenities", hasItems("DRINKING_WATER", "EBIKE_CHARGING")))
			.andExpect(jsonPath("$[0].openNow").value(true))
			.andExpect(jsonPath("$[0].navigateUrl", startsWith("https://uri.amap.com/navigation?to=")))
			.andReturn());
		List<Number> distances = JsonPath.read(body, "$[*].distanceMeters");
		assertThat(distances.stream().map(Number::longValue).toList()).isSorted();
		assertThat(distances.get(1).longValue()).isPositive();

		// Everything around 泛华 (k=50 is more than there are): its rooms are not public, planned/suspended/closed sites are not findable.
		long findable = jdbc.sql("select count(*) from site where status = 'OPEN' and is_public = true").query(Long.class).single();
		assertThat(findable).isLessThan(50);
		mvc.perform(get("/api/sites/nearest").param("lat", "39.8200").param("lon", "116.2950").param("k", "50"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize((int) findable)))
			.andExpect(jsonPath("$[*].name", not(hasItem("泛华集团职工心理减压室"))))
			.andExpect(jsonPath("$[*].name", not(hasItem("泛华集团母婴关爱室"))))
			.andExpect(jsonPath("$[*].name", not(hasItem("卢沟桥职工之家"))))
			.andExpect(jsonPath("$[*].name", not(hasItem("丰台科技园职工之家"))))
			.andExpect(jsonPath("$[*].name", not(hasItem("六里桥暖心驿站"))))
			.andExpect(jsonPath("$[*].name", not(hasItem("夕照寺驿站"))))
			.andExpect(jsonPath("$[*].name", not(hasItem("陈经纶中学教师心理减压室"))))
			.andExpect(jsonPath("$[*].name", hasItem("丰台区丽泽职工之家")));
	}

	@Test
	void nearestHonoursTypeAmenityAndOpenNowFilters() throws Exception {
		mvc.perform(get("/api/sites/nearest").param("lat", "39.86").param("lon", "116.30").param("k", "50").param("amenity", "EBIKE_CHARGING"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].amenities", everyItem(hasItem("EBIKE_CHARGING"))))
			.andExpect(jsonPath("$[*].name", hasItem("丰台站暖心驿站")))
			// Stations without a charger (总部基地 is close to the point) are left out.
			.andExpect(jsonPath("$[*].name", not(hasItem("总部基地暖心驿站"))))
			.andExpect(jsonPath("$[*].name", not(hasItem("方庄暖心驿站"))));
		// Every amenity named must be offered: no demo station has both a charger and a toilet, the homes have no charger.
		mvc.perform(get("/api/sites/nearest").param("lat", "39.86").param("lon", "116.30").param("k", "50").param("amenity", "EBIKE_CHARGING")
			.param("amenity", "TOILET"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get("/api/sites/nearest").param("lat", "39.86").param("lon", "116.30").param("k", "50").param("type", "WORKERS_HOME"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].type", everyItem(org.hamcrest.Matchers.is("WORKERS_HOME"))))
			.andExpect(jsonPath("$[*].name", hasItems("丰台区丽泽职工之家", "六里桥街道职工之家", "延庆区职工之家")))
			.andExpect(jsonPath("$[*].name", not(hasItem("丰台科技园职工之家"))));
		String open = body(mvc.perform(get("/api/sites/nearest").param("lat", "39.86").param("lon", "116.30").param("k", "50")
			.param("openNow", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].openNow", everyItem(org.hamcrest.Matchers.is(true))))
			.andReturn());
		String all = body(mvc.perform(get("/api/sites/nearest").param("lat", "39.86").param("lon", "116.30").param("k", "50")).andReturn());
		// The 24/7 stations are open whenever the test runs; the open-now list holds exactly the open entries of the full list.
		List<Integer> openIds = JsonPath.read(open, "$[*].id");
		List<Integer> openInAll = JsonPath.read(all, "$[?(@.openNow == true)].id");
		assertThat(openIds).contains((int) site("丰台站暖心驿站"), (int) site("京东快递龙潭站暖心驿站")).containsExactlyInAnyOrderElementsOf(openInAll);
	}

	@Test
	void nearestTakesGcjPointsAsTheSamePlace() throws Exception {
		GeoPoint gcj = TestGeo.wgsToGcj(FENGTAI_STATION_LAT, FENGTAI_STATION_LON);
		assertThat(TestGeo.distance(gcj.lat(), gcj.lon(), FENGTAI_STATION_LAT, FENGTAI_STATION_LON)).isGreaterThan(100);
		String wgs = body(mvc.perform(get("/api/sites/nearest").param("lat", String.valueOf(FENGTAI_STATION_LAT))
			.param("lon", String.valueOf(FENGTAI_STATION_LON)).param("k", "3").param("crs", "WGS84")).andExpect(status().isOk()).andReturn());
		mvc.perform(get("/api/sites/nearest").param("lat", String.valueOf(gcj.lat())).param("lon", String.valueOf(gcj.lon())).param("k", "3")
			.param("crs", "GCJ02"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(((Number) JsonPath.read(wgs, "$[0].id")).longValue()))
			.andExpect(jsonPath("$[0].name").value("丰台站暖心驿站"))
			.andExpect(jsonPath("$[0].distanceMeters").value(0))
			// Results are WGS-84 whatever the question's system.
			.andExpect(jsonPath("$[0].lat").value(39.848));
	}

	@Test
	void nearestRefusesBadPointsWithChineseFieldMessages() throws Exception {
		String[][] cases = {
				{ "lat=abc&lon=116.3", "lat", "格式不正确" },
				{ "lat=NaN&lon=116.3", "lat", "经纬度必须是有效数字" },
				{ "lat=39.86&lon=Infinity", "lon", "经纬度必须是有效数字" },
				{ "lat=116.30&lon=39.86", "lat", "经纬度可能填反了：纬度在前（如 39.9），经度在后（如 116.4）" },
				{ "lat=37.5665&lon=126.9780", "lat", "该位置不在中国境内，请检查坐标" },
				{ "lon=116.3", "lat", "请填写经纬度" },
				{ "lat=39.86&lon=116.3&k=0", "k", "返回数量应为 1 到 50 之间" },
				{ "lat=39.86&lon=116.3&k=500", "k", "返回数量应为 1 到 50 之间" },
				{ "lat=39.86&lon=116.3&type=SPACESHIP", "type", "格式不正确" },
				{ "lat=39.86&lon=116.3&amenity=JACUZZI", "amenity", "格式不正确" },
				{ "lat=39.86&lon=116.3&crs=BD09", "crs", "格式不正确" } };
		for (String[] c : cases) {
			mvc.perform(get("/api/sites/nearest?" + c[0]))
				.andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
				.andExpect(jsonPath("$.detail").value("提交的信息有误，请按提示修改。"))
				.andExpect(jsonPath("$.errors[0].field").value(c[1]))
				.andExpect(jsonPath("$.errors[0].message").value(c[2]));
		}
	}

	// ---------------------------------------------------------------- 2. creating sites through the API

	@Test
	void staffCreateSitesWithEveryKindOfOpeningHours() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long before = siteCount();
		for (String hours : new String[] { "24/7", "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00", "Mo-Su 22:00-06:00" }) {
			String name = unique("接口驿站");
			String created = body(mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
				.content(siteJson(fengtai, name, 39.8611, 116.3011, "WGS84", hours, "OPEN", true)))
				.andExpect(status().isCreated())
				.andExpect(header().string("Location", startsWith("/api/sites/")))
				.andExpect(jsonPath("$.id").isNumber())
				.andExpect(jsonPath("$.name").value(name))
				.andExpect(jsonPath("$.openingHours").value(hours))
				.andExpect(jsonPath("$.status").value("OPEN"))
				.andExpect(jsonPath("$.openedOn").value(today().toString()))
				.andExpect(jsonPath("$.public").value(true))
				.andExpect(jsonPath("$.amenities", hasItems("DRINKING_WATER", "EBIKE_CHARGING")))
				.andExpect(jsonPath("$.week", hasSize(7)))
				.andReturn());
			long siteId = ((Number) JsonPath.read(created, "$.id")).longValue();
			mvc.perform(get("/api/sites/" + siteId))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value(name))
				.andExpect(jsonPath("$.organizationName").value("丰台区总工会"))
				.andExpect(jsonPath("$.lat").value(39.8611));
		}
		String hidden = unique("内部减压室");
		String created = body(mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content(siteJson(fengtai, hidden, 39.8612, 116.3012, "WGS84", "Mo-Fr 09:00-17:00", "OPEN", false)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.public").value(false))
			.andReturn());
		long hiddenId = ((Number) JsonPath.read(created, "$.id")).longValue();
		mvc.perform(get("/api/sites/" + hiddenId)).andExpect(status().isNotFound());
		mvc.perform(get("/api/sites/" + hiddenId).with(basic("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/sites/" + hiddenId).with(basic("fengtai"))).andExpect(status().isOk()).andExpect(jsonPath("$.name").value(hidden));

		// A point picked on AMap (GCJ-02) is stored as WGS-84.
		GeoPoint gcj = TestGeo.wgsToGcj(39.8613, 116.3013);
		mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content(siteJson(fengtai, unique("高德驿站"), gcj.lat(), gcj.lon(), "GCJ02", "24/7", "PLANNED", true)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.lat").value(org.hamcrest.Matchers.closeTo(39.8613, 1e-5)))
			.andExpect(jsonPath("$.lon").value(org.hamcrest.Matchers.closeTo(116.3013, 1e-5)))
			.andExpect(jsonPath("$.latGcj").value(org.hamcrest.Matchers.closeTo(gcj.lat(), 1e-6)))
			.andExpect(jsonPath("$.openedOn").doesNotExist());
		assertThat(siteCount()).isEqualTo(before + 5);
	}

	/** Commits: the nearest index follows commits, so this test cannot roll back; it cleans up after itself. */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void aNewOpenPublicSiteIsFoundAtOnceAndAClosedOneIsNot() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		// 乌鲁木齐, far from every demo site: the nearest there is ours.
		double lat = 43.8256;
		double lon = 87.6168;
		List<Long> created = new ArrayList<>();
		try {
			for (String hours : new String[] { "24/7", "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00", "Mo-Su 22:00-06:00" }) {
				String name = unique("乌鲁木齐驿站");
				String body = body(mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
					.content(siteJson(fengtai, name, lat, lon, "WGS84", hours, "OPEN", true)))
					.andExpect(status().isCreated())
					.andReturn());
				long siteId = ((Number) JsonPath.read(body, "$.id")).longValue();
				created.add(siteId);
				mvc.perform(get("/api/sites/nearest").param("lat", String.valueOf(lat)).param("lon", String.valueOf(lon)).param("k", "1")
					.param("amenity", "EBIKE_CHARGING"))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$[0].id").value(siteId))
					.andExpect(jsonPath("$[0].name").value(name))
					.andExpect(jsonPath("$[0].distanceMeters").value(0));
				lat += 0.0001; // the next one is nearer to the next question than this one
			}
			// Not public: never findable.
			String hidden = body(mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
				.content(siteJson(fengtai, unique("乌鲁木齐内部"), lat + 0.0001, lon, "WGS84", "24/7", "OPEN", false)))
				.andExpect(status().isCreated()).andReturn());
			long hiddenId = ((Number) JsonPath.read(hidden, "$.id")).longValue();
			created.add(hiddenId);
			mvc.perform(get("/api/sites/nearest").param("lat", String.valueOf(lat + 0.0001)).param("lon", String.valueOf(lon)).param("k", "50"))
				.andExpect(jsonPath("$[*].id", not(hasItem((int) hiddenId))));
			// Closing the last one takes it out at once.
			long last = created.get(2);
			mvc.perform(post("/api/sites/" + last + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"CLOSED\",\"note\":\"测试结束\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CLOSED"));
			mvc.perform(get("/api/sites/nearest").param("lat", String.valueOf(lat - 0.0001)).param("lon", String.valueOf(lon)).param("k", "50"))
				.andExpect(jsonPath("$[*].id", not(hasItem((int) last))))
				.andExpect(jsonPath("$[0].id").value(created.get(1)));
		}
		finally {
			for (long siteId : created) {
				mvc.perform(post("/api/sites/" + siteId + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"status\":\"CLOSED\",\"note\":\"测试结束\"}"));
				jdbc.sql("delete from site_status_change where site_id = :id").param("id", siteId).update();
				jdbc.sql("delete from site where id = :id").param("id", siteId).update();
			}
		}
	}

	// ---------------------------------------------------------------- 3. refusals store nothing

	@Test
	void badSitesAreRefusedWithFieldErrorsAndNothingIsStored() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long before = siteCount();
		String good = siteJson(fengtai, "拒绝驿站", 39.86, 116.30, "WGS84", "24/7", "OPEN", true);
		// Not a number, not a known code: a malformed request, never a server error.
		for (String bad : new String[] { good.replace("\"lat\":39.86", "\"lat\":\"abc\""),
				good.replace("\"type\":\"OUTDOOR_WORKER_STATION\"", "\"type\":\"SPACESHIP\""),
				good.replace("\"EBIKE_CHARGING\"", "\"JACUZZI\""), good.replace("\"crs\":\"WGS84\"", "\"crs\":\"BD09\""),
				good.replace("\"status\":\"OPEN\"", "\"status\":\"DEMOLISHED\""), "{\"name\":", "[]" }) {
			mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON).content(bad))
				.andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.oneOf("格式不正确", "请求内容不是有效的 JSON")));
		}
		// The field is named where the value sits.
		mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content(good.replace("\"EBIKE_CHARGING\"", "\"JACUZZI\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amenities[1]"))
			.andExpect(jsonPath("$.errors[0].message").value("格式不正确"));
		mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content(good.replace("\"lat\":39.86", "\"lat\":\"abc\"")))
			.andExpect(jsonPath("$.errors[0].field").value("lat"));
		Object[][] cases = {
				{ good.replace("\"lat\":39.86,\"lon\":116.3", "\"lat\":116.3,\"lon\":39.86"), "lat",
						"经纬度可能填反了：纬度在前（如 39.9），经度在后（如 116.4）" },
				{ good.replace("\"lat\":39.86,\"lon\":116.3", "\"lat\":37.5665,\"lon\":126.978"), "lat", "该位置不在中国境内，请检查坐标" },
				{ good.replace("\"lat\":39.86,\"lon\":116.3", "\"lat\":95.0,\"lon\":116.3"), "lat", "纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间" },
				{ good.replace("\"24/7\"", "\"Mo-Fr 25:00-18:00\""), "openingHours", "时间有误：“25:00”" },
				{ good.replace("\"24/7\"", "\"whenever\""), "openingHours", "开放时间格式有误：“whenever”" },
				{ good.replace("\"lat\":39.86,", ""), "lat", "请填写经纬度" },
				{ good.replace("\"organizationId\":" + fengtai, "\"organizationId\":" + id(jdbc, "朝阳区总工会")), "organizationId",
						"组织不存在或不在您的管理范围内" },
				{ good.replace("拒绝驿站", "丰台站暖心驿站"), "name", "本组织已有同名站点" } };
		for (Object[] c : cases) {
			mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON).content((String) c[0]))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("提交的信息有误，请按提示修改。"))
				.andExpect(jsonPath("$.errors[?(@.field == '" + c[1] + "')].message", hasItem(c[2])));
		}
		mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("organizationId", "type", "name", "address", "lat", "lon", "openingHours")))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message", hasItem("必填")));
		assertThat(siteCount()).isEqualTo(before);
	}

	@Test
	void theSiteFormRefusesBadCoordinatesAndStoresNothing() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long before = siteCount();
		String[][] cases = { { "NaN", "116.3", "经纬度必须是有效数字" }, { "abc", "116.3", "格式不正确" }, { "116.3", "39.86", "经纬度可能填反了" },
				{ "37.5665", "126.978", "该位置不在中国境内" }, { "", "116.3", "请填写经纬度" } };
		for (String[] c : cases) {
			mvc.perform(post("/sites/manage/new").with(as("fengtai")).with(csrf())
				.param("organizationId", String.valueOf(fengtai)).param("type", "OUTDOOR_WORKER_STATION").param("name", "表单驿站")
				.param("address", "丰台区表单路1号").param("lat", c[0]).param("lon", c[1]).param("crs", "WGS84").param("openingHours", "24/7")
				.param("status", "OPEN").param("publicSite", "true"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString(c[2])))
				.andExpect(content().string(containsString("表单驿站")));
		}
		mvc.perform(post("/sites/manage/new").with(as("fengtai")).with(csrf())
			.param("organizationId", String.valueOf(fengtai)).param("type", "OUTDOOR_WORKER_STATION").param("name", "表单驿站")
			.param("address", "丰台区表单路1号").param("lat", "39.86").param("lon", "116.3").param("openingHours", "Mo-Fr 8-18")
			.param("status", "OPEN"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("开放时间格式有误")));
		assertThat(siteCount()).isEqualTo(before);
		mvc.perform(post("/sites/manage/new").with(as("fengtai")).with(csrf())
			.param("organizationId", String.valueOf(fengtai)).param("type", "OUTDOOR_WORKER_STATION").param("name", "表单驿站")
			.param("address", "丰台区表单路1号").param("lat", "39.86").param("lon", "116.3").param("openingHours", "Mo-Su 22:00-06:00")
			.param("amenities", "DRINKING_WATER", "EBIKE_CHARGING").param("status", "OPEN").param("publicSite", "true"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sites/manage/" + site("表单驿站")));
		assertThat(siteCount()).isEqualTo(before + 1);
	}

	// ---------------------------------------------------------------- 4. data scope

	@Test
	void sitesOutsideTheScopeLookExactlyLikeMissingOnes() throws Exception {
		long chaoyangRoom = site("朝阳区职工心理服务中心减压室");
		long school = site("陈经纶中学教师心理减压室");
		long missing = jdbc.sql("select max(id) from site").query(Long.class).single() + 1000;
		String missingBody = body(mvc.perform(get("/api/sites/" + missing).with(basic("fengtai"))).andExpect(status().isNotFound()).andReturn());
		String schoolBody = body(mvc.perform(get("/api/sites/" + school).with(basic("fengtai"))).andExpect(status().isNotFound()).andReturn());
		assertThat(schoolBody).isEqualTo(missingBody.replace(String.valueOf(missing), String.valueOf(school)));
		mvc.perform(get("/api/sites/" + school)).andExpect(status().isNotFound());
		mvc.perform(get("/api/sites/" + school).with(basic("chaoyang"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("陈经纶中学教师心理减压室"))
			.andExpect(jsonPath("$.public").value(false));
		// A public 朝阳 site is readable by anyone, but not manageable by 丰台.
		mvc.perform(get("/api/sites/" + chaoyangRoom).with(basic("fengtai"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.mayEdit").value(false));
		mvc.perform(get("/api/sites/" + chaoyangRoom).with(basic("chaoyang"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.mayEdit").value(true));

		String history = body(mvc.perform(get("/api/sites/" + chaoyangRoom + "/history").with(basic("fengtai")))
			.andExpect(status().isNotFound()).andReturn());
		String missingHistory = body(mvc.perform(get("/api/sites/" + missing + "/history").with(basic("fengtai")))
			.andExpect(status().isNotFound()).andReturn());
		assertThat(history).isEqualTo(missingHistory.replace(String.valueOf(missing), String.valueOf(chaoyangRoom)));

		long chaoyang = id(jdbc, "朝阳区总工会");
		String edit = siteJson(chaoyang, "朝阳区职工心理服务中心减压室", 39.93, 116.4436, "WGS84", "24/7", "OPEN", true);
		for (long target : new long[] { chaoyangRoom, missing }) {
			String put = body(mvc.perform(put("/api/sites/" + target).with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON).content(edit))
				.andExpect(status().isNotFound()).andReturn());
			String move = body(mvc.perform(post("/api/sites/" + target + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\":\"SUSPENDED\",\"note\":\"越界\"}")).andExpect(status().isNotFound()).andReturn());
			assertThat(put).contains("\"status\":404").doesNotContain("朝阳");
			assertThat(move).contains("\"status\":404").doesNotContain("朝阳");
		}
		mvc.perform(post("/sites/manage/" + chaoyangRoom + "/status").with(as("fengtai")).with(csrf()).param("status", "SUSPENDED")
			.param("note", "越界")).andExpect(status().isNotFound());
		mvc.perform(get("/sites/manage/" + chaoyangRoom).with(as("fengtai"))).andExpect(status().isNotFound());
		mvc.perform(get("/sites/manage/" + chaoyangRoom + "/edit").with(as("fengtai"))).andExpect(status().isNotFound());
		var row = jdbc.sql("select status, opening_hours, version from site where id = :id").param("id", chaoyangRoom).query().singleRow();
		assertThat(row.get("status")).isEqualTo("OPEN");
		assertThat(row.get("opening_hours")).isEqualTo("Mo-Fr 09:00-17:00; Sa 09:00-12:00");
		assertThat(((Number) row.get("version")).intValue()).isZero();
	}

	@Test
	void staffListAndExportOnlyTheirSubtree() throws Exception {
		List<String> fengtaiSites = subtreeSiteNames("丰台区总工会");
		assertThat(fengtaiSites).contains("丰台站暖心驿站", "泛华集团职工心理减压室", "骑手夜间驿站（丰台东大街）").doesNotContain("龙潭公园暖心驿站");
		mvc.perform(get("/api/sites").param("size", "200").with(basic("fengtai")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(fengtaiSites.size()))
			.andExpect(jsonPath("$.content[*].name", hasItems(fengtaiSites.toArray(String[]::new))))
			.andExpect(jsonPath("$.content[*].name", not(hasItem("朝阳区职工心理服务中心减压室"))))
			.andExpect(jsonPath("$.content[*].name", not(hasItem("陈经纶中学教师心理减压室"))))
			.andExpect(jsonPath("$.content[*].name", not(hasItem("龙潭公园暖心驿站"))))
			.andExpect(jsonPath("$.content[*].name", not(hasItem("延庆区职工之家"))));
		mvc.perform(get("/api/sites").param("organizationId", String.valueOf(id(jdbc, "朝阳区总工会"))).with(basic("fengtai")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/sites").param("organizationId", String.valueOf(id(jdbc, "泛华集团工会"))).with(basic("fengtai")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(2));
		mvc.perform(get("/api/sites").param("size", "200").with(basic("fanhua")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.content[*].name", hasItems("泛华集团职工心理减压室", "泛华集团母婴关爱室")));

		long openStations = jdbc.sql("select count(*) from site s join organization o on o.id = s.organization_id where o.path like :p"
				+ " and s.type = 'OUTDOOR_WORKER_STATION' and s.status = 'OPEN'")
			.param("p", jdbc.sql("select path from organization where name = '丰台区总工会'").query(String.class).single() + "%")
			.query(Long.class).single();
		mvc.perform(get("/api/sites/tally").with(basic("fengtai")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.OUTDOOR_WORKER_STATION.OPEN").value(openStations))
			.andExpect(jsonPath("$.WORKERS_HOME.PLANNED").value(1))
			.andExpect(jsonPath("$.WORKERS_HOME.BUILDING").value(1));
		mvc.perform(get("/sites/manage").with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("丰台站暖心驿站")))
			.andExpect(content().string(not(containsString("朝阳区职工心理服务中心减压室"))));

		byte[] export = mvc.perform(get("/sites/manage/export").with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith(XLSX)))
			.andExpect(header().string("Content-Disposition", startsWith("attachment;")))
			.andReturn().getResponse().getContentAsByteArray();
		List<List<String>> rows = readXlsx(export);
		assertThat(rows.get(0)).containsExactly(EXPORT_HEADERS);
		assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(3)).toList()).containsExactlyInAnyOrderElementsOf(fengtaiSites);
		byte[] chaoyangExport = mvc.perform(get("/api/sites/export").with(basic("chaoyang"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(readXlsx(chaoyangExport).stream().skip(1).map(r -> r.get(3)).toList())
			.containsExactlyInAnyOrderElementsOf(subtreeSiteNames("朝阳区总工会"))
			.contains("陈经纶中学教师心理减压室")
			.doesNotContain("丰台站暖心驿站");
		mvc.perform(get("/sites/manage/export").param("organizationId", String.valueOf(id(jdbc, "朝阳区总工会"))).with(as("fengtai")))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", not(startsWith(XLSX))));
	}

	@Test
	void workersAndAnonymousCallersCannotManageSites() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long station = site("丰台站暖心驿站");
		long before = siteCount();
		String json = siteJson(fengtai, "无权驿站", 39.86, 116.3, "WGS84", "24/7", "OPEN", true);
		mvc.perform(get("/api/sites").with(basic("worker"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/sites").with(basic("worker")).contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isForbidden());
		mvc.perform(get("/api/sites/export").with(basic("worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/sites/manage").with(as("worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/sites/manage/export").with(as("worker"))).andExpect(status().isForbidden());
		mvc.perform(get("/sites/manage/feedback").with(as("worker"))).andExpect(status().isForbidden());
		// Without credentials: 401 and the Basic challenge (a script sending no token at all meets the CSRF check first: 403).
		mvc.perform(post("/api/sites").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
		mvc.perform(get("/api/sites")).andExpect(status().isUnauthorized());
		mvc.perform(get("/sites/manage")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/sites/manage/export")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		// Counsellors read but do not write.
		mvc.perform(get("/api/sites").with(basic("counsellor"))).andExpect(status().isOk());
		mvc.perform(post("/api/sites").with(basic("counsellor")).contentType(MediaType.APPLICATION_JSON)
			.content(siteJson(id(jdbc, "朝阳区总工会"), "咨询师驿站", 39.93, 116.44, "WGS84", "24/7", "OPEN", true)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/sites/" + station + "/status").with(basic("worker")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"CLOSED\",\"note\":\"x\"}")).andExpect(status().isForbidden());
		// The page session needs the CSRF token for API writes.
		mvc.perform(post("/api/sites").with(as("fengtai")).contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isForbidden());
		assertThat(siteCount()).isEqualTo(before);
	}

	@Test
	void theEditPageChangesDetailsAndCanHideASite() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long station = site("丰台站暖心驿站");
		mvc.perform(get("/sites/manage/" + station + "/edit").with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"丰台站暖心驿站\"")));
		int version = jdbc.sql("select version from site where id = :id").param("id", station).query(Integer.class).single();
		var edit = post("/sites/manage/" + station + "/edit").with(as("fengtai")).with(csrf()).param("version", String.valueOf(version))
			.param("organizationId", String.valueOf(fengtai)).param("type", "OUTDOOR_WORKER_STATION").param("name", "丰台站暖心驿站")
			.param("address", "丰台区丰台站南广场东侧").param("lat", "39.8480").param("lon", "116.3050").param("crs", "WGS84")
			.param("openingHours", "Mo-Su 06:00-23:00").param("amenities", "DRINKING_WATER").param("_amenities", "on").param("_publicSite", "on");
		mvc.perform(edit).andExpect(status().isFound()).andExpect(redirectedUrl("/sites/manage/" + station));
		var row = jdbc.sql("select is_public, amenities, status, opening_hours, version from site where id = :id").param("id", station).query()
			.singleRow();
		assertThat(row.get("is_public")).isEqualTo(false);
		assertThat(((Number) row.get("amenities")).longValue()).isEqualTo(Amenity.DRINKING_WATER.mask());
		assertThat(row.get("status")).isEqualTo("OPEN");
		assertThat(row.get("opening_hours")).isEqualTo("Mo-Su 06:00-23:00");
		assertThat(((Number) row.get("version")).intValue()).isEqualTo(version + 1);
		mvc.perform(get("/sites/" + station)).andExpect(status().isNotFound());
		mvc.perform(get("/api/sites/" + station)).andExpect(status().isNotFound());
		// The same form again, with the version it was read at: someone changed the site meanwhile.
		mvc.perform(edit).andExpect(status().isConflict());
		mvc.perform(post("/sites/manage/" + station + "/edit").with(as("chaoyang")).with(csrf()).param("version", String.valueOf(version + 1))
			.param("name", "越界").param("lat", "39.8480").param("lon", "116.3050").param("openingHours", "24/7"))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select name from site where id = :id").param("id", station).query(String.class).single()).isEqualTo("丰台站暖心驿站");
	}

	@Test
	void htmlInSiteDetailsIsShownAsText() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		String evil = "<img src=x onerror=alert(1)>";
		String json = siteJson(fengtai, "驿站" + evil, 39.8614, 116.3014, "WGS84", "24/7", "OPEN", true)
			.replace("\"address\":\"丰台区测试路1号\"", "\"address\":\"地址" + evil + "\",\"description\":\"介绍" + evil + "\"");
		String created = body(mvc.perform(post("/api/sites").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated()).andReturn());
		long siteId = ((Number) JsonPath.read(created, "$.id")).longValue();
		for (MvcResult page : new MvcResult[] { mvc.perform(get("/sites/" + siteId)).andExpect(status().isOk()).andReturn(),
				mvc.perform(get("/sites/manage/" + siteId).with(as("fengtai"))).andExpect(status().isOk()).andReturn(),
				mvc.perform(get("/sites/manage").param("q", "驿站<img").with(as("fengtai"))).andExpect(status().isOk()).andReturn() }) {
			assertThat(body(page)).contains("驿站&lt;img src=x onerror=alert(1)&gt;").doesNotContain(evil);
		}
		assertThat(body(mvc.perform(get("/sites/" + siteId)).andReturn())).contains("介绍&lt;img src=x onerror=alert(1)&gt;");
	}

	// ---------------------------------------------------------------- 5. public pages

	@Test
	void theFinderPageListsNearbyStationsWithNavigationLinks() throws Exception {
		mvc.perform(get("/sites"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("附近的服务站点")))
			.andExpect(content().string(containsString("使用我的位置")))
			.andExpect(content().string(not(containsString("site-result\""))));
		mvc.perform(get("/sites").param("lat", "39.86").param("lon", "116.30").param("amenity", "EBIKE_CHARGING"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("最近的 10 个站点")))
			.andExpect(content().string(containsString("丰台站暖心驿站")))
			.andExpect(content().string(containsString("北大地暖心驿站")))
			.andExpect(content().string(not(containsString("总部基地暖心驿站"))))
			.andExpect(content().string(not(containsString("泛华集团"))))
			.andExpect(content().string(containsString("https://uri.amap.com/navigation?to=")))
			.andExpect(content().string(containsString("电动车充电")));
	}

	@Test
	void theFinderPageExplainsBadCoordinatesInsteadOfFailing() throws Exception {
		mvc.perform(get("/sites").param("lat", "abc").param("lon", "116.3").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("经纬度必须是有效数字")));
		mvc.perform(get("/sites").param("lat", "NaN").param("lon", "116.3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("经纬度必须是有效数字")));
		mvc.perform(get("/sites").param("lat", "39.86"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写经纬度")));
		mvc.perform(get("/sites").param("lat", "37.5665").param("lon", "126.978"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("该位置不在中国境内，请检查坐标")));
	}

	@Test
	void aSitePageShowsTheAverageOfApprovedFeedbackOnly() throws Exception {
		long longtanPark = site("龙潭公园暖心驿站");
		mvc.perform(get("/sites/" + longtanPark))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("4.5 分（2 条评价）")))
			.andExpect(content().string(containsString("中午在这儿热饭、充电，夏天有空调，特别方便。")))
			.andExpect(content().string(containsString("张**")))
			.andExpect(content().string(not(containsString("张师傅"))))
			.andExpect(content().string(containsString("https://uri.amap.com/navigation?to=")))
			.andExpect(content().string(containsString("登录后评价")));
		long jd = site("京东快递龙潭站暖心驿站");
		mvc.perform(get("/sites/" + jd))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("暂无评价")))
			.andExpect(content().string(not(containsString("充电桩再多两个就更好了"))));
		long fanhuaRoom = site("泛华集团职工心理减压室");
		mvc.perform(get("/sites/" + fanhuaRoom)).andExpect(status().isNotFound());
		mvc.perform(get("/sites/" + fanhuaRoom).with(as("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/sites/" + fanhuaRoom).with(as("fengtai"))).andExpect(status().isOk()).andExpect(content().string(containsString("不公开")));
		mvc.perform(get("/sites/" + site("夕照寺驿站"))).andExpect(status().isOk()).andExpect(content().string(containsString("已关闭")));
		mvc.perform(get("/sites/999999999")).andExpect(status().isNotFound());
	}

	// ---------------------------------------------------------------- 6. feedback and moderation

	@Test
	void feedbackNeedsAnAccountAndAValidRatingAndPhoto() throws Exception {
		long station = site("龙潭公园暖心驿站");
		long before = feedbackCount();
		mvc.perform(post("/sites/" + station + "/feedback").with(csrf()).param("rating", "5").param("comment", "匿名"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(post("/sites/" + station + "/feedback").with(as("worker")).param("rating", "5")).andExpect(status().isForbidden());
		for (String rating : new String[] { "0", "6" }) {
			mvc.perform(post("/sites/" + station + "/feedback").with(as("worker")).with(csrf()).param("rating", rating).param("comment", "打分越界"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("请选择 1 到 5 星的评分")))
				.andExpect(content().string(containsString("打分越界")));
		}
		mvc.perform(post("/sites/" + station + "/feedback").with(as("worker")).with(csrf()).param("rating", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("格式不正确")));
		mvc.perform(post("/sites/" + station + "/feedback").with(as("worker")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("必填")));
		mvc.perform(multipart("/sites/" + station + "/feedback").file(new MockMultipartFile("photo", "big.png", "image/png", oversized()))
			.param("rating", "4").with(as("worker")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("照片不能超过 2 MB")));
		mvc.perform(multipart("/sites/" + station + "/feedback")
			.file(new MockMultipartFile("photo", "photo.jpg", "image/jpeg", "这不是图片，只是文字".getBytes(StandardCharsets.UTF_8)))
			.param("rating", "4").with(as("worker")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("只能上传 JPEG 或 PNG 图片")));
		// Not public: no feedback, the site does not exist for the worker.
		mvc.perform(post("/sites/" + site("泛华集团职工心理减压室") + "/feedback").with(as("worker")).with(csrf()).param("rating", "5"))
			.andExpect(status().isNotFound());
		assertThat(feedbackCount()).isEqualTo(before);
	}

	@Test
	void feedbackIsModeratedInScopeAndShownEscaped() throws Exception {
		long station = site("龙潭公园暖心驿站");
		long before = feedbackCount();
		String evil = "<script>alert(1)</script>";
		byte[] photo = png(40, 30);
		mvc.perform(multipart("/sites/" + station + "/feedback").file(new MockMultipartFile("photo", "p.png", "image/png", photo))
			.param("rating", "2").param("comment", evil).with(as("worker")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sites/" + station))
			.andExpect(flash().attribute("message", "site.feedback.thanks"));
		long feedback = jdbc.sql("select max(id) from site_feedback").query(Long.class).single();
		var stored = jdbc.sql("select comment, status, photo_type, author from site_feedback where id = :id").param("id", feedback).query().singleRow();
		assertThat(stored.get("comment")).isEqualTo(evil);
		assertThat(stored.get("status")).isEqualTo("PENDING");
		assertThat(stored.get("photo_type")).isEqualTo("image/png");
		assertThat(stored.get("author")).isEqualTo("worker");

		// One a day.
		mvc.perform(post("/sites/" + station + "/feedback").with(as("worker")).with(csrf()).param("rating", "5").param("comment", "再来一次"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("同一站点每天只能评价一次")));
		assertThat(feedbackCount()).isEqualTo(before + 1);

		// Pending: not on the public page, its photo not public either.
		mvc.perform(get("/sites/" + station))
			.andExpect(content().string(not(containsString("alert(1)"))))
			.andExpect(content().string(containsString("4.5 分（2 条评价）")));
		mvc.perform(get("/sites/feedback/" + feedback + "/photo")).andExpect(status().isNotFound());

		mvc.perform(get("/sites/manage/feedback").with(as("longtan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString(evil))))
			.andExpect(content().string(containsString("晚上也开着，充电桩再多两个就更好了。")));
		mvc.perform(get("/sites/manage/feedback").with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("alert(1)"))))
			.andExpect(content().string(not(containsString("充电桩再多两个就更好了"))));
		mvc.perform(get("/sites/feedback/" + feedback + "/photo").with(as("longtan"))).andExpect(status().isOk());

		// Outside the scope: 404; a worker: 403; no token: 403.
		mvc.perform(post("/sites/manage/feedback/" + feedback).with(as("fengtai")).with(csrf()).param("approve", "true"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/sites/manage/feedback/" + feedback).with(as("worker")).with(csrf()).param("approve", "true"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/sites/manage/feedback/" + feedback).with(as("longtan")).param("approve", "true")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select status from site_feedback where id = :id").param("id", feedback).query(String.class).single())
			.isEqualTo("PENDING");

		mvc.perform(post("/sites/manage/feedback/" + feedback).with(as("longtan")).with(csrf()).param("approve", "true"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sites/manage/feedback"))
			.andExpect(flash().attribute("message", "site.feedback.approved"));
		assertThat(jdbc.sql("select moderated_by from site_feedback where id = :id").param("id", feedback).query(String.class).single())
			.isEqualTo("longtan");
		mvc.perform(post("/sites/manage/feedback/" + feedback).with(as("longtan")).with(csrf()).param("approve", "false").param("note", "改主意"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("errorText", "这条评价已被其他人审核"));
		mvc.perform(post("/sites/manage/feedback/" + feedback).with(as("longtan")).with(csrf()).param("approve", "true"))
			.andExpect(flash().attribute("errorText", "这条评价已被其他人审核"));

		mvc.perform(get("/sites/" + station))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString(evil))))
			.andExpect(content().string(containsString("3.7 分（3 条评价）")))
			.andExpect(content().string(containsString("/sites/feedback/" + feedback + "/photo")));
		mvc.perform(get("/sites/feedback/" + feedback + "/photo"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().bytes(photo));
	}

	@Test
	void rejectingFeedbackNeedsAReason() throws Exception {
		long pending = jdbc.sql("select f.id from site_feedback f join site s on s.id = f.site_id where s.name = '京东快递龙潭站暖心驿站'")
			.query(Long.class).single();
		mvc.perform(post("/sites/manage/feedback/" + pending).with(as("longtan")).with(csrf()).param("approve", "false").param("note", " "))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("errorText", "不通过时请写明原因"));
		assertThat(jdbc.sql("select status from site_feedback where id = :id").param("id", pending).query(String.class).single()).isEqualTo("PENDING");
		mvc.perform(post("/sites/manage/feedback/" + pending).with(as("longtan")).with(csrf()).param("approve", "false").param("note", "与站点无关"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "site.feedback.rejected"));
		assertThat(jdbc.sql("select status from site_feedback where id = :id").param("id", pending).query(String.class).single()).isEqualTo("REJECTED");
		mvc.perform(get("/sites/manage/feedback").param("status", "REJECTED").with(as("longtan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("与站点无关")));
		mvc.perform(get("/sites/manage/feedback").param("status", "NONSENSE").with(as("longtan"))).andExpect(status().isBadRequest());
		mvc.perform(get("/sites/" + site("京东快递龙潭站暖心驿站"))).andExpect(content().string(not(containsString("充电桩再多两个就更好了"))));
	}

	// ---------------------------------------------------------------- 7. site photos

	@Test
	void staffInScopeAddPhotosThatAreServedSafely() throws Exception {
		long station = site("丰台站暖心驿站");
		byte[] photo = png(64, 48);
		mvc.perform(multipart("/sites/manage/" + station + "/photos").file(new MockMultipartFile("photo", "a.png", "image/png", photo))
			.with(as("fengtai")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sites/manage/" + station))
			.andExpect(flash().attribute("message", "site.photo.added"));
		long photoId = jdbc.sql("select max(id) from site_photo where site_id = :id").param("id", station).query(Long.class).single();
		String src = "/sites/" + station + "/photos/" + photoId;
		mvc.perform(get("/sites/manage/" + station).with(as("fengtai"))).andExpect(status().isOk()).andExpect(content().string(containsString(src)));
		mvc.perform(get("/sites/" + station)).andExpect(status().isOk()).andExpect(content().string(containsString(src)));
		mvc.perform(get(src))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().bytes(photo));
		// The photo belongs to its site only.
		mvc.perform(get("/sites/" + site("西客站南广场暖心驿站") + "/photos/" + photoId)).andExpect(status().isNotFound());

		// Outside the scope, a worker, a text file, no token.
		mvc.perform(multipart("/sites/manage/" + station + "/photos").file(new MockMultipartFile("photo", "a.png", "image/png", photo))
			.with(as("chaoyang")).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(multipart("/sites/manage/" + station + "/photos").file(new MockMultipartFile("photo", "a.png", "image/png", photo))
			.with(as("worker")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(multipart("/sites/manage/" + station + "/photos").file(new MockMultipartFile("photo", "a.png", "image/png", photo))
			.with(as("fengtai"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/sites/manage/" + station + "/photos")
			.file(new MockMultipartFile("photo", "x.jpg", "image/jpeg", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8)))
			.with(as("fengtai")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("errorText", "只能上传 JPEG 或 PNG 图片"));
		mvc.perform(multipart("/sites/manage/" + station + "/photos").file(new MockMultipartFile("photo", "big.png", "image/png", oversized()))
			.with(as("fengtai")).with(csrf()))
			.andExpect(flash().attribute("errorText", "照片不能超过 2 MB"));
		mvc.perform(post("/sites/manage/" + station + "/photos/" + photoId + "/delete").with(as("chaoyang")).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(photoCount(station)).isEqualTo(1);

		for (int i = 2; i <= 6; i++) {
			mvc.perform(multipart("/sites/manage/" + station + "/photos").file(new MockMultipartFile("photo", "p.png", "image/png", png(10 + i, 10)))
				.with(as("fengtai")).with(csrf()))
				.andExpect(flash().attribute("message", "site.photo.added"));
		}
		mvc.perform(multipart("/sites/manage/" + station + "/photos").file(new MockMultipartFile("photo", "p.png", "image/png", png(20, 20)))
			.with(as("fengtai")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("errorText", "每个站点最多 6 张照片"));
		assertThat(photoCount(station)).isEqualTo(6);

		mvc.perform(post("/sites/manage/" + station + "/photos/" + photoId + "/delete").with(as("fengtai")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("message", "site.photo.deleted"));
		mvc.perform(get(src)).andExpect(status().isNotFound());
		assertThat(photoCount(station)).isEqualTo(5);
	}

	@Test
	void photosOfSitesThatAreNotPublicStayWithTheStaff() throws Exception {
		long room = site("泛华集团职工心理减压室");
		mvc.perform(multipart("/sites/manage/" + room + "/photos").file(new MockMultipartFile("photo", "a.png", "image/png", png(16, 16)))
			.with(as("fanhua")).with(csrf()))
			.andExpect(flash().attribute("message", "site.photo.added"));
		long photoId = jdbc.sql("select max(id) from site_photo where site_id = :id").param("id", room).query(Long.class).single();
		mvc.perform(get("/sites/" + room + "/photos/" + photoId)).andExpect(status().isNotFound());
		mvc.perform(get("/sites/" + room + "/photos/" + photoId).with(as("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/sites/" + room + "/photos/" + photoId).with(as("fengtai"))).andExpect(status().isOk());
	}

	// ---------------------------------------------------------------- 8. import and export

	@Test
	void theTemplateIsAnXlsxWithTheImportColumns() throws Exception {
		byte[] template = mvc.perform(get("/sites/manage/import/template").with(as("fengtai")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith(XLSX)))
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		List<List<String>> rows = readXlsx(template);
		assertThat(rows.get(0)).containsExactly(EXPORT_HEADERS);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).startsWith("", "丰台区总工会", "户外劳动者服务站点", "示例暖心驿站");
		mvc.perform(get("/sites/manage/import").with(as("fengtai"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("下载导入模板")));
	}

	@Test
	void anXlsxImportStoresGoodRowsAndReportsBadOnesAndIsRepeatable() throws Exception {
		String a = unique("导入驿站");
		String b = unique("导入减压室");
		GeoPoint gcj = TestGeo.wgsToGcj(39.8202, 116.2951);
		List<List<Object>> rows = List.of(
				Arrays.asList((Object[]) HEADERS),
				Arrays.asList("丰台区总工会", "户外劳动者服务站点", a, "丰台区导入路1号", 39.851, 116.311, "WGS84", "24/7", "饮用水、电动车充电", 10, "李明",
						"010-63801234", "开放", null, "是", null),
				Arrays.asList("丰台区总工会", "户外劳动者服务站点", unique("坏坐标"), "丰台区导入路2号", "abc", 116.311, "WGS84", "24/7"),
				Arrays.asList("丰台区总工会", "太空站", unique("坏类型"), "丰台区导入路3号", 39.85, 116.31, "WGS84", "24/7"),
				Arrays.asList("朝阳区总工会", "户外劳动者服务站点", unique("越界"), "朝阳区导入路4号", 39.93, 116.44, "WGS84", "24/7"),
				Arrays.asList("丰台区总工会", "户外劳动者服务站点", unique("填反"), "丰台区导入路5号", 116.31, 39.85, "WGS84", "24/7"),
				Arrays.asList("泛华集团工会", "心理减压室", b, "泛华集团总部大楼6层", gcj.lat(), gcj.lon(), "高德", "Mo-Fr 09:00-18:00", "空调/暖气、饮用水", 4,
						null, null, "规划中", null, "否", "仅限本单位职工"),
				Arrays.asList("丰台区总工会", "户外劳动者服务站点", unique("首尔"), "首尔", 37.5665, 126.978, "WGS84", "24/7"));
		byte[] file = xlsx(rows);
		long before = siteCount();

		ImportReport report = importPage("fengtai", "站点.xlsx", file);
		assertThat(report.rows()).isEqualTo(7);
		assertThat(report.created()).isEqualTo(2);
		assertThat(report.skipped()).isZero();
		assertThat(report.refused()).isEqualTo(5);
		assertThat(report.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::message).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(3, "纬度", "格式不正确"),
				org.assertj.core.groups.Tuple.tuple(4, "类型", "不认识的站点类型"),
				org.assertj.core.groups.Tuple.tuple(5, "所属组织", "组织不存在或不在您的管理范围内"),
				org.assertj.core.groups.Tuple.tuple(6, "纬度", "经纬度可能填反了：纬度在前（如 39.9），经度在后（如 116.4）"),
				org.assertj.core.groups.Tuple.tuple(8, "纬度", "该位置不在中国境内，请检查坐标"));
		assertThat(siteCount()).isEqualTo(before + 2);
		var stored = jdbc.sql("select s.status, s.amenities, s.is_public, o.name as org from site s join organization o on o.id = s.organization_id"
				+ " where s.name = :name").param("name", a).query().singleRow();
		assertThat(stored.get("status")).isEqualTo("OPEN");
		assertThat(((Number) stored.get("amenities")).longValue()).isEqualTo(Amenity.DRINKING_WATER.mask() | Amenity.EBIKE_CHARGING.mask());
		assertThat(stored.get("is_public")).isEqualTo(true);
		assertThat(stored.get("org")).isEqualTo("丰台区总工会");
		var room = jdbc.sql("select lat, lon, is_public, status, amenities, description from site where name = :name").param("name", b).query()
			.singleRow();
		assertThat(((Number) room.get("lat")).doubleValue()).isCloseTo(39.8202, org.assertj.core.data.Offset.offset(1e-5));
		assertThat(((Number) room.get("lon")).doubleValue()).isCloseTo(116.2951, org.assertj.core.data.Offset.offset(1e-5));
		assertThat(room.get("is_public")).isEqualTo(false);
		assertThat(room.get("status")).isEqualTo("PLANNED");
		assertThat(((Number) room.get("amenities")).longValue()).isEqualTo(Amenity.AIR_CONDITIONING.mask() | Amenity.DRINKING_WATER.mask());
		assertThat(room.get("description")).isEqualTo("仅限本单位职工");

		// Again: nothing new; the page shows the report with row numbers and reasons.
		MvcResult again = mvc.perform(multipart("/sites/manage/import").file(new MockMultipartFile("file", "站点.xlsx", XLSX, file))
			.with(as("fengtai")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 7 行：新建 0 个站点，更新 0 个站点，已存在或无变化跳过 2 行，有误未导入 5 行。")))
			.andExpect(content().string(containsString("不认识的站点类型")))
			.andExpect(content().string(containsString("<td class=\"mono\">8</td>")))
			.andReturn();
		ImportReport second = (ImportReport) again.getModelAndView().getModel().get("report");
		assertThat(second.created()).isZero();
		assertThat(second.skipped()).isEqualTo(2);
		assertThat(second.skippedRows()).hasSize(2).allSatisfy(row -> assertThat(row).isGreaterThan(1));
		assertThat(siteCount()).isEqualTo(before + 2);
	}

	@Test
	void aGb18030CsvImportsThroughTheApi() throws Exception {
		String c = unique("CSV职工之家");
		String csv = String.join("\r\n", "所属组织,类型,名称,地址,纬度,经度,开放时间,设施",
				"丰台区总工会,职工之家," + c + ",丰台区CSV路2号,39.87,116.32,Mo-Fr 08:00-18:00,饮用水；图书",
				"丰台区总工会,游乐场," + unique("CSV坏类型") + ",丰台区CSV路3号,39.87,116.32,24/7,",
				"延庆区总工会,职工之家," + unique("CSV越界") + ",延庆区CSV路4号,40.46,115.97,24/7,",
				"丰台区总工会,职工之家," + unique("CSV坏时间") + ",丰台区CSV路5号,39.87,116.32,Mo-Fr 25:00-26:00,",
				"丰台区总工会,职工之家," + unique("CSV坏设施") + ",丰台区CSV路6号,39.87,116.32,24/7,按摩椅") + "\r\n";
		byte[] gb = csv.getBytes(Charset.forName("GB18030"));
		long before = siteCount();
		mvc.perform(multipart("/api/sites/import").file(new MockMultipartFile("file", "sites.csv", "text/csv", gb)).with(basic("fengtai")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(5))
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.skipped").value(0))
			.andExpect(jsonPath("$.refused").value(4))
			.andExpect(jsonPath("$.problems[?(@.row == 3)].column", hasItem("类型")))
			.andExpect(jsonPath("$.problems[?(@.row == 4)].column", hasItem("所属组织")))
			.andExpect(jsonPath("$.problems[?(@.row == 4)].message", hasItem("组织不存在或不在您的管理范围内")))
			.andExpect(jsonPath("$.problems[?(@.row == 5)].column", hasItem("开放时间")))
			.andExpect(jsonPath("$.problems[?(@.row == 5)].message", hasItem("时间有误：“25:00”")))
			.andExpect(jsonPath("$.problems[?(@.row == 6)].message", hasItem("不认识的设施：按摩椅")));
		assertThat(siteCount()).isEqualTo(before + 1);
		assertThat(siteExists(c)).isTrue();
		assertThat(jdbc.sql("select amenities from site where name = :n").param("n", c).query(Long.class).single())
			.isEqualTo(Amenity.DRINKING_WATER.mask() | Amenity.BOOKS.mask());
		mvc.perform(multipart("/api/sites/import").file(new MockMultipartFile("file", "sites.csv", "text/csv", gb)).with(basic("fengtai")))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.skipped").value(1));
		assertThat(siteCount()).isEqualTo(before + 1);
		mvc.perform(multipart("/api/sites/import").file(new MockMultipartFile("file", "sites.csv", "text/csv", gb)).with(basic("worker")))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/api/sites/import").file(new MockMultipartFile("file", "sites.csv", "text/csv", gb)).with(basic("counsellor")))
			.andExpect(status().isForbidden());
		assertThat(siteCount()).isEqualTo(before + 1);
	}

	@Test
	void aFileWithoutARequiredColumnIsRefusedAsAWhole() throws Exception {
		byte[] noLat = ("所属组织,类型,名称,地址,经度,开放时间\r\n丰台区总工会,职工之家," + unique("无纬度") + ",丰台区,116.32,24/7\r\n")
			.getBytes(StandardCharsets.UTF_8);
		long before = siteCount();
		mvc.perform(multipart("/sites/manage/import").file(new MockMultipartFile("file", "sites.csv", "text/csv", noLat)).with(as("fengtai"))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("缺少必需的列：纬度")));
		mvc.perform(multipart("/api/sites/import").file(new MockMultipartFile("file", "sites.csv", "text/csv", noLat)).with(basic("fengtai")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value("缺少必需的列：纬度"));
		mvc.perform(multipart("/sites/manage/import").file(new MockMultipartFile("file", "old.xls", "application/vnd.ms-excel", new byte[] { 1, 2, 3 }))
			.with(as("fengtai")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("只支持 .xlsx 和 .csv 文件")));
		mvc.perform(multipart("/sites/manage/import").with(as("fengtai")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择要导入的文件")));
		assertThat(siteCount()).isEqualTo(before);
	}

	@Test
	void anExportCanBeImportedBackUnchanged() throws Exception {
		for (String staff : new String[] { "fengtai", "longtan", "chaoyang" }) {
			byte[] export = mvc.perform(get("/sites/manage/export").with(as(staff))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
			int exported = readXlsx(export).size() - 1;
			assertThat(exported).isPositive();
			long before = siteCount();
			ImportReport report = importPage(staff, "export.xlsx", export);
			assertThat(report.problems()).as(staff).isEmpty();
			assertThat(report.rows()).isEqualTo(exported);
			assertThat(report.skipped()).isEqualTo(exported);
			assertThat(report.created()).isZero();
			assertThat(siteCount()).isEqualTo(before);
		}
	}

	private static byte[] csv(List<List<String>> rows) {
		StringBuilder out = new StringBuilder();
		for (List<String> row : rows) {
			out.append(row.stream().map(c -> "\"" + (c == null ? "" : c.replace("\"", "\"\"")) + "\"")
				.collect(java.util.stream.Collectors.joining(","))).append("\r\n");
		}
		return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void anEditedExportUpdatesTheSitesByTheirNumber() throws Exception {
		List<List<String>> sheet = readXlsx(mvc.perform(get("/sites/manage/export").with(as("fengtai"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray());
		assertThat(sheet.get(0)).startsWith("站点编号", "所属组织").contains("开放日期");
		int capacityColumn = sheet.get(0).indexOf("容纳人数");
		List<String> edited = new ArrayList<>(sheet.get(1));
		long siteId = Long.parseLong(edited.get(0));
		edited.set(capacityColumn, "99");
		long before = siteCount();
		List<List<String>> rows = new ArrayList<>(List.of(sheet.get(0), edited));
		rows.addAll(sheet.subList(2, sheet.size()));
		ImportReport report = importPage("fengtai", "edited.csv", csv(rows));
		assertThat(report.problems()).isEmpty();
		assertThat(report.updated()).isEqualTo(1);
		assertThat(report.created()).isZero();
		assertThat(report.skipped()).isEqualTo(sheet.size() - 2);
		assertThat(siteCount()).isEqualTo(before);
		assertThat(jdbc.sql("select capacity from site where id = :id").param("id", siteId).query(Integer.class).single()).isEqualTo(99);

		// A number that is not a site, or a site outside the scope (朝阳's), is refused on its row; nothing else changes.
		long chaoyangSite = jdbc.sql("select s.id from site s join organization o on o.id = s.organization_id where o.name = '朝阳区总工会' order by s.id")
			.query(Long.class).list().get(0);
		List<String> unknown = new ArrayList<>(edited);
		unknown.set(0, "999999999");
		unknown.set(capacityColumn, "5");
		List<String> foreign = new ArrayList<>(edited);
		foreign.set(0, String.valueOf(chaoyangSite));
		foreign.set(capacityColumn, "6");
		ImportReport refused = importPage("fengtai", "bad.csv", csv(List.of(sheet.get(0), unknown, foreign)));
		assertThat(refused.refused()).isEqualTo(2);
		assertThat(refused.problems()).extracting(p -> p.column()).containsOnly("站点编号");
		assertThat(jdbc.sql("select capacity from site where id = :id").param("id", siteId).query(Integer.class).single()).isEqualTo(99);
		assertThat(siteCount()).isEqualTo(before);
	}

	// ---------------------------------------------------------------- 9. status and edits through the API

	@Test
	void statusMovesFollowTheRules() throws Exception {
		long station = site("丰台站暖心驿站");
		mvc.perform(post("/api/sites/" + station + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"SUSPENDED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"))
			.andExpect(jsonPath("$.errors[0].message").value("暂停或关闭站点时请填写原因"));
		mvc.perform(post("/api/sites/" + station + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"BUILDING\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].message").value("不能从“开放”直接变更为“建设中”"));
		mvc.perform(post("/api/sites/" + station + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"BUILDING\"}").header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(not(containsString("BUILDING"))));
		mvc.perform(post("/api/sites/" + station + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].message").value("必填"));
		mvc.perform(post("/api/sites/" + station + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"SUSPENDED\",\"note\":\"检修\",\"effectiveOn\":\"" + today().plusDays(1) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("effectiveOn"))
			.andExpect(jsonPath("$.errors[0].message").value("日期不能晚于今天"));
		mvc.perform(post("/api/sites/" + station + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"SUSPENDED\",\"note\":\"检修\",\"effectiveOn\":\"tomorrow\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/sites/" + station + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"RETIRED\",\"note\":\"x\"}"))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select status from site where id = :id").param("id", station).query(String.class).single()).isEqualTo("OPEN");

		mvc.perform(post("/api/sites/" + station + "/status").with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"SUSPENDED\",\"note\":\"设备检修\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUSPENDED"))
			.andExpect(jsonPath("$.statusSince").value(today().toString()))
			.andExpect(jsonPath("$.openNow").value(false));
		mvc.perform(get("/api/sites/" + station + "/history").with(basic("fengtai")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].from").value("OPEN"))
			.andExpect(jsonPath("$[0].to").value("SUSPENDED"))
			.andExpect(jsonPath("$[0].note").value("设备检修"))
			.andExpect(jsonPath("$[0].actor").value("fengtai"));
		// The page form says the same in a flash message.
		mvc.perform(post("/sites/manage/" + station + "/status").with(as("fengtai")).with(csrf()).param("status", "BUILDING"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sites/manage/" + station))
			.andExpect(flash().attribute("errorText", "不能从“暂停开放”直接变更为“建设中”"));
	}

	@Test
	void editsKeepTheScopeAndRefuseStaleVersions() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long station = site("丰台站暖心驿站");
		String json = siteJson(fengtai, "丰台站暖心驿站", FENGTAI_STATION_LAT, FENGTAI_STATION_LON, "WGS84", "Mo-Su 06:00-23:00", "OPEN", true);
		mvc.perform(put("/api/sites/" + station).with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON).content(json.replace("}", ",\"version\":0}")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openingHours").value("Mo-Su 06:00-23:00"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put("/api/sites/" + station).with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("Mo-Su 06:00-23:00", "24/7").replace("}", ",\"version\":0}")))
			.andExpect(status().isConflict());
		// Moving a site to an organisation outside the scope is a field error, like creating one there.
		mvc.perform(put("/api/sites/" + station).with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("\"organizationId\":" + fengtai, "\"organizationId\":" + id(jdbc, "朝阳区总工会")).replace("}", ",\"version\":1}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organizationId"));
		// Without the version read there is no telling whether someone else changed the site meanwhile.
		mvc.perform(put("/api/sites/" + station).with(basic("fengtai")).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		assertThat(jdbc.sql("select opening_hours from site where id = :id").param("id", station).query(String.class).single())
			.isEqualTo("Mo-Su 06:00-23:00");
	}
}
