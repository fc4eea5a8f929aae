package org.gonghui.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class JoinRateLimiterTests {

	@Test
	void allowsTheLimitPerWindowAndClientThenRecovers() throws Exception {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T08:00:00Z"));
		Clock clock = new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneId.of("Asia/Shanghai");
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		JoinRateLimiter limiter = new JoinRateLimiter(clock, 3, Duration.ofMinutes(10));
		assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
		assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
		assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
		assertThat(limiter.tryAcquire("1.2.3.4")).isFalse();
		assertThat(limiter.tryAcquire("5.6.7.8")).isTrue();
		now.set(now.get().plus(Duration.ofMinutes(11)));
		assertThat(limiter.tryAcquire("1.2.3.4")).isTrue();
	}
}
