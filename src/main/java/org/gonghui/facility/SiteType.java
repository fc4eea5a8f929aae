package org.gonghui.facility;

/**
 * Kinds of service site. Extensible: a new constant needs its label keys {@code site.type.<NAME>} in
 * the message bundles and nothing else (the database stores the name, the index the ordinal of the
 * running build only).
 */
public enum SiteType {
	/** 职工之家. */
	WORKERS_HOME,
	/** 户外劳动者服务站点 / 暖心驿站. */
	OUTDOOR_WORKER_STATION,
	/** 心理减压室. */
	DECOMPRESSION_ROOM,
	/** 母婴关爱室. */
	NURSING_ROOM
}
