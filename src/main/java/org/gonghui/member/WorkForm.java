package org.gonghui.member;

/** 用工形式. */
public enum WorkForm {
	/** 在职职工. */
	EMPLOYEE,
	/** 新就业形态劳动者: couriers, riders, ride-hailing drivers. */
	PLATFORM,
	/** 灵活就业人员. */
	FLEXIBLE
}
