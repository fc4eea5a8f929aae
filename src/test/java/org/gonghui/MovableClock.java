package org.gonghui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock for tests that move time: real time plus an offset the test sets (and resets after
 * each test). Add it to {@code @SpringBootTest(classes = ...)} and autowire it.
 */
@TestConfiguration
public class MovableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	@Bean
	@Primary
	Clock testClock() {
		return this;
	}

	public void setOffset(Duration offset) {
		this.offset = offset;
	}

	/** Moves the clock so that it reads {@code when} now. */
	public void moveTo(Instant when) {
		this.offset = Duration.between(Instant.now(), when);
	}

	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}
}
