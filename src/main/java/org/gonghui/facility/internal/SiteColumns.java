package org.gonghui.facility.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;

/**
 * The columns of the site sheet, in the order the export writes them, so an exported file can be edited
 * and imported again. Headers are matched loosely (spaces, full-width forms, a few English aliases).
 */
enum SiteColumns implements org.gonghui.shared.spreadsheet.SheetColumn {
	/** The site's number as the export writes it: a row with one updates that site, a row without creates one. */
	CODE("站点编号", "id", false, "code", "id", "siteid", "编号"),
	ORGANIZATION("所属组织", "organizationId", true, "organization", "owner"),
	TYPE("类型", "type", true, "type"),
	NAME("名称", "name", true, "name", "站点名称"),
	ADDRESS("地址", "address", true, "address"),
	LAT("纬度", "lat", true, "lat", "latitude"),
	LON("经度", "lon", true, "lon", "lng", "longitude"),
	CRS("坐标系", "crs", false, "crs"),
	HOURS("开放时间", "openingHours", true, "opening_hours", "openinghours", "hours"),
	AMENITIES("设施", "amenities", false, "amenities", "服务设施"),
	CAPACITY("容纳人数", "capacity", false, "capacity"),
	CONTACT_NAME("联系人", "contactName", false, "contact", "contactname"),
	CONTACT_PHONE("联系电话", "contactPhone", false, "phone", "contactphone"),
	STATUS("状态", "status", false, "status"),
	STATUS_SINCE("状态日期", "statusSince", false, "statussince"),
	/** Written by the export for the reader; the import leaves it alone (it follows from the status history). */
	OPENED_ON("开放日期", "openedOn", false, "openedon"),
	PUBLIC("是否公开", "isPublic", false, "public", "公开"),
	DESCRIPTION("介绍", "description", false, "description", "简介");

	private final String header;
	private final String field;
	private final boolean required;
	private final List<String> aliases;

	SiteColumns(String header, String field, boolean required, String... aliases) {
		this.header = header;
		this.field = field;
		this.required = required;
		this.aliases = List.of(aliases);
	}

	@Override
	public String header() {
		return header;
	}

	@Override
	public List<String> aliases() {
		return aliases;
	}

	@Override
	public boolean required() {
		return required;
	}

	/** The column a service field problem belongs to. */
	static Optional<SiteColumns> forField(String field) {
		for (SiteColumns c : values()) {
			if (c.field.equals(field)) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

	/** An enum constant by its code (EBIKE_CHARGING) or its Chinese or English label (电动车充电). */
	static <E extends Enum<E>> E choice(String text, E[] values, String labelPrefix, MessageSource messages) {
		if (text == null) {
			return null;
		}
		String t = normalise(text);
		for (E e : values) {
			if (t.equals(normalise(e.name())) || t.equals(normalise(messages.getMessage(labelPrefix + e.name(), null, "", Locale.SIMPLIFIED_CHINESE)))
					|| t.equals(normalise(messages.getMessage(labelPrefix + e.name(), null, "", Locale.ENGLISH)))) {
				return e;
			}
		}
		return null;
	}

	private static String normalise(String text) {
		return text == null ? "" : org.gonghui.shared.Text.toHalfWidth(text).replaceAll("[\\s_*（）()]", "").toLowerCase(Locale.ROOT);
	}
}
