package org.gonghui.news;

/** What a person named in a byline did: 记者 (staff reporter), 通讯员 (correspondent), 摄影 (photos), 编辑 (editor). */
public enum BylineRole {
	REPORTER("记者"), CORRESPONDENT("通讯员"), PHOTOGRAPHER("摄影"), EDITOR("编辑");

	private final String chinese;

	BylineRole(String chinese) {
		this.chinese = chinese;
	}

	/** The word a byline prints before the name. */
	public String chinese() {
		return chinese;
	}
}
