package org.gonghui.platform;

import java.util.List;
import java.util.Optional;

/**
 * Accounts for other modules: a competition names its judges by username; the member module opens a
 * worker's own account (认领账号) and lets staff in scope link, unlink and reset it. The callers apply their
 * own scope rules; these methods check only what belongs to accounts (username, password rules).
 */
public interface Accounts {

	/** Whether an enabled account with this username exists. */
	boolean exists(String username);

	/** The account with this username (typed as people type it: a phone number with spaces, upper case). */
	Optional<AccountRef> find(String username);

	/** The username a typed text stands for: a phone number in its 11-digit form, other names in lower case. */
	String normaliseUsername(String typed);

	/**
	 * Checks a worker's chosen password against the rules (length, common passwords, the holder's own
	 * identifiers) before anything else is looked up: {@link org.gonghui.shared.InvalidInputException} on
	 * field {@code password}.
	 */
	void checkWorkerPassword(String password, List<String> personalWords);

	/**
	 * Creates an enabled WORKER account. The password must meet the workers' rules and may not contain any
	 * of {@code personalWords} (phone, 身份证号, birth date): {@link org.gonghui.shared.InvalidInputException}
	 * on field {@code password} otherwise. Throws {@link org.springframework.dao.DuplicateKeyException} when
	 * the username is taken. Audited.
	 */
	AccountRef createWorker(String username, String displayName, String password, long organizationId, List<String> personalWords);

	/**
	 * Gives a WORKER account a new random one-time password, lifts a lock and signs the account out
	 * everywhere; the holder must choose a new password at the next sign-in. Answers the code, to be shown
	 * once. Audited.
	 */
	String issueOneTimePassword(String username);
}
