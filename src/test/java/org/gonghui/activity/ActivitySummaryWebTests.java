package org.gonghui.activity;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.activity.internal.ActivityLifecycle;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.shared.PhotosTests;
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
import org.springframework.transaction.annotation.Transactional;

import com.jayway.jsonpath.JsonPath;

/** The summary's API, page and photo address: codes, field errors, scope and roles. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class ActivitySummaryWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityService activities;

	@Autowired
	ActivityLifecycle lifecycle;

	@Autowired
	UserDetailsService users;

	/** A published visit of 龙潭, moved on to ONGOING when asked. */
	long activity(boolean ongoing) {
		return runAs("longtan", () -> {
			Instant start = Instant.now().plus(Duration.ofDays(7));
			long id = activities.create(new NewActivity(id(jdbc, "龙潭街道总工会"), ActivityKind.VISIT, "红色教育基地参观", null, "北京", 60, false, false, null,
					null, null, List.of(new NewSession("参观", "VISIT", start, start.plus(Duration.ofHours(3)), true))));
			lifecycle.publish(id);
			if (ongoing) {
				lifecycle.move(id, ActivityStatus.ONGOING, null);
			}
			return id;
		});
	}

	static MockMultipartFile photo(byte[] bytes) {
		return new MockMultipartFile("photo", "photo.jpg", "image/jpeg", bytes);
	}

	long uploadedPhoto(long activity) throws Exception {
		String body = mvc.perform(multipart("/api/activities/" + activity + "/summary/photos").file(photo(PhotosTests.jpegWithExif()))
				.param("caption", "合影").with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void theApiReadsWritesAndTakesPhotos() throws Exception {
		long activity = activity(true);
		String base = "/api/activities/" + activity + "/summary";
		mvc.perform(get(base).with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text").doesNotExist())
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.writable").value(true))
			.andExpect(jsonPath("$.figures.capacity").value(60))
			.andExpect(jsonPath("$.figures.registered").value(0))
			.andExpect(jsonPath("$.figures.byEmployer.length()").value(0));
		mvc.perform(put(base).with(httpBasic("longtan", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"近60名职工参加。\",\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value("近60名职工参加。"))
			.andExpect(jsonPath("$.version").value(1));
		// A stale version: 409; a blank text: 400 naming the field.
		mvc.perform(put(base).with(httpBasic("longtan", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"旧稿\",\"version\":0}"))
			.andExpect(status().isConflict());
		mvc.perform(put(base).with(httpBasic("longtan", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"  \",\"version\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"))
			.andExpect(jsonPath("$.errors[0].message").value("必填"));

		long photo = uploadedPhoto(activity);
		mvc.perform(multipart(base + "/photos").file(photo("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
				.with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("photo"))
			.andExpect(jsonPath("$.errors[0].message").value("只能上传 JPEG 或 PNG 图片"));
		mvc.perform(multipart(base + "/photos").file(photo(PhotosTests.image("png", 4, 4))).param("caption", "说".repeat(201))
				.with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("caption"));
		mvc.perform(get(base).with(httpBasic("longtan", "gonghui-demo")))
			.andExpect(jsonPath("$.photos.length()").value(1))
			.andExpect(jsonPath("$.photos[0].id").value(photo))
			.andExpect(jsonPath("$.photos[0].caption").value("合影"));
		mvc.perform(delete(base + "/photos/" + photo).with(httpBasic("longtan", "gonghui-demo"))).andExpect(status().isNoContent());
		mvc.perform(delete(base + "/photos/" + photo).with(httpBasic("longtan", "gonghui-demo"))).andExpect(status().isNotFound());
	}

	@Test
	void theApiRefusesEarlyActivitiesWorkersAndOtherDistricts() throws Exception {
		long published = activity(false);
		mvc.perform(put("/api/activities/" + published + "/summary").with(httpBasic("longtan", "gonghui-demo"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"总结\",\"version\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("活动开始后（进行中或已结束）才能填写总结和上传照片"));
		long activity = activity(true);
		String base = "/api/activities/" + activity + "/summary";
		mvc.perform(get(base).with(httpBasic("worker", "gonghui-demo"))).andExpect(status().isForbidden());
		mvc.perform(put(base).with(httpBasic("worker", "gonghui-demo")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"总结\",\"version\":0}"))
			.andExpect(status().isForbidden());
		mvc.perform(get(base).with(httpBasic("chaoyang", "gonghui-demo"))).andExpect(status().isNotFound());
		mvc.perform(multipart(base + "/photos").file(photo(PhotosTests.jpegWithExif())).with(httpBasic("chaoyang", "gonghui-demo")))
			.andExpect(status().isNotFound());
		mvc.perform(get(base)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/activities/99999999/summary").with(httpBasic("longtan", "gonghui-demo"))).andExpect(status().isNotFound());
	}

	@Test
	void thePhotoIsServedPrivatelyToStaffInScopeOnly() throws Exception {
		long activity = activity(true);
		long photo = uploadedPhoto(activity);
		String address = "/activities/" + activity + "/summary/photos/" + photo;
		byte[] served = mvc.perform(get(address).with(user(users.loadUserByUsername("longtan"))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andExpect(header().string("Cache-Control", containsString("private")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn().getResponse().getContentAsByteArray();
		org.assertj.core.api.Assertions.assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
		mvc.perform(get(address).with(user(users.loadUserByUsername("chaoyang")))).andExpect(status().isNotFound());
		mvc.perform(get("/activities/" + activity + "/summary/photos/" + (photo + 1_000_000)).with(user(users.loadUserByUsername("longtan"))))
			.andExpect(status().isNotFound());
		mvc.perform(get(address).with(user(users.loadUserByUsername("worker")))).andExpect(status().isForbidden());
		mvc.perform(get(address)).andExpect(status().is3xxRedirection());
	}

	@Test
	void thePageShowsTheFiguresAndTakesTheTextAndPhotos() throws Exception {
		long activity = activity(true);
		String page = "/activities/manage/" + activity + "/summary";
		var longtan = user(users.loadUserByUsername("longtan"));
		mvc.perform(get(page).with(longtan))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("活动总结：红色教育基地参观")))
			.andExpect(content().string(containsString("报名（占名额）")))
			.andExpect(content().string(containsString("id=\"photo-upload\"")));
		mvc.perform(post(page).with(longtan).with(csrf()).param("text", "参观红色教育基地。").param("version", "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("message", "activity.summary.saved"));
		// Refused: the message comes back, and so does the text typed.
		mvc.perform(post(page).with(longtan).with(csrf()).param("text", "字".repeat(4001)).param("version", "1"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("errorText", containsString("不能超过")))
			.andExpect(flash().attribute("draftText", "字".repeat(4001)));
		mvc.perform(post(page).with(longtan).with(csrf()).param("text", "旧稿").param("version", "0"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("errorText", containsString("总结刚被其他人修改过")))
			.andExpect(flash().attribute("draftText", "旧稿"));
		mvc.perform(multipart(page + "/photos").file(photo(PhotosTests.jpegWithExif())).param("caption", "合影").with(longtan).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("message", "activity.summary.photo.added"));
		mvc.perform(multipart(page + "/photos").file(photo("GIF89a".getBytes(StandardCharsets.US_ASCII))).with(longtan).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("errorText", "只能上传 JPEG 或 PNG 图片"));
		long photo = jdbc.sql("select max(id) from activity_photo where activity_id = :a").param("a", activity).query(Long.class).single();
		mvc.perform(get(page).with(longtan))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("参观红色教育基地。")))
			.andExpect(content().string(containsString("/activities/" + activity + "/summary/photos/" + photo)))
			.andExpect(content().string(containsString("合影")));
		mvc.perform(post(page + "/photos/" + photo + "/delete").with(longtan).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("message", "activity.summary.photo.deleted"));

		// Not yet under way: the page says so and offers no upload.
		long published = activity(false);
		mvc.perform(get("/activities/manage/" + published + "/summary").with(longtan))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"not-yet\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"photo-upload\""))));

		mvc.perform(get(page).with(user(users.loadUserByUsername("worker")))).andExpect(status().isForbidden());
		mvc.perform(post(page).with(user(users.loadUserByUsername("worker"))).with(csrf()).param("text", "x").param("version", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(get(page).with(user(users.loadUserByUsername("chaoyang")))).andExpect(status().isNotFound());
	}

	<T> T runAs(String username, Supplier<T> action) {
		return org.gonghui.TestUsers.runAs(users, username, action);
	}
}
