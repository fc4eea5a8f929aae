package org.gonghui.care;

/** Where a counsellor meets a worker: in a 心理减压室, by phone, by video link, or at a workplace on a caravan day. */
public enum SlotMode {
	SITE, PHONE, VIDEO, WORKPLACE
}
