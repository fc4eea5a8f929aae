package org.gonghui.honor.web;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.internal.HonorService.NewHonor;

/** The form that confers an honour on the honoree page. */
public class HonorForm {

	private String title;
	private HonorLevel level;
	private Integer year;
	private String conferredBy;
	private String certificateNumber;
	private boolean allowance;

	NewHonor command() {
		return new NewHonor(title, level, year, conferredBy, certificateNumber, allowance);
	}

	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public HonorLevel getLevel() { return level; }
	public void setLevel(HonorLevel level) { this.level = level; }
	public Integer getYear() { return year; }
	public void setYear(Integer year) { this.year = year; }
	public String getConferredBy() { return conferredBy; }
	public void setConferredBy(String conferredBy) { this.conferredBy = conferredBy; }
	public String getCertificateNumber() { return certificateNumber; }
	public void setCertificateNumber(String certificateNumber) { this.certificateNumber = certificateNumber; }
	public boolean isAllowance() { return allowance; }
	public void setAllowance(boolean allowance) { this.allowance = allowance; }
}
