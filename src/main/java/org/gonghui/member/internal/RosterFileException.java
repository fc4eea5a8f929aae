package org.gonghui.member.internal;

/**
 * The file as a whole cannot be imported (wrong type, damaged, too big, a zip bomb, a required column
 * missing...). Raised before any row is written. Carries a message code of the bundles.
 */
class RosterFileException extends RuntimeException {

	private final String code;
	private final transient Object[] args;

	RosterFileException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	RosterFileException(String code, Throwable cause, Object... args) {
		super(code, cause);
		this.code = code;
		this.args = args;
	}

	String code() {
		return code;
	}

	Object[] args() {
		return args;
	}
}
