package org.gonghui.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/** The throttle decides by the stored last access, never by the clock: no timing here. */
class TouchThrottlingSessionRepositoryTests {

	/** A store that keeps copies, as a database does, and counts writes. */
	static final class Store implements FindByIndexNameSessionRepository<MapSession> {

		final Map<String, MapSession> sessions = new HashMap<>();
		int saves;

		@Override
		public MapSession createSession() {
			return new MapSession();
		}

		@Override
		public void save(MapSession session) {
			saves++;
			sessions.put(session.getId(), new MapSession(session));
		}

		@Override
		public MapSession findById(String id) {
			MapSession stored = sessions.get(id);
			return stored == null ? null : new MapSession(stored);
		}

		@Override
		public void deleteById(String id) {
			sessions.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}
	}

	final Store store = new Store();
	final TouchThrottlingSessionRepository<MapSession> repository = new TouchThrottlingSessionRepository<>(store, Duration.ofMinutes(1));

	String stored(Instant lastAccess) {
		var session = repository.createSession();
		session.setLastAccessedTime(lastAccess);
		session.setAttribute("account", "fengtai");
		repository.save(session);
		return session.getId();
	}

	@Test
	void aNewSessionIsSaved() {
		String id = stored(Instant.parse("2026-11-25T08:00:00Z"));
		assertThat(store.saves).isEqualTo(1);
		assertThat(store.sessions.get(id).getLastAccessedTime()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
	}

	@Test
	void accessWithinTheIntervalWritesNothing() {
		String id = stored(Instant.parse("2026-11-25T08:00:00Z"));
		for (int second = 1; second < 60; second += 10) {
			var session = repository.findById(id);
			session.setLastAccessedTime(Instant.parse("2026-11-25T08:00:00Z").plusSeconds(second));
			session.getAttribute("account");
			repository.save(session);
		}
		assertThat(store.saves).isEqualTo(1);
		assertThat(repository.findById(id).getLastAccessedTime()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
	}

	@Test
	void accessAfterTheIntervalIsRecorded() {
		String id = stored(Instant.parse("2026-11-25T08:00:00Z"));
		var session = repository.findById(id);
		session.setLastAccessedTime(Instant.parse("2026-11-25T08:01:00Z"));
		repository.save(session);
		assertThat(store.saves).isEqualTo(2);
		assertThat(repository.findById(id).getLastAccessedTime()).isEqualTo(Instant.parse("2026-11-25T08:01:00Z"));
	}

	@Test
	void anyOtherChangeIsSavedAtOnce() {
		String id = stored(Instant.parse("2026-11-25T08:00:00Z"));
		var session = repository.findById(id);
		session.setLastAccessedTime(Instant.parse("2026-11-25T08:00:05Z"));
		session.setAttribute("csrf", "token");
		repository.save(session);
		var changedId = repository.findById(id);
		String newId = changedId.changeSessionId();
		repository.save(changedId);
		var removed = repository.findById(newId);
		removed.removeAttribute("csrf");
		repository.save(removed);
		assertThat(store.saves).isEqualTo(4);
		assertThat(repository.findById(newId).getAttributeNames()).containsExactly("account");
		// An access within the interval is not recorded, even when the session is written for another change.
		assertThat(repository.findById(newId).getLastAccessedTime()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
	}

	@Test
	void aZeroIntervalWritesEveryAccess() {
		var everyTime = new TouchThrottlingSessionRepository<>(store, Duration.ZERO);
		var session = everyTime.createSession();
		everyTime.save(session);
		for (int i = 1; i <= 3; i++) {
			var found = everyTime.findById(session.getId());
			found.setLastAccessedTime(found.getLastAccessedTime().plusMillis(1));
			everyTime.save(found);
		}
		assertThat(store.saves).isEqualTo(4);
	}
}
