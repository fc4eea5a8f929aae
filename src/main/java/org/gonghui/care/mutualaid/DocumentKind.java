package org.gonghui.care.mutualaid;

/** Documents a benefit asks for (出院小结, 发票, 诊断证明, 伤残鉴定, 事故证明, 其他). */
public enum DocumentKind {
	DISCHARGE_SUMMARY, INVOICE, DIAGNOSIS, DISABILITY_ASSESSMENT, ACCIDENT_REPORT, OTHER
}
