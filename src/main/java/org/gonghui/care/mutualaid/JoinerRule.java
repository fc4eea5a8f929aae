package org.gonghui.care.mutualaid;

/** What happens to members who join a union after its enrolment: covered pro rata for the rest of the term, or from the next term. */
public enum JoinerRule {
	PRO_RATA, NEXT_TERM
}
