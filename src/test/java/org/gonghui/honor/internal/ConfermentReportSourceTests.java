package org.gonghui.honor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.NominationStage;
import org.gonghui.honor.internal.SelectionCampaignRepository.NominationRow;
import org.gonghui.honor.internal.SelectionCampaignService.SelectionCampaignView;
import org.junit.jupiter.api.Test;

/** A conferment for a report: who conferred which title, the honorees as the booklet shows them, and nothing personal beyond that. */
class ConfermentReportSourceTests {

	private static final SelectionCampaignView CAMPAIGN = new SelectionCampaignView(5, 3, "丰台区总工会", "2026年度丰台区工匠评选", "丰台区工匠",
			HonorLevel.DISTRICT, "丰台区总工会", 2026, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), false, false, 9, "MORE_THAN_HALF",
			List.of(), List.of(), Map.of(NominationStage.CONFERRED, 2, NominationStage.IN_NOTICE, 3), true);

	private static NominationRow conferred(long id, String name, String employer, String occupation, Long honoree) {
		return new NominationRow(id, 5, 3, "泛华集团工会", "/1/3/", null, honoree, null, name, "110************12X", employer, occupation, true, false, false,
				null, null, 0, 0, null, null, "事迹简介", "主要事迹", NominationStage.CONFERRED, null, null, 8, 1, 0, null, 40L, Instant.EPOCH, "fanhua", 0);
	}

	@Test
	void theHonoreesByNameEmployerAndOccupationAndTheFigures() {
		var f = ConfermentReportSource.facts(CAMPAIGN,
				List.of(conferred(1, "马卫国", "泛华集团", "焊接技师", 11L), conferred(2, "邓秀英", "北京市丰台区职业教育中心", null, 12L)), 5);
		assertThat(f.headline()).isEqualTo("2026年度“丰台区工匠”名单揭晓");
		assertThat(f.lead()).isEqualTo("丰台区总工会授予2名职工2026年度“丰台区工匠”称号");
		assertThat(f.paragraphs()).containsExactly(
				"此次评选由丰台区总工会组织开展（2026年度丰台区工匠评选），经单位推荐、评审和公示，马卫国（泛华集团，焊接技师）、邓秀英（北京市丰台区职业教育中心）获此称号。");
		assertThat(f.figures()).containsExactly("本次评选共推荐5人，2人获“丰台区工匠”称号");
		assertThat(f.links()).extracting(l -> l.kind() + l.id()).containsExactly("HONOREE11", "HONOREE12");
		String all = String.join("", f.paragraphs()) + f.lead() + f.figures();
		assertThat(all).doesNotContain("110").doesNotContain("事迹").doesNotContain("fanhua");
	}

	@Test
	void aLongListIsCutAndCounted() {
		List<NominationRow> many = java.util.stream.IntStream.range(0, 25).mapToObj(i -> conferred(i, "职工" + i, null, null, (long) i)).toList();
		var f = ConfermentReportSource.facts(CAMPAIGN, many, 0);
		assertThat(f.paragraphs().get(0)).contains("职工19").doesNotContain("职工20").contains("等25人获此称号");
		assertThat(f.links()).hasSize(ConfermentReportSource.NAMED);
		assertThat(f.figures()).isEmpty();
	}
}
