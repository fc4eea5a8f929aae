package org.gonghui.organization;

/**
 * Where an employer stands in the union founding drive (建会), in the order the drive moves. A
 * {@link #FOUNDED} employer names the grassroots or joint union that was set up.
 */
public enum FoundingStatus {
	/** 未建会: nobody has approached the employer yet. */
	NOT_STARTED,
	/** 已联系: the federation has contacted the employer. */
	CONTACTED,
	/** 筹备中: the employer prepares its union (筹备组, member recruitment, first assembly). */
	PREPARING,
	/** 已建会: a union covers the employer's workers. */
	FOUNDED;

	/** True when {@code to} lies before this status in the drive (a step back). */
	public boolean isAfter(FoundingStatus to) {
		return ordinal() > to.ordinal();
	}
}
