package org.gonghui.organization;

/** Ownership of an employer (单位性质). */
public enum Ownership {
	/** 国有/公有: state-owned firms, public institutions, government bodies. */
	STATE,
	/** 非公企业: private firms. */
	PRIVATE,
	/** 新经济组织 (两新): platform and new-economy firms. */
	NEW_ECONOMY,
	/** 新社会组织 (两新): associations, foundations, social service bodies. */
	SOCIAL_ORG
}
