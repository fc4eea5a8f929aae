package org.gonghui.workplan;

/** What kind of meeting, with its quorum rule. */
public enum MeetingKind {
	/** 全体委员会议 (全委会): more than half of the committee present. */
	PLENARY,
	/** 常务委员会会议 (常委会): more than half of the standing committee present. */
	STANDING,
	/** 职工代表大会 (职代会): at least two thirds of the delegates present. */
	CONGRESS;

	/** True when {@code present} of {@code total} may hold the meeting. */
	public boolean quorate(int present, int total) {
		return this == CONGRESS ? present * 3 >= total * 2 : present * 2 > total;
	}
}
