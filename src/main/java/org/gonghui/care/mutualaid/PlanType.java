package org.gonghui.care.mutualaid;

/** Kinds of mutual-aid plan (住院医疗, 女职工特殊疾病, 意外伤害, 重大疾病, 其他). */
public enum PlanType {
	HOSPITAL, WOMEN_SPECIAL_DISEASE, ACCIDENT, CRITICAL_ILLNESS, OTHER
}
