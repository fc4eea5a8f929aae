package org.gonghui.platform;

import org.springframework.security.access.AccessDeniedException;

/** The caller signed in with a one-time password and must choose their own first: the API answers 403 with code PASSWORD_CHANGE_REQUIRED. */
public class PasswordChangeRequiredException extends AccessDeniedException {

	private static final long serialVersionUID = 1L;

	public PasswordChangeRequiredException() {
		super("Choose a new password first");
	}
}
