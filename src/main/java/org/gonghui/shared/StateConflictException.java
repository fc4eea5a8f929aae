package org.gonghui.shared;

/**
 * The request is well formed but the records' state forbids it (a member who already has an account, a
 * phone number already in use): answered 409 with the message of {@code code}, which says what to do.
 */
public class StateConflictException extends RuntimeException {

	private final String code;
	private final transient Object[] args;

	public StateConflictException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args;
	}
}
