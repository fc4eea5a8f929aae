package org.gonghui.shared;

/** A client or a target used up its allowance of attempts (a rate limit): answered 429, try again later. */
public class TooManyAttemptsException extends RuntimeException {

	public TooManyAttemptsException(String what) {
		super("Too many attempts: " + what);
	}
}
