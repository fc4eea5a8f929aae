package org.gonghui.news.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.news.BylineRole.CORRESPONDENT;
import static org.gonghui.news.BylineRole.EDITOR;
import static org.gonghui.news.BylineRole.PHOTOGRAPHER;
import static org.gonghui.news.BylineRole.REPORTER;

import java.util.List;

import org.gonghui.news.internal.Bylines.Byline;
import org.junit.jupiter.api.Test;

/** Every byline form of the seed page, and the same forms typed carelessly. */
class BylinesTests {

	private static Byline b(org.gonghui.news.BylineRole role, String name) {
		return new Byline(role, name);
	}

	@Test
	void datelineWithReporter() {
		assertThat(Bylines.parse("本报讯（记者 余翠平）")).containsExactly(b(REPORTER, "余翠平"));
		assertThat(Bylines.ofDateline("本报讯（记者 马超）近日，“学习宣传二十大 建设最美冬奥城”")).containsExactly(b(REPORTER, "马超"));
	}

	@Test
	void reporterAndCorrespondent() {
		assertThat(Bylines.parse("记者 任洁 通讯员 曹薇")).containsExactly(b(REPORTER, "任洁"), b(CORRESPONDENT, "曹薇"));
		assertThat(Bylines.ofDateline("本报讯（记者 任洁 通讯员 曹薇）北京工商大学工会联合党委教师工作部近日"))
			.containsExactly(b(REPORTER, "任洁"), b(CORRESPONDENT, "曹薇"));
	}

	@Test
	void photoReportCreditsEveryoneWithThePhotos() {
		assertThat(Bylines.parse("本报记者 盛丽 通讯员 杜弘光 摄影报道")).containsExactly(b(REPORTER, "盛丽"), b(CORRESPONDENT, "杜弘光"),
				b(PHOTOGRAPHER, "盛丽"), b(PHOTOGRAPHER, "杜弘光"));
		assertThat(Bylines.wholeLine("本报记者 盛丽 通讯员 杜弘光 摄影报道")).isPresent();
	}

	@Test
	void bracketsAlone() {
		assertThat(Bylines.parse("（记者 马超）")).containsExactly(b(REPORTER, "马超"));
		assertThat(Bylines.parse("(记者 马超)")).containsExactly(b(REPORTER, "马超"));
		assertThat(Bylines.parse("【记者 马超】")).containsExactly(b(REPORTER, "马超"));
	}

	@Test
	void oddSpacing() {
		assertThat(Bylines.parse("记者余翠平")).containsExactly(b(REPORTER, "余翠平"));
		assertThat(Bylines.parse("  记者\u3000\u3000任洁　通讯员曹薇  ")).containsExactly(b(REPORTER, "任洁"), b(CORRESPONDENT, "曹薇"));
		assertThat(Bylines.parse("本报讯(记者任洁通讯员曹薇)")).containsExactly(b(REPORTER, "任洁"), b(CORRESPONDENT, "曹薇"));
		assertThat(Bylines.parse("记者 任洁、王明  编辑 李华")).containsExactly(b(REPORTER, "任洁"), b(REPORTER, "王明"), b(EDITOR, "李华"));
		assertThat(Bylines.parse("摄影记者 边磊")).containsExactly(b(PHOTOGRAPHER, "边磊"));
	}

	@Test
	void creditsAtTheEndOfAParagraph() {
		var photo = Bylines.trailing("走进时传祥纪念馆，将时传祥不怕苦、不畏难的劳模精神深深地烙印在心中。本报记者 边磊 摄影报道");
		assertThat(photo.text()).isEqualTo("走进时传祥纪念馆，将时传祥不怕苦、不畏难的劳模精神深深地烙印在心中。");
		assertThat(photo.bylines()).containsExactly(b(REPORTER, "边磊"), b(PHOTOGRAPHER, "边磊"));

		var bare = Bylines.trailing("已选树宣传工匠人才超过5000名、地市级工匠超过2万名。（郑莉）");
		assertThat(bare.text()).isEqualTo("已选树宣传工匠人才超过5000名、地市级工匠超过2万名。");
		assertThat(bare.bylines()).containsExactly(b(REPORTER, "郑莉"));
	}

	@Test
	void textThatIsNoBylineStaysWhole() {
		String paragraph = "截至目前，全国总工会和各省（区、市）已选树宣传工匠人才超过5000名。";
		assertThat(Bylines.trailing(paragraph).bylines()).isEmpty();
		assertThat(Bylines.trailing(paragraph).text()).isEqualTo(paragraph);
		assertThat(Bylines.parse("本报讯 ")).isEmpty();
		assertThat(Bylines.ofDateline("本报讯 在广大职工和工会干部兴起学习热潮之时")).isEmpty();
		assertThat(Bylines.wholeLine("汲取榜样力量")).isEmpty();
		assertThat(Bylines.parse(null)).isEmpty();
	}

	@Test
	void printsAsThePaperDoes() {
		assertThat(Bylines.print(List.of(b(REPORTER, "任洁"), b(CORRESPONDENT, "曹薇")))).isEqualTo("记者 任洁 通讯员 曹薇");
		assertThat(Bylines.print(List.of(b(REPORTER, "任洁"), b(REPORTER, "王明")))).isEqualTo("记者 任洁 王明");
	}
}
