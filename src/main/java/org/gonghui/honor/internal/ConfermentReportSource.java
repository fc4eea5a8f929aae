package org.gonghui.honor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.gonghui.honor.NominationStage;
import org.gonghui.honor.internal.SelectionCampaignRepository.NominationRow;
import org.gonghui.honor.internal.SelectionCampaignService.SelectionCampaignView;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.ReportFacts;
import org.gonghui.platform.ReportSource;
import org.gonghui.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A selection campaign's conferment as the news desk may report it, once someone was conferred: who conferred which
 * title in which year, and the honorees as the booklet prints them — name, employer, occupation. Never an ID number,
 * a phone, a nomination's votes or the deeds' personal details.
 */
@Component
class ConfermentReportSource implements ReportSource {

	/** Honorees named in the draft and linked; a longer list is the editor's to attach. */
	static final int NAMED = 20;

	private final SelectionCampaignService campaigns;
	private final SelectionCampaignRepository repository;
	private final CurrentUser currentUser;

	ConfermentReportSource(SelectionCampaignService campaigns, SelectionCampaignRepository repository, CurrentUser currentUser) {
		this.campaigns = campaigns;
		this.repository = repository;
		this.currentUser = currentUser;
	}

	@Override
	public Set<String> kinds() {
		return Set.of("CONFERMENT");
	}

	@Override
	@Transactional(readOnly = true)
	public ReportFacts facts(String kind, long id) {
		SelectionCampaignView c = campaigns.get(id);
		List<NominationRow> conferred = repository.nominations(id, currentUser.scope().pathPattern()).stream()
			.filter(n -> n.stage() == NominationStage.CONFERRED).toList();
		if (conferred.isEmpty()) {
			throw InvalidInputException.of("id", "honor.campaign.noneConferred");
		}
		int nominated = c.stages().values().stream().mapToInt(Integer::intValue).sum();
		return facts(c, conferred, nominated);
	}

	@Override
	public String page(String kind, long id) {
		return "/campaigns/" + id;
	}

	static ReportFacts facts(SelectionCampaignView c, List<NominationRow> conferred, int nominated) {
		String title = "“" + c.honourTitle() + "”";
		String lead = c.conferredBy() + "授予" + conferred.size() + "名职工" + c.year() + "年度" + title + "称号";
		List<String> named = conferred.stream().limit(NAMED).map(ConfermentReportSource::honoree).toList();
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add("此次评选由" + c.organizationName() + "组织开展（" + c.title() + "），经单位推荐、评审和公示，" + String.join("、", named)
				+ (conferred.size() > NAMED ? "等" + conferred.size() + "人" : "") + "获此称号。");
		List<String> figures = new ArrayList<>();
		if (nominated > 0) {
			figures.add("本次评选共推荐" + nominated + "人，" + conferred.size() + "人获" + title + "称号");
		}
		List<ReportFacts.Link> links = conferred.stream().map(NominationRow::honoreeId).filter(Objects::nonNull).distinct().limit(NAMED)
			.map(h -> new ReportFacts.Link("HONOREE", h)).toList();
		return new ReportFacts(c.organizationId(), c.organizationName(), null, c.year() + "年度" + title + "名单揭晓", lead, paragraphs, figures, links);
	}

	/** "李红（泛华集团，数控车工）": the booklet's public facts. */
	static String honoree(NominationRow n) {
		List<String> about = new ArrayList<>();
		if (n.employer() != null && !n.employer().isBlank()) {
			about.add(n.employer());
		}
		if (n.occupation() != null && !n.occupation().isBlank()) {
			about.add(n.occupation());
		}
		return n.name() + (about.isEmpty() ? "" : "（" + String.join("，", about) + "）");
	}
}
