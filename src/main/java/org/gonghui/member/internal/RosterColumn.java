package org.gonghui.member.internal;

import java.util.List;
import java.util.Optional;

import org.gonghui.shared.spreadsheet.SheetColumn;
import org.gonghui.shared.spreadsheet.SheetHeader;

/**
 * The columns of a member roster (会员名册), recognised by their Chinese header wherever they stand.
 * Required: 姓名, 身份证号 and 用工形式 (without them a row cannot name a person or classify them);
 * 性别 is optional because the 身份证号 carries it (when given it must agree), 入会日期 defaults to the
 * import day for new members, the others are optional. Extra columns are ignored.
 */
enum RosterColumn implements SheetColumn {

	NAME("姓名", true, "名字", "职工姓名", "会员姓名"),
	GENDER("性别", false),
	ID_NUMBER("身份证号", true, "身份证号码", "公民身份号码", "居民身份证号", "居民身份证号码", "证件号码"),
	PHONE("手机号", false, "手机号码", "手机", "联系电话", "移动电话"),
	EMPLOYER("工作单位", false, "单位", "单位名称", "工作单位名称", "所在单位"),
	WORK_FORM("用工形式", true, "就业形态"),
	OCCUPATION("职业", false, "岗位", "工种"),
	PLATFORM("平台企业", false, "所属平台", "平台"),
	JOIN_DATE("入会日期", false, "入会时间");

	private final String header;
	private final boolean required;
	private final List<String> aliases;

	RosterColumn(String header, boolean required, String... aliases) {
		this.header = header;
		this.required = required;
		this.aliases = List.of(aliases);
	}

	/** The header as the template writes it. */
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

	/** The column a header names, compared as {@link SheetHeader} compares headers (full-width, spaces, "*", a note in brackets). */
	static Optional<RosterColumn> of(String header) {
		return SheetHeader.column(RosterColumn.class, header);
	}
}
