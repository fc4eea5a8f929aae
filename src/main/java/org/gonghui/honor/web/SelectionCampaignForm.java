package org.gonghui.honor.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.internal.SelectionCampaignService.NewSelectionCampaign;
import org.gonghui.honor.internal.SelectionCampaignService.QuotaInput;
import org.gonghui.honor.internal.SelectionCampaignService.RuleInput;
import org.gonghui.honor.RuleKind;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.Text;

/** The new-campaign form as typed: dates and percentages as strings, so a typo comes back next to its field. */
public class SelectionCampaignForm {

	static final int QUOTA_ROWS = 6;

	private Long organizationId;
	private String title;
	private String honourTitle;
	private HonorLevel level;
	private String conferredBy;
	private String nominationOpensOn;
	private String nominationClosesOn;
	private boolean requiresLowerHonor;
	private Integer panelSize = 9;
	private String panelMajority = "MORE_THAN_HALF";
	private String frontLineMin;
	private String nonPublicMin;
	private String enterpriseHeadMax;
	private List<QuotaRow> quotas = new ArrayList<>();

	public SelectionCampaignForm() {
		while (quotas.size() < QUOTA_ROWS) {
			quotas.add(new QuotaRow());
		}
	}

	public static class QuotaRow {
		private Long organizationId;
		private Integer places;

		public Long getOrganizationId() { return organizationId; }
		public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
		public Integer getPlaces() { return places; }
		public void setPlaces(Integer places) { this.places = places; }
	}

	NewSelectionCampaign command() {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate opens = date(nominationOpensOn, "nominationOpensOn", problems);
		LocalDate closes = date(nominationClosesOn, "nominationClosesOn", problems);
		List<RuleInput> rules = new ArrayList<>();
		rule(RuleKind.FRONT_LINE_MIN, frontLineMin, "frontLineMin", rules, problems);
		rule(RuleKind.NON_PUBLIC_MIN, nonPublicMin, "nonPublicMin", rules, problems);
		rule(RuleKind.ENTERPRISE_HEAD_MAX, enterpriseHeadMax, "enterpriseHeadMax", rules, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<QuotaInput> quotaInputs = quotas.stream().filter(q -> q.getOrganizationId() != null || q.getPlaces() != null)
			.map(q -> new QuotaInput(q.getOrganizationId(), q.getPlaces())).toList();
		return new NewSelectionCampaign(organizationId, title, honourTitle, level, conferredBy, null, opens, closes, requiresLowerHonor, panelSize, panelMajority,
				rules, quotaInputs);
	}

	static LocalDate date(String typed, String field, List<FieldProblem> problems) {
		String text = Text.clean(typed);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (java.time.format.DateTimeParseException e) {
			problems.add(new FieldProblem(field, "validation.typeMismatch"));
			return null;
		}
	}

	/** A percentage as typed on the page (35 means 35 %); blank means no such rule. */
	private static void rule(RuleKind kind, String typed, String field, List<RuleInput> rules, List<FieldProblem> problems) {
		String text = Text.clean(typed);
		if (text == null) {
			return;
		}
		try {
			BigDecimal percent = new BigDecimal(text.replace("%", "").trim());
			if (percent.compareTo(BigDecimal.ONE) < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
				problems.add(new FieldProblem(field, "honor.campaign.percent"));
				return;
			}
			rules.add(new RuleInput(kind, percent.compareTo(BigDecimal.ONE) == 0 ? new BigDecimal("0.01") : percent));
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "honor.campaign.percent"));
		}
	}

	public Long getOrganizationId() { return organizationId; }
	public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getHonourTitle() { return honourTitle; }
	public void setHonourTitle(String honourTitle) { this.honourTitle = honourTitle; }
	public HonorLevel getLevel() { return level; }
	public void setLevel(HonorLevel level) { this.level = level; }
	public String getConferredBy() { return conferredBy; }
	public void setConferredBy(String conferredBy) { this.conferredBy = conferredBy; }
	public String getNominationOpensOn() { return nominationOpensOn; }
	public void setNominationOpensOn(String nominationOpensOn) { this.nominationOpensOn = nominationOpensOn; }
	public String getNominationClosesOn() { return nominationClosesOn; }
	public void setNominationClosesOn(String nominationClosesOn) { this.nominationClosesOn = nominationClosesOn; }
	public boolean isRequiresLowerHonor() { return requiresLowerHonor; }
	public void setRequiresLowerHonor(boolean requiresLowerHonor) { this.requiresLowerHonor = requiresLowerHonor; }
	public Integer getPanelSize() { return panelSize; }
	public void setPanelSize(Integer panelSize) { this.panelSize = panelSize; }
	public String getPanelMajority() { return panelMajority; }
	public void setPanelMajority(String panelMajority) { this.panelMajority = panelMajority; }
	public String getFrontLineMin() { return frontLineMin; }
	public void setFrontLineMin(String frontLineMin) { this.frontLineMin = frontLineMin; }
	public String getNonPublicMin() { return nonPublicMin; }
	public void setNonPublicMin(String nonPublicMin) { this.nonPublicMin = nonPublicMin; }
	public String getEnterpriseHeadMax() { return enterpriseHeadMax; }
	public void setEnterpriseHeadMax(String enterpriseHeadMax) { this.enterpriseHeadMax = enterpriseHeadMax; }
	public List<QuotaRow> getQuotas() { return quotas; }
	public void setQuotas(List<QuotaRow> quotas) { this.quotas = quotas; }
}
