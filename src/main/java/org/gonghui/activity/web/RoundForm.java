package org.gonghui.activity.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.gonghui.activity.AdvanceRule;
import org.gonghui.activity.RoundLevel;
import org.gonghui.activity.internal.CompetitionService.NewRound;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The add-a-round page as it binds. Judges are typed as account names, one per line or separated by
 * commas or 、, the way a staff member copies them from a list.
 */
public class RoundForm {

	private String name;
	private RoundLevel level;
	private Long hostId;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startsOn;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endsOn;
	private String venue;
	private AdvanceRule advanceRule = AdvanceRule.MANUAL;
	private Integer advanceN;
	private BigDecimal advanceThreshold;
	private String judges;

	NewRound command() {
		return new NewRound(name, level, hostId, startsOn, endsOn, venue, advanceRule, advanceN, advanceThreshold, judgeNames(judges));
	}

	static List<String> judgeNames(String typed) {
		if (typed == null || typed.isBlank()) {
			return List.of();
		}
		return Arrays.stream(typed.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).distinct().toList();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public RoundLevel getLevel() {
		return level;
	}

	public void setLevel(RoundLevel level) {
		this.level = level;
	}

	public Long getHostId() {
		return hostId;
	}

	public void setHostId(Long hostId) {
		this.hostId = hostId;
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public void setStartsOn(LocalDate startsOn) {
		this.startsOn = startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public String getVenue() {
		return venue;
	}

	public void setVenue(String venue) {
		this.venue = venue;
	}

	public AdvanceRule getAdvanceRule() {
		return advanceRule;
	}

	public void setAdvanceRule(AdvanceRule advanceRule) {
		this.advanceRule = advanceRule;
	}

	public Integer getAdvanceN() {
		return advanceN;
	}

	public void setAdvanceN(Integer advanceN) {
		this.advanceN = advanceN;
	}

	public BigDecimal getAdvanceThreshold() {
		return advanceThreshold;
	}

	public void setAdvanceThreshold(BigDecimal advanceThreshold) {
		this.advanceThreshold = advanceThreshold;
	}

	public String getJudges() {
		return judges;
	}

	public void setJudges(String judges) {
		this.judges = judges;
	}
}
