package org.gonghui.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.TestOrganizations.id;

import java.util.List;
import java.util.function.Supplier;

import org.gonghui.TestUsers;
import org.gonghui.news.internal.ArticlePhotoService;
import org.gonghui.news.internal.ArticlePhotoService.PhotoInput;
import org.gonghui.news.internal.ArticleService;
import org.gonghui.news.internal.ArticleService.ArticleInput;
import org.gonghui.news.internal.ArticleService.BylineInput;
import org.gonghui.news.internal.ArticleService.LinkInput;
import org.gonghui.news.internal.DraftService;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles on a real database (H2 and PostgreSQL): the workflow's conditional moves, lists filtered by scope and
 * status inside the query, the public list of a subtree and of a tag, the seed page's import (the plenary linked),
 * reviewers named only from staff in scope, and drafts made from the records of other modules (their sources' SQL).
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class ArticleContract {

	@Autowired
	ArticleService articles;

	@Autowired
	ArticlePhotoService photos;

	@Autowired
	DraftService drafts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	private void as(String username, Runnable action) {
		as(username, () -> {
			action.run();
			return null;
		});
	}

	private long draft(String user, String org, String headline, String tag) {
		return as(user, () -> articles.create(new ArticleInput(id(jdbc, org), null, headline, null, "<p>" + headline + "</p>",
				List.of(new BylineInput("通讯员", "杜弘光", null), new BylineInput("REPORTER", null, user)), List.of(tag),
				List.of(new LinkInput("site", 1L)))));
	}

	private void publish(long id, String writer) {
		as(writer, () -> articles.submit(id));
		for (String r : List.of(writer, "beijing", "admin")) {
			as(r, () -> articles.review(id, true, null));
		}
		as(writer, () -> articles.publish(id));
	}

	@Test
	void workflowAndPublicLists() {
		long fengtai = draft("fengtai", "六里桥街道总工会", "六里桥街道职工之家揭牌", "职工之家");
		long chaoyang = draft("chaoyang", "朝阳区总工会", "朝阳区职工之家揭牌", "职工之家");
		publish(fengtai, "fengtai");
		publish(chaoyang, "chaoyang");
		var view = as("fengtai", () -> articles.get(fengtai));
		assertThat(view.bylines()).extracting(ArticleService.BylineView::name).containsExactly("杜弘光", "丰台区总工会工作人员");
		assertThat(view.bylines().get(1).username()).isEqualTo("fengtai");
		assertThat(view.links()).extracting(ArticleService.LinkView::href).containsExactly("/sites/1");
		assertThat(view.steps()).extracting(ArticleService.StepView::action).containsExactly("CREATE", "SUBMIT", "REVIEW", "REVIEW", "REVIEW", "PUBLISH");

		var ofFengtai = articles.published(id(jdbc, "丰台区总工会"), "职工之家", new PageResult.Request(0, 50)).content();
		assertThat(ofFengtai).extracting(ArticleService.PublicArticle::id).containsExactly(fengtai);
		var ofBeijing = articles.published(id(jdbc, "北京市总工会"), "职工之家", new PageResult.Request(0, 50)).content();
		assertThat(ofBeijing).extracting(ArticleService.PublicArticle::id).containsExactlyInAnyOrder(fengtai, chaoyang);

		assertThat(as("fengtai", () -> articles.list(ArticleStatus.PUBLISHED, null, new PageResult.Request(0, 200))).content())
			.extracting(ArticleService.ArticleLine::id).contains(fengtai).doesNotContain(chaoyang);
		assertThat(as("beijing", () -> articles.list(ArticleStatus.DRAFT, null, new PageResult.Request(0, 200))).content())
			.extracting(ArticleService.ArticleLine::id).doesNotContain(fengtai, chaoyang);
		assertThatThrownBy(() -> as("fengtai", () -> articles.get(chaoyang))).isInstanceOf(RecordNotFoundException.class);

		as("fengtai", () -> articles.withdraw(fengtai, "数据更正"));
		assertThat(articles.published(id(jdbc, "丰台区总工会"), "职工之家", new PageResult.Request(0, 50)).content()).isEmpty();
		assertThatThrownBy(() -> articles.publicArticle(fengtai)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> as("fengtai", () -> articles.withdraw(fengtai, "再撤一次"))).isInstanceOf(StateConflictException.class);
	}

	@Test
	void aStaleEditIsRefused() {
		long id = draft("longtan", "龙潭街道总工会", "龙潭街道职工参观", "参观学习");
		var input = new ArticleInput(id(jdbc, "龙潭街道总工会"), null, "改过的标题", null, "<p>正文</p>", List.of(), List.of(), List.of());
		as("longtan", () -> articles.update(id, input, 0));
		assertThatThrownBy(() -> as("longtan", () -> articles.update(id, input, 0))).isInstanceOf(StateConflictException.class);
		assertThat(as("longtan", () -> articles.get(id)).headline()).isEqualTo("改过的标题");
	}

	private static byte[] jpegWithExif() throws java.io.IOException {
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg", out);
		byte[] plain = out.toByteArray();
		// An APP1 (Exif) segment after SOI, as a phone writes it, with a position in it.
		byte[] exif = "Exif\0\0GPS 39.86N 116.28E".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		var withExif = new java.io.ByteArrayOutputStream();
		withExif.write(plain, 0, 2);
		withExif.write(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8), (byte) (exif.length + 2) });
		withExif.write(exif);
		withExif.write(plain, 2, plain.length - 2);
		return withExif.toByteArray();
	}

	@Test
	void photosInOrderWithCaptionsAndCreditsPublicOnlyWhilePublished() throws Exception {
		long id = draft("fengtai", "六里桥街道总工会", "六里桥职工运动会", "运动会");
		byte[] jpeg = jpegWithExif();
		long first = as("fengtai", () -> photos.add(id, new PhotoInput(jpeg, "职工参加拔河比赛", "杜弘光", null)));
		long second = as("fengtai", () -> photos.add(id, new PhotoInput(jpeg, "颁奖仪式", null, "fengtai")));
		assertThat(as("fengtai", () -> articles.get(id)).photos()).extracting(ArticleService.PhotoView::id).containsExactly(first, second);
		as("fengtai", () -> photos.moveUp(id, second));
		var view = as("fengtai", () -> articles.get(id));
		assertThat(view.photos()).extracting(ArticleService.PhotoView::caption).containsExactly("颁奖仪式", "职工参加拔河比赛");
		assertThat(view.photos()).extracting(ArticleService.PhotoView::creditName).containsExactly("丰台区总工会工作人员", "杜弘光");
		assertThat(view.photos().get(0).creditUsername()).isEqualTo("fengtai");
		assertThat(view.photos().get(0).width()).isEqualTo(64);

		byte[] stored = as("fengtai", () -> photos.staffPhoto(id, first)).content();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored)).getWidth()).isEqualTo(64);

		// Another district's staff: 404 as for a missing article, for reading and for writing.
		assertThatThrownBy(() -> as("chaoyang", () -> photos.staffPhoto(id, first))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> as("chaoyang", () -> photos.add(id, new PhotoInput(jpeg, "说明", "张三", null))))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> photos.publicPhoto(id, first)).isInstanceOf(RecordNotFoundException.class);

		publish(id, "fengtai");
		assertThat(photos.publicPhoto(id, first).contentType()).isEqualTo("image/jpeg");
		assertThat(articles.publicArticle(id).photos()).hasSize(2);
		assertThatThrownBy(() -> as("fengtai", () -> photos.add(id, new PhotoInput(jpeg, "发布后", "张三", null))))
			.isInstanceOf(StateConflictException.class);
		// A photo of another article is not found through this one.
		long other = draft("fengtai", "六里桥街道总工会", "另一篇", "运动会");
		assertThatThrownBy(() -> photos.publicPhoto(other, first)).isInstanceOf(RecordNotFoundException.class);

		as("fengtai", () -> articles.withdraw(id, "图片有误"));
		assertThatThrownBy(() -> photos.publicPhoto(id, first)).isInstanceOf(RecordNotFoundException.class);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'article.photo.add' and target_id = :id").param("id", String.valueOf(id))
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aWrongPhotoStoresNothing() {
		long id = draft("fengtai", "六里桥街道总工会", "六里桥职工书画展", "书画展");
		byte[] text = "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		var e = org.assertj.core.api.Assertions.catchThrowableOfType(org.gonghui.shared.InvalidInputException.class,
				() -> as("fengtai", () -> photos.add(id, new PhotoInput(text, " ", "名字超过二十个字的摄影者名字名字名字名字名字", null))));
		assertThat(e.problems()).extracting(org.gonghui.shared.InvalidInputException.FieldProblem::field)
			.containsExactlyInAnyOrder("caption", "creditName", "photo");
		assertThat(e.problems()).extracting(org.gonghui.shared.InvalidInputException.FieldProblem::code).contains("photo.type",
				"news.photo.captionRequired");
		assertThatThrownBy(() -> as("fengtai", () -> photos.add(id, new PhotoInput(null, "说明", "张三", "no-such-account"))))
			.isInstanceOf(org.gonghui.shared.InvalidInputException.class);
		assertThat(jdbc.sql("select count(*) from news_photo where article_id = :id").param("id", id).query(Long.class).single()).isZero();
	}

	@Test
	void theSeedPageIsImportedOnce() {
		assertThat(jdbc.sql("select count(*) from news_article where created_by = 'system'").query(Long.class).single()).isEqualTo(7);
		assertThat(jdbc.sql("select count(*) from news_step where action = 'IMPORT'").query(Long.class).single()).isEqualTo(7);
		assertThat(jdbc.sql("select count(distinct article_id) from news_byline").query(Long.class).single()).isGreaterThanOrEqualTo(7);
	}
	@Test
	void reviewersOutsideTheScopeAreRefusedAndNothingIsStored() {
		long fengtai = id(jdbc, "丰台区总工会");
		assertThatThrownBy(() -> as("fengtai", () -> articles.setReviewers(fengtai, ReviewStage.LEADER, List.of("chaoyang"))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(as("fengtai", () -> articles.reviewers(fengtai)).get(ReviewStage.LEADER)).isEmpty();
		as("fengtai", () -> articles.setReviewers(fengtai, ReviewStage.LEADER, List.of("beijing")));
		assertThat(as("fengtai", () -> articles.reviewers(fengtai)).get(ReviewStage.LEADER)).containsExactly("beijing");
	}

	@Test
	void draftsFromAMeetingACompetitionAndAConferment() {
		long meeting = jdbc.sql("select id from wp_meeting where term = 13 and session_no = 4").query(Long.class).single();
		long competition = jdbc.sql("select id from activity where title = '“五月的鲜花”职工歌咏比赛'").query(Long.class).single();
		long campaign = jdbc.sql("select id from honor_campaign where honor_title = '丰台区工匠'").query(Long.class).single();
		var plenary = as("fengtai", () -> articles.get(drafts.from("MEETING", meeting)));
		assertThat(plenary.body()).contains("王华作题为《");
		assertThat(plenary.links()).extracting(l -> l.kind() + l.id()).containsExactly("MEETING" + meeting);
		assertThat(as("yanqing", () -> articles.get(drafts.from("COMPETITION", competition))).body()).contains("》获一等奖");
		assertThat(as("fengtai", () -> articles.get(drafts.from("CONFERMENT", campaign))).body()).contains("马卫国（泛华集团，焊接技师）");
		assertThatThrownBy(() -> as("chaoyang", () -> drafts.from("MEETING", meeting))).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void theSeedPlenaryLinksTheDemoMeeting() {
		long meeting = jdbc.sql("select id from wp_meeting where term = 13 and session_no = 4").query(Long.class).single();
		assertThat(jdbc.sql("select l.ref_id from news_link l join news_article a on a.id = l.article_id where a.kicker like '%第四次全体会议%'"
				+ " and l.kind = 'MEETING'").query(Long.class).list()).containsExactly(meeting);
	}
}
