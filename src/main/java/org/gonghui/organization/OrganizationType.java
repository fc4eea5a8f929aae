package org.gonghui.organization;

/** Kind of union body. */
public enum OrganizationType {
	/** 地方总工会 (national, city, district, street federations). */
	REGIONAL_FEDERATION,
	/** 产业/行业工会, e.g. 丰台区教育工会. */
	INDUSTRY_UNION,
	/** 企事业单位工会: a company's, school's or institution's own union. */
	WORKPLACE_UNION,
	/** 联合工会 for gig workers (新就业形态劳动者) or small firms of an area. */
	JOINT_UNION
}
