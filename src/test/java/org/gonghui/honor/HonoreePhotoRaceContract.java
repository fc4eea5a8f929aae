package org.gonghui.honor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gonghui.TestUsers;
import org.gonghui.honor.internal.HonoreePhotoService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Several first uploads of one honoree's photo at the same moment (two staff at two desks, a double tap) all succeed,
 * one after the other, on H2 and on PostgreSQL. Catching the duplicate insert and trying again worked on H2 only: on
 * PostgreSQL the failed statement aborts the whole transaction, so the honoree row is locked first instead.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
abstract class HonoreePhotoRaceContract {

	private static final int UPLOADS = 6;

	@Autowired
	HonoreePhotoService photos;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private Long honoree;

	@AfterEach
	void removeThePhoto() {
		if (honoree != null) {
			jdbc.sql("delete from honoree_photo where honoree_id = :h").param("h", honoree).update();
		}
	}

	@Test
	void concurrentFirstUploadsAllLandOneAfterTheOther() throws Exception {
		String fengtai = jdbc.sql("select path from organization where name = '丰台区总工会'").query(String.class).single();
		honoree = jdbc.sql("select h.id from honoree h where h.organization_path like :p"
				+ " and not exists (select 1 from honoree_photo p where p.honoree_id = h.id) order by h.id fetch first 1 rows only")
			.param("p", fengtai + "%").query(Long.class).single();
		byte[] png = BookletPdfTests.png(30, 40);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
		try {
			List<Future<Integer>> versions = new ArrayList<>();
			for (int i = 0; i < UPLOADS; i++) {
				versions.add(pool.submit(() -> {
					start.await();
					return TestUsers.runAs(users, "fengtai", () -> photos.replace(honoree, png));
				}));
			}
			start.countDown();
			List<Integer> answered = new ArrayList<>();
			for (Future<Integer> v : versions) {
				answered.add(v.get(60, TimeUnit.SECONDS));
			}
			assertThat(answered).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select version from honoree_photo where honoree_id = :h").param("h", honoree).query(Integer.class).single())
			.isEqualTo(UPLOADS);
	}
}
