package org.gonghui.care.mutualaid;

/** What a reviewer decides at a step of the chain. */
public enum ReviewDecision {
	APPROVE, REJECT, MORE_DOCUMENTS
}
