package org.gonghui.platform.internal;

import java.time.Clock;
import java.time.Duration;

import org.gonghui.platform.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after repeated failed logins (pages and HTTP Basic alike), so that
 * passwords cannot be guessed online. A successful login clears the count.
 */
@Component
class LoginAttempts {

	private final AccountRepository accounts;
	private final AuditLog audit;
	private final Clock clock;
	private final int maxFailures;
	private final Duration lockDuration;

	LoginAttempts(AccountRepository accounts, AuditLog audit, Clock clock,
			@Value("${gonghui.security.max-failed-logins:5}") int maxFailures,
			@Value("${gonghui.security.lock-duration:PT15M}") Duration lockDuration) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = lockDuration;
	}

	@EventListener
	@Transactional
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = AccountNames.normalise(String.valueOf(event.getAuthentication().getName()));
		if (accounts.findByUsername(username).isEmpty()) {
			return;
		}
		int failures = accounts.recordFailure(username);
		// The name typed may be a worker's phone number: logged masked, like everything personal.
		audit.record("login.failed", "account", AccountNames.shown(username), "attempt " + failures);
		if (failures >= maxFailures) {
			accounts.lock(username, clock.instant().plus(lockDuration));
			audit.record("account.locked", "account", AccountNames.shown(username), "locked for " + lockDuration.toMinutes() + " min after " + failures + " failed logins");
		}
	}

	@EventListener
	@Transactional
	void onSuccess(AuthenticationSuccessEvent event) {
		accounts.resetFailures(AccountNames.normalise(event.getAuthentication().getName()));
	}
}
