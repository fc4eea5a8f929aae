package org.gonghui.shared;

import java.util.Set;

/**
 * The surname of a Chinese name, for the generated portrait placeholder of a person without a photo: 高 for
 * 高凤林, 欧阳 for 欧阳娜娜. Two-character surnames (复姓) are recognised from a list; a name written with a
 * middle dot (买买提·艾力) or in Latin letters gives its first letter.
 */
public final class Surnames {

	private static final Set<String> COMPOUND = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
			"宇文", "司徒", "夏侯", "端木", "呼延", "南宫", "西门", "申屠", "轩辕", "独孤", "百里", "东郭", "闻人", "万俟", "澹台", "公冶", "太史",
			"钟离", "濮阳", "淳于", "赫连", "单于", "拓跋", "完颜", "鲜于", "闾丘", "司空", "司寇", "左丘", "梁丘", "第五");

	private Surnames() {
	}

	/** The surname, or the first letter; empty for a blank name. */
	public static String of(String name) {
		String clean = Text.clean(name);
		if (clean == null) {
			return "";
		}
		int first = clean.codePointAt(0);
		int firstLength = Character.charCount(first);
		if (clean.length() > firstLength + 1 && !clean.contains("·")) {
			int second = clean.codePointAt(firstLength);
			String two = clean.substring(0, firstLength + Character.charCount(second));
			if (COMPOUND.contains(two)) {
				return two;
			}
		}
		return Character.isLetter(first) && first < 0x80 ? Character.toString(Character.toUpperCase(first)) : Character.toString(first);
	}

	/** One of {@code tones} colours for the placeholder, the same for the same name on every page and in every PDF. */
	public static int tone(String name, int tones) {
		return name == null ? 0 : Math.floorMod(name.hashCode(), tones);
	}
}
