package org.gonghui.care;

/** What a worker rates: an activity they attended (a caravan included), or an appointment with a counsellor that took place. */
public enum ServiceType {
	ACTIVITY, APPOINTMENT
}
