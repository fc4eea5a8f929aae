package org.gonghui.honor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.TestOrganizations.id;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.TestUsers;
import org.gonghui.honor.internal.BookletService;
import org.gonghui.honor.internal.BookletService.NewBooklet;
import org.gonghui.honor.internal.HonorService;
import org.gonghui.honor.internal.HonorService.NewHonoree;
import org.gonghui.honor.internal.HonoreePhotoService;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booklets, photos and the public-honoree lookup on a real database (H2 and PostgreSQL): a booklet of more
 * honorees than one statement binds keeps their order, photos replace by version, a name shared by two public
 * honorees links nobody.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class BookletContract {

	@Autowired
	BookletService booklets;

	@Autowired
	HonorService honors;

	@Autowired
	HonoreePhotoService photos;

	@Autowired
	PublicHonorees publicHonorees;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	@Test
	void aLargeBookletKeepsTheOrderChosenAndReadsBackWhole() throws Exception {
		long fanhua = id(jdbc, "泛华集团工会");
		List<Long> ids = as("fengtai", () -> {
			List<Long> made = new ArrayList<>();
			for (int i = 0; i < 1203; i++) {
				made.add(honors.create(new NewHonoree("测试" + i, null, null, fanhua, "泛华集团", "钳工", "事迹" + i, null, false)));
			}
			return made;
		});
		List<Long> chosen = new ArrayList<>(ids);
		java.util.Collections.reverse(chosen);
		long booklet = as("fengtai", () -> booklets.create(new NewBooklet("大册", chosen, null, "A4", 2026)));
		assertThat(as("fengtai", () -> booklets.honoreeIds(booklet))).containsExactlyElementsOf(chosen);
		var view = as("fengtai", () -> booklets.get(booklet));
		assertThat(view.honoreeCount()).isEqualTo(1203);
		assertThat(view.organizationName()).isEqualTo("泛华集团工会");
		assertThat(as("fengtai", () -> booklets.list(new org.gonghui.shared.PageResult.Request(0, 20))).content()).extracting(v -> v.id())
			.contains(booklet);
		assertThatThrownBy(() -> as("chaoyang", () -> booklets.get(booklet))).isInstanceOf(RecordNotFoundException.class);
		// One unknown id among them: refused, nothing stored.
		long before = org.gonghui.TestOrganizations.count(jdbc, "booklet");
		List<Long> withUnknown = new ArrayList<>(chosen);
		withUnknown.add(Long.MAX_VALUE);
		assertThatThrownBy(() -> as("fengtai", () -> booklets.create(new NewBooklet("坏", withUnknown, null, null, null))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(org.gonghui.TestOrganizations.count(jdbc, "booklet")).isEqualTo(before);
		// The export reads every one of them (honours in slices) without rendering yet.
		var export = as("fengtai", () -> booklets.export(booklet));
		assertThat(export.honoreeCount()).isEqualTo(1203);
		assertThat(export.filename()).isEqualTo("大册-" + booklet + ".pdf");
	}

	@Test
	void photosReplaceByVersionAndTheLookupNamesOnlyUniquePublicHonorees() throws Exception {
		long liang = jdbc.sql("select id from honoree where name = '梁志刚'").query(Long.class).single();
		byte[] png = BookletPdfTests.png(30, 40);
		assertThat(as("fengtai", () -> photos.replace(liang, png))).isEqualTo(1);
		assertThat(as("fengtai", () -> photos.replace(liang, png))).isEqualTo(2);
		assertThat(photos.versions(List.of(liang, Long.MAX_VALUE))).containsOnlyKeys(liang).containsEntry(liang, 2);
		assertThat(photos.publicPhoto(liang).content()).isEqualTo(png);
		var out = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(9000, 10, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
		assertThatThrownBy(() -> as("fengtai", () -> photos.replace(liang, out.toByteArray()))).isInstanceOf(InvalidInputException.class);

		assertThat(publicHonorees.byName(List.of("高凤林", "时传祥", "无此人", " 高凤林 "))).containsOnlyKeys("高凤林", "时传祥");
		long fanhua = id(jdbc, "泛华集团工会");
		as("fengtai", () -> honors.create(new NewHonoree("高凤林", null, null, fanhua, "泛华集团", "焊工", "同名", null, true)));
		assertThat(publicHonorees.byName(List.of("高凤林", "时传祥"))).containsOnlyKeys("时传祥");
	}
}
