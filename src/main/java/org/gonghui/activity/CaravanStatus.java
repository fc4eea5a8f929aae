package org.gonghui.activity;

import java.util.EnumSet;
import java.util.Set;

/**
 * A caravan request's life: the workplace union asks (REQUESTED); the district federation accepts or
 * declines it; once accepted, district staff schedule it, which creates the CARAVAN activity (SCHEDULED).
 * The union may withdraw until it is scheduled. DECLINED, WITHDRAWN and SCHEDULED are final: what happens
 * to a scheduled visit afterwards is the activity's business.
 */
public enum CaravanStatus {
	REQUESTED, ACCEPTED, DECLINED, WITHDRAWN, SCHEDULED;

	/** The statuses this one may move to; the rest are refused. */
	public Set<CaravanStatus> next() {
		return switch (this) {
			case REQUESTED -> EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN);
			case ACCEPTED -> EnumSet.of(SCHEDULED, WITHDRAWN);
			case DECLINED, WITHDRAWN, SCHEDULED -> EnumSet.noneOf(CaravanStatus.class);
		};
	}

	public boolean mayMoveTo(CaravanStatus to) {
		return next().contains(to);
	}
}
