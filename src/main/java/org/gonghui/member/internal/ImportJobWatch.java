package org.gonghui.member.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps roster imports honest across instances and crashes. Each instance names itself and beats for
 * the jobs it runs; any instance marks FAILED the unfinished jobs whose heartbeat is older than
 * {@code stale-after} (their JVM was killed: {@code @PreDestroy} never ran), at start-up and every
 * minute. The committed chunks of such a job stay; importing the same file again completes it, since
 * rows already there count as unchanged. Error reports of jobs finished longer ago than
 * {@code error-retention} are deleted; the job and its counts stay.
 */
@Component
class ImportJobWatch {

	private static final Logger log = LoggerFactory.getLogger(ImportJobWatch.class);

	private final String instance = UUID.randomUUID().toString();
	private final MemberImportRepository jobs;
	private final MessageSource messages;
	private final Clock clock;
	private final Duration staleAfter;
	private final Duration errorRetention;

	ImportJobWatch(MemberImportRepository jobs, MessageSource messages, Clock clock,
			@Value("${gonghui.member.import.stale-after:PT2M}") Duration staleAfter,
			@Value("${gonghui.member.import.error-retention:P180D}") Duration errorRetention) {
		this.jobs = jobs;
		this.messages = messages;
		this.clock = clock;
		this.staleAfter = staleAfter;
		this.errorRetention = errorRetention;
	}

	String instance() {
		return instance;
	}

	@Scheduled(fixedDelayString = "${gonghui.member.import.heartbeat:PT30S}")
	void beat() {
		jobs.beat(instance, clock.instant());
	}

	/** Marks the jobs of dead instances FAILED; returns how many. Runs at start-up and every minute. */
	@Scheduled(initialDelay = 0, fixedDelayString = "${gonghui.member.import.recovery:PT1M}")
	int recover() {
		// Beat first, so that this instance's own jobs are never taken for abandoned after a long pause.
		beat();
		Instant now = clock.instant();
		Instant staleBefore = now.minus(staleAfter);
		String reason = messages.getMessage("member.import.failed.abandoned", null, Locale.SIMPLIFIED_CHINESE);
		int failed = 0;
		for (long id : jobs.abandoned(staleBefore)) {
			if (jobs.failAbandoned(id, staleBefore, now, reason)) {
				failed++;
				log.warn("Roster import {} marked FAILED: its instance stopped beating before {}", id, staleBefore);
			}
		}
		return failed;
	}

	/** Deletes old error reports; returns how many rows. Runs an hour after start and then every six hours. */
	@Scheduled(initialDelayString = "${gonghui.member.import.purge-delay:PT1H}", fixedDelayString = "${gonghui.member.import.purge-every:PT6H}")
	int purge() {
		int deleted = jobs.purgeErrors(clock.instant().minus(errorRetention));
		if (deleted > 0) {
			log.info("Deleted {} import error rows older than {}", deleted, errorRetention);
		}
		return deleted;
	}
}
