package org.gonghui.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counsellors' photos and the staff's slot withdrawal over HTTP: staff in scope and the counsellor upload, the
 * workers served see it beside the profile, nobody else sees it (404); a file that is not a photo stores nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class CounsellorPhotoWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private long li() {
		return jdbc.sql("select id from care_counsellor where name = '李静'").query(Long.class).single();
	}

	private static byte[] png() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(30, 40, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	private long photos() {
		return jdbc.sql("select count(*) from care_counsellor_photo").query(Long.class).single();
	}

	@Test
	void staffUploadTheWorkersServedSeeItAndNobodyElse() throws Exception {
		long li = li();
		mvc.perform(multipart("/care/counsellors/manage/" + li + "/photo").file(new MockMultipartFile("photo", "a.png", "image/png", "不是图片".getBytes()))
			.with(as("chaoyang")).with(csrf())).andExpect(flash().attributeExists("errorText"));
		mvc.perform(multipart("/care/counsellors/manage/" + li + "/photo").with(as("chaoyang")).with(csrf())).andExpect(flash().attributeExists("errorText"));
		mvc.perform(multipart("/care/counsellors/manage/" + li + "/photo").file(new MockMultipartFile("photo", "a.png", "image/png", png()))
			.with(as("fengtai")).with(csrf())).andExpect(status().isNotFound());
		assertThat(photos()).isZero();
		mvc.perform(multipart("/care/counsellors/manage/" + li + "/photo").file(new MockMultipartFile("photo", "a.png", "image/png", png()))
			.with(as("chaoyang")).with(csrf())).andExpect(flash().attribute("message", "care.photo.saved"));
		assertThat(photos()).isEqualTo(1);
		for (String viewer : new String[] { "worker", "counsellor", "chaoyang" }) {
			mvc.perform(get("/care/counsellors/" + li + "/photo").with(as(viewer))).andExpect(status().isOk())
				.andExpect(content().contentType("image/png"));
		}
		// A worker of a union 李静 does not serve, another counsellor, another district's staff: none.
		String elsewhere = AppointmentFixtures.worker(jdbc, "泛华集团工会", null);
		for (String other : new String[] { elsewhere, "counsellor2", "fengtai", "fanhua" }) {
			mvc.perform(get("/care/counsellors/" + li + "/photo").with(as(other))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/care/counsellors").with(as("worker"))).andExpect(content().string(containsString("/care/counsellors/" + li + "/photo?v=1")));
		// The counsellor replaces it on her desk, then removes it.
		mvc.perform(multipart("/care/desk/photo").file(new MockMultipartFile("photo", "b.png", "image/png", png())).with(as("counsellor")).with(csrf()))
			.andExpect(flash().attribute("message", "care.photo.saved"));
		assertThat(jdbc.sql("select version from care_counsellor_photo where counsellor_id = :c").param("c", li).query(Integer.class).single())
			.isEqualTo(2);
		mvc.perform(post("/care/desk/photo/delete").with(as("counsellor")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(photos()).isZero();
		mvc.perform(get("/care/counsellors/" + li + "/photo").with(as("worker"))).andExpect(status().isNotFound());
	}

	@Test
	void staffInScopeWithdrawAnOpenSlotOfTheirCounsellor() throws Exception {
		long li = li();
		long slot = jdbc.sql("select id from care_slot where counsellor_id = :c and status = 'OPEN' order by starts_at").param("c", li)
			.query(Long.class).list().get(0);
		long booked = jdbc.sql("select id from care_slot where counsellor_id = :c and status = 'BOOKED' and starts_at > current_timestamp order by starts_at").param("c", li)
			.query(Long.class).list().get(0);
		long wang = jdbc.sql("select id from care_counsellor where name = '王磊'").query(Long.class).single();
		mvc.perform(post("/care/counsellors/manage/" + li + "/slots/" + slot + "/withdraw").with(as("fengtai")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/care/counsellors/manage/" + wang + "/slots/" + slot + "/withdraw").with(as("chaoyang")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/care/counsellors/manage/" + li + "/slots/" + booked + "/withdraw").with(as("chaoyang")).with(csrf()))
			.andExpect(flash().attributeExists("errorText"));
		mvc.perform(post("/care/counsellors/manage/" + li + "/slots/" + slot + "/withdraw").with(as("chaoyang")).with(csrf()))
			.andExpect(flash().attribute("message", "care.slot.withdrawn"));
		assertThat(jdbc.sql("select status from care_slot where id in (:ids) order by id").param("ids", java.util.List.of(slot, booked))
			.query(String.class).list()).containsExactlyInAnyOrder("WITHDRAWN", "BOOKED");
		mvc.perform(get("/care/counsellors/manage/" + li).with(as("chaoyang"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"photo-form\"")));
	}
}
