package org.gonghui.care;

import org.gonghui.activity.ActivityKind;

/**
 * Forms of service (服务形式) that satisfaction figures compare ("最受欢迎的服务形式"): each kind of activity, and the
 * one-to-one appointment by how it was held (面询 in a 心理减压室, 电话, 视频, 驻场 at the workplace). Labels are messages
 * {@code care.form.<NAME>}.
 */
public enum ServiceForm {
	CARAVAN, GROUP_COUNSELLING, LECTURE, TRAINING_CAMP, VISIT, COMPETITION, OTHER_ACTIVITY, APPOINTMENT_SITE, APPOINTMENT_PHONE,
	APPOINTMENT_VIDEO, APPOINTMENT_WORKPLACE;

	public static ServiceForm of(ActivityKind kind) {
		return switch (kind) {
			case CARAVAN -> CARAVAN;
			case GROUP_COUNSELLING -> GROUP_COUNSELLING;
			case LECTURE -> LECTURE;
			case TRAINING_CAMP -> TRAINING_CAMP;
			case VISIT -> VISIT;
			case COMPETITION -> COMPETITION;
			case OTHER -> OTHER_ACTIVITY;
		};
	}

	public static ServiceForm of(SlotMode mode) {
		return switch (mode) {
			case SITE -> APPOINTMENT_SITE;
			case PHONE -> APPOINTMENT_PHONE;
			case VIDEO -> APPOINTMENT_VIDEO;
			case WORKPLACE -> APPOINTMENT_WORKPLACE;
		};
	}

	/** A one-to-one appointment: its figures are shown only from ten ratings up, and its comments only to the counsellor. */
	public boolean isAppointment() {
		return this == APPOINTMENT_SITE || this == APPOINTMENT_PHONE || this == APPOINTMENT_VIDEO || this == APPOINTMENT_WORKPLACE;
	}
}
