package org.gonghui.member.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gonghui.shared.Text;

/**
 * The columns of a member roster (会员名册), recognised by their Chinese header wherever they stand.
 * Required: 姓名, 身份证号 and 用工形式 (without them a row cannot name a person or classify them);
 * 性别 is optional because the 身份证号 carries it (when given it must agree), 入会日期 defaults to the
 * import day for new members, the others are optional. Extra columns are ignored.
 */
enum RosterColumn {

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
	String header() {
		return header;
	}

	boolean required() {
		return required;
	}

	/**
	 * The column a header names. Headers are compared after turning full-width forms into ASCII,
	 * removing all white space, a required-field marker ({@code *}) and a note in brackets, so
	 * {@code " 身份证号（必填）"} and {@code "*姓 名"} are recognised.
	 */
	static Optional<RosterColumn> of(String header) {
		String key = normalise(header);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		for (RosterColumn c : values()) {
			if (c.header.equals(key) || c.aliases.contains(key)) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

	static String normalise(String header) {
		if (header == null) {
			return "";
		}
		String s = Text.toHalfWidth(header).replace("\uFEFF", "");
		StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '*') {
				sb.append(c);
			}
		}
		String key = sb.toString();
		// "身份证号(必填)", "入会日期(yyyy-mm-dd)": the note in brackets is not part of the name.
		int bracket = key.indexOf('(');
		if (bracket > 0 && key.endsWith(")")) {
			key = key.substring(0, bracket);
		}
		return key.toLowerCase(Locale.ROOT);
	}
}
