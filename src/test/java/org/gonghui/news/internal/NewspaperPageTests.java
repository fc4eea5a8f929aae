package org.gonghui.news.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.news.BylineRole.CORRESPONDENT;
import static org.gonghui.news.BylineRole.PHOTOGRAPHER;
import static org.gonghui.news.BylineRole.REPORTER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.gonghui.news.internal.Bylines.Byline;
import org.gonghui.news.internal.NewspaperPage.Report;
import org.junit.jupiter.api.Test;

/** The seed page split into its eight pieces: the column head and seven reports with headings, bylines and whole paragraphs. */
class NewspaperPageTests {

	private static NewspaperPage.Page page() throws IOException {
		try (var in = NewspaperPageTests.class.getResourceAsStream("/news/seed-page.txt")) {
			return NewspaperPage.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	@Test
	void eightPieces() throws IOException {
		var page = page();
		assertThat(page.pieces()).isEqualTo(8);
		assertThat(page.column()).isEqualTo("深入学习贯彻党的二十大精神 奋力开拓首都工会工作新局面");
		assertThat(page.reports()).extracting(Report::headline).containsExactly("全国总工会首办劳模工匠创新培训营", "今年将建3个公共区域职工之家 50个户外劳动者驿站",
				"延庆职工“五月鲜花”歌咏比赛举行", "北京工商大学工会举办廉洁主题心理辅导", "《职工风采录》传递榜样力量", "朝阳区总工会“心理关爱大篷车”开进校园", "汲取榜样力量");
		assertThat(page.reports().get(1).kicker()).isEqualTo("丰台区总工会第十三届委员会第四次全体会议召开");
		assertThat(page.reports()).filteredOn(r -> r.kicker() != null).hasSize(1);
	}

	@Test
	void bylinesOfEachReport() throws IOException {
		var reports = page().reports();
		assertThat(reports.get(0).bylines()).containsExactly(new Byline(REPORTER, "郑莉"));
		assertThat(reports.get(1).bylines()).containsExactly(new Byline(REPORTER, "余翠平"));
		assertThat(reports.get(2).bylines()).containsExactly(new Byline(REPORTER, "马超"));
		assertThat(reports.get(3).bylines()).containsExactly(new Byline(REPORTER, "任洁"), new Byline(CORRESPONDENT, "曹薇"));
		assertThat(reports.get(4).bylines()).containsExactly(new Byline(REPORTER, "盛丽"), new Byline(CORRESPONDENT, "杜弘光"),
				new Byline(PHOTOGRAPHER, "盛丽"), new Byline(PHOTOGRAPHER, "杜弘光"));
		assertThat(reports.get(5).bylines()).containsExactly(new Byline(REPORTER, "刘欣欣"));
		assertThat(reports.get(6).bylines()).containsExactly(new Byline(REPORTER, "边磊"), new Byline(PHOTOGRAPHER, "边磊"));
	}

	@Test
	void paragraphsAreWholeAgain() throws IOException {
		var reports = page().reports();
		var camp = reports.get(0).paragraphs();
		assertThat(camp).hasSize(4);
		assertThat(camp.get(0)).startsWith("本报讯 在广大职工").contains("贺信精神的重要举措之一").endsWith("探索。");
		assertThat(camp.get(2)).startsWith("全国总工会副主席、全国劳模高凤林");
		assertThat(camp.get(3)).endsWith("地市级工匠超过2万名。");
		assertThat(reports.get(1).paragraphs().get(0)).startsWith("本报讯（记者 余翠平）近日，丰台区总工会");
		assertThat(reports.get(1).paragraphs().get(1)).contains("的工作报告。丰台区教育工会");
		assertThat(reports.get(4).paragraphs()).hasSize(1);
		assertThat(reports.get(6).paragraphs()).containsExactly(reports.get(6).paragraphs().get(0));
		assertThat(reports.get(6).paragraphs().get(0)).startsWith("近日，东城区龙潭街道总工会").endsWith("烙印在心中。");
		for (Report r : reports) {
			assertThat(r.paragraphs()).allSatisfy(p -> assertThat(p).matches(".*[。”）]$"));
		}
	}

	@Test
	void subheadingAfterADash() {
		var page = NewspaperPage.parse("栏题\n\n劳模进校园\n——北京开展劳模工匠进校园活动\n\n本报讯（记者 王明）近日，劳模走进校园。\n");
		var r = page.reports().get(0);
		assertThat(r.headline()).isEqualTo("劳模进校园");
		assertThat(r.subheading()).isEqualTo("北京开展劳模工匠进校园活动");
		assertThat(r.kicker()).isNull();
	}

	@Test
	void eachReportFindsItsOrganisationAndSubject() throws IOException {
		var names = java.util.List.of("中华全国总工会", "北京市总工会", "丰台区总工会", "丰台区教育工会", "六里桥街道总工会", "泛华集团工会", "延庆区总工会",
				"延庆区医院工会", "北京工商大学工会", "北京公交集团工会", "物业管理中心工会", "朝阳区总工会", "陈经纶中学工会", "东城区总工会", "龙潭街道总工会",
				"中国劳动关系学院工会");
		var reports = page().reports();
		assertThat(reports).extracting(r -> ReportSubjects.organization(r, names).orElse(null)).containsExactly("中华全国总工会", "丰台区总工会",
				"延庆区总工会", "北京工商大学工会", "物业管理中心工会", "朝阳区总工会", "龙潭街道总工会");
		assertThat(reports).extracting(r -> ReportSubjects.subject(r).map(ReportSubjects.Subject::recordKind).orElse(null)).containsExactly(
				"TRAINING_CAMP", "MEETING", "COMPETITION", "GROUP_COUNSELLING", "BOOKLET", "CARAVAN", "VISIT");
	}
}
