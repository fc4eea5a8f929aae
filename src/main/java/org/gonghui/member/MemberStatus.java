package org.gonghui.member;

public enum MemberStatus {
	ACTIVE, TRANSFERRED_OUT, LEFT
}
