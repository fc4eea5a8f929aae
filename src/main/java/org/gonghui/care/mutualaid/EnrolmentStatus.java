package org.gonghui.care.mutualaid;

/** A union's enrolment for a term: the contribution is due, or it has been paid (cover is in force). */
public enum EnrolmentStatus {
	DUE, PAID
}
