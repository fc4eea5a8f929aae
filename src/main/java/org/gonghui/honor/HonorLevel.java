package org.gonghui.honor;

/** The level an honour is conferred at, from the national 全国劳动模范 down to a unit's 先进职工. */
public enum HonorLevel {
	NATIONAL, PROVINCIAL, MUNICIPAL, DISTRICT, UNIT
}
