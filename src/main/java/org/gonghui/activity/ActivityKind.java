package org.gonghui.activity;

/** What kind of activity; camps and competitions get their own rules on top of the shared core. */
public enum ActivityKind {
	TRAINING_CAMP, COMPETITION, GROUP_COUNSELLING, VISIT, CARAVAN, LECTURE, OTHER
}
