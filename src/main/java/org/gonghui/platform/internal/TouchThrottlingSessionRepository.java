package org.gonghui.platform.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The JDBC session store, minus the write that every request used to make.
 *
 * <p>Spring Session moves a session's last-access time forward on every request, which marks the session
 * changed, so {@code JdbcIndexedSessionRepository} updates its {@code spring_session} row and commits each
 * time, even when nothing in the session changed. Requests on one session (an account signed in on several
 * tabs or phones, a script, a sign-up rush by one union office) then queue for that row's lock, and every
 * request pays a write and a commit. This decorator records the access only when the stored time is at
 * least {@code touchInterval} old, and skips the save altogether when nothing else changed (attributes,
 * id, timeout). The price: an idle session may expire up to {@code touchInterval} early (at 30 minutes
 * with an interval of one minute, after 29 minutes of idleness at worst), and
 * {@code HttpSession#getLastAccessedTime()} may be that much behind. Spring Session declines to do this
 * itself because the servlet contract asks for the exact time (spring-session issue 1065); nothing here
 * reads it.
 *
 * <p>Skipping the save is only right when a session changes only through {@code setAttribute},
 * {@code removeAttribute}, {@code changeSessionId} or {@code setMaxInactiveInterval}: Spring Session's
 * default save mode {@code ON_SET_ATTRIBUTE}, which {@link SessionConfiguration} keeps.
 */
final class TouchThrottlingSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<TouchThrottlingSessionRepository.ThrottledSession<S>> {

	private final FindByIndexNameSessionRepository<S> delegate;
	private final Duration touchInterval;
	private final Reads reads;

	/** How the delegate's reads run (see {@link SessionConfiguration.SessionTransactions}). */
	@FunctionalInterface
	interface Reads {

		<T> T run(Supplier<T> read);
	}

	TouchThrottlingSessionRepository(FindByIndexNameSessionRepository<S> delegate, Duration touchInterval) {
		this(delegate, touchInterval, Supplier::get);
	}

	TouchThrottlingSessionRepository(FindByIndexNameSessionRepository<S> delegate, Duration touchInterval, Reads reads) {
		if (touchInterval.isNegative()) {
			throw new IllegalArgumentException("touch interval must not be negative");
		}
		this.delegate = delegate;
		this.touchInterval = touchInterval;
		this.reads = reads;
	}

	@Override
	public ThrottledSession<S> createSession() {
		return new ThrottledSession<>(delegate.createSession(), touchInterval, true);
	}

	@Override
	public void save(ThrottledSession<S> session) {
		if (session.isNew || session.changed) {
			delegate.save(session.delegate);
			session.isNew = false;
			session.changed = false;
		}
	}

	@Override
	public ThrottledSession<S> findById(String id) {
		S session = reads.run(() -> delegate.findById(id));
		return session == null ? null : new ThrottledSession<>(session, touchInterval, false);
	}

	@Override
	public void deleteById(String id) {
		delegate.deleteById(id);
	}

	@Override
	public Map<String, ThrottledSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, ThrottledSession<S>> sessions = new LinkedHashMap<>();
		delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new ThrottledSession<>(session, touchInterval, false)));
		return sessions;
	}

	/** A stored session that remembers whether anything worth writing changed. */
	static final class ThrottledSession<S extends Session> implements Session {

		private final S delegate;
		private final Duration touchInterval;
		private boolean isNew;
		private boolean changed;

		ThrottledSession(S delegate, Duration touchInterval, boolean isNew) {
			this.delegate = delegate;
			this.touchInterval = touchInterval;
			this.isNew = isNew;
		}

		/** Whether the next save writes to the store. */
		boolean needsSave() {
			return isNew || changed;
		}

		@Override
		public String getId() {
			return delegate.getId();
		}

		@Override
		public String changeSessionId() {
			changed = true;
			return delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			changed = true;
			delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			changed = true;
			delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return delegate.getCreationTime();
		}

		/** Recorded only when the stored time is at least the touch interval old (or the session is new). */
		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (isNew || !lastAccessedTime.isBefore(delegate.getLastAccessedTime().plus(touchInterval))) {
				delegate.setLastAccessedTime(lastAccessedTime);
				changed = true;
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed = true;
			delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return delegate.isExpired();
		}
	}
}
