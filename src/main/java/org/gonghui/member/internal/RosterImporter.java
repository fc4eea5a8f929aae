package org.gonghui.member.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.gonghui.member.internal.MemberImportRepository.ImportError;
import org.gonghui.member.internal.MemberService.RosterOutcome;
import org.gonghui.member.internal.RosterWriter.Prepared;
import org.gonghui.organization.EmployerSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import job on a worker thread: inspects the whole file (nothing is written if it is
 * unusable), then reads it in chunks. Per chunk: parse and validate every row, drop people already
 * met in this file, and write the rest with {@link RosterWriter} in one transaction that also adds the
 * chunk's rejected rows and counters to the job. If that transaction fails on the database (a
 * concurrent insert of the same person, a member changed meanwhile), the chunk is written again row
 * by row through {@link MemberService#applyRosterRow}, each row in its own transaction. Any other
 * failure stops the job (FAILED); the chunks committed before stay, complete, and re-importing the
 * file finishes the work (those rows come back unchanged).
 * <p>
 * The worker runs as the user who started the job: the importer installs that user's authentication
 * on its thread, so the data scope, the writer check and the audit log see the right person.
 */
@Component
class RosterImporter {

	private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);
	static final Locale REPORT_LOCALE = Locale.SIMPLIFIED_CHINESE;
	private static final int EMPLOYER_CACHE = 10_000;

	private final MemberImportRepository jobs;
	private final RosterWriter writer;
	private final MemberService members;
	private final MemberRepository memberRepository;
	private final Organizations organizations;
	private final Sealer sealer;
	private final AuditLog audit;
	private final MessageSource messages;
	private final TransactionTemplate tx;
	private final ImportSettings settings;
	private final ObjectProvider<RosterImportHook> hooks;
	private final Clock clock;

	RosterImporter(MemberImportRepository jobs, RosterWriter writer, MemberService members, MemberRepository memberRepository,
			Organizations organizations, Sealer sealer, AuditLog audit, MessageSource messages, PlatformTransactionManager transactions,
			ImportSettings settings, ObjectProvider<RosterImportHook> hooks, Clock clock) {
		this.jobs = jobs;
		this.writer = writer;
		this.members = members;
		this.memberRepository = memberRepository;
		this.organizations = organizations;
		this.sealer = sealer;
		this.audit = audit;
		this.messages = messages;
		this.tx = new TransactionTemplate(transactions);
		this.settings = settings;
		this.hooks = hooks;
		this.clock = clock;
	}

	/** What the worker needs, captured when the job was accepted. */
	record Task(long importId, long unionId, Path file, RosterFiles.Format format, String actor, Authentication authentication) {
	}

	private record Counts(int processed, int created, int updated, int unchanged, int rejected) {

		Counts plus(Counts o) {
			return new Counts(processed + o.processed, created + o.created, updated + o.updated, unchanged + o.unchanged, rejected + o.rejected);
		}
	}

	void run(Task task) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(task.authentication());
		SecurityContextHolder.setContext(context);
		try {
			execute(task);
		}
		finally {
			SecurityContextHolder.clearContext();
			try {
				Files.deleteIfExists(task.file());
			}
			catch (java.io.IOException e) {
				log.warn("Could not delete the upload of import {}: {}", task.importId(), e.getMessage());
			}
		}
	}

	private void execute(Task task) {
		Counts total = new Counts(0, 0, 0, 0, 0);
		try {
			if (organizations.findVisible(task.unionId()).isEmpty() || !members.mayWrite()) {
				finish(task, "FAILED", message("member.import.failed.scope"), total);
				return;
			}
			if (!organizations.acceptsMembers(task.unionId())) {
				finish(task, "FAILED", message("member.union.notAccepting"), total);
				return;
			}
			RosterFiles files = new RosterFiles(settings.limits());
			RosterFiles.Inspection inspection = files.inspect(task.file(), task.format(), true);
			jobs.running(task.importId(), inspection.encoding() == null ? null : inspection.encoding().label(), inspection.dataRows());
			LocalDate today = LocalDate.now(clock);
			try (RosterReader reader = files.open(task.file(), inspection)) {
				// Two stages: this thread writes chunk n while a reading thread parses and checks chunk n + 1,
				// so the database and the validation work at the same time. At most QUEUED_CHUNKS + 2 chunks
				// are in memory.
				BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
				Thread readerThread = new Thread(() -> read(task, reader, queue, today), "roster-read-" + task.importId());
				readerThread.setDaemon(true);
				readerThread.start();
				try {
					Object item;
					while ((item = take(queue)) != END) {
						if (item instanceof RuntimeException failure) {
							throw failure;
						}
						if (Thread.currentThread().isInterrupted()) {
							throw new ImportInterrupted();
						}
						total = total.plus(write(task, reader.header(), (Checked) item, today));
					}
				}
				finally {
					readerThread.interrupt();
					try {
						readerThread.join(10_000);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}
			}
			finish(task, "DONE", null, total);
		}
		catch (RosterFileException e) {
			finish(task, "FAILED", message(e.code(), e.args()), total);
		}
		catch (ImportInterrupted e) {
			finish(task, "FAILED", message("member.import.failed.interrupted"), total);
		}
		catch (RuntimeException e) {
			log.error("Import {} stopped", task.importId(), e);
			finish(task, "FAILED", message("member.import.failed.unexpected"), total);
		}
	}

	/** A chunk after validation: rows to write, rejected rows with their problems, rows processed in all. */
	private record Checked(int number, int processed, List<Prepared> prepared, List<ImportError> errors, int rejected) {
	}

	private static final Object END = new Object();
	private static final int QUEUED_CHUNKS = 2;

	private static Object take(BlockingQueue<Object> queue) {
		try {
			return queue.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ImportInterrupted();
		}
	}

	/**
	 * The reading stage: reads the file chunk by chunk, parses and checks every row, drops people already
	 * met in this file, and hands the chunks on. A failure is handed on too; the writer rethrows it.
	 * Needs no login: employer matching and lookup hashes do not depend on the caller.
	 */
	private void read(Task task, RosterReader reader, BlockingQueue<Object> queue, LocalDate today) {
		RosterRowParser parser = new RosterRowParser(clock);
		SeenPeople seen = new SeenPeople();
		Map<String, Optional<Long>> employers = new HashMap<>();
		RosterHeader header = reader.header();
		try {
			int number = 0;
			List<RosterRecord> chunk = new ArrayList<>(settings.chunkSize());
			RosterRecord record;
			do {
				record = reader.next();
				if (record != null) {
					chunk.add(record);
				}
				if (chunk.size() == settings.chunkSize() || (record == null && !chunk.isEmpty())) {
					queue.put(check(task, header, reader.date1904(), chunk, ++number, parser, seen, employers));
					chunk = new ArrayList<>(settings.chunkSize());
				}
			}
			while (record != null);
			queue.put(END);
		}
		catch (InterruptedException e) {
			// the writer stopped; nothing left to do
		}
		catch (RuntimeException e) {
			try {
				queue.put(e);
			}
			catch (InterruptedException stopped) {
				// the writer stopped already
			}
		}
	}

	private Checked check(Task task, RosterHeader header, boolean date1904, List<RosterRecord> records, int number, RosterRowParser parser,
			SeenPeople seen, Map<String, Optional<Long>> employers) {
		List<ImportError> errors = new ArrayList<>();
		List<Prepared> prepared = new ArrayList<>(records.size());
		int rejected = 0;
		for (RosterRecord record : records) {
			if (record.isBlank()) {
				continue;
			}
			RosterRowParser.Result result = parser.parse(record, date1904, text -> employer(task.unionId(), text, employers));
			if (!result.ok()) {
				rejected++;
				result.problems().forEach(p -> errors.add(error(record.rowNumber(), header, p)));
				continue;
			}
			RosterRowParser.Candidate c = result.candidate();
			String idHash = sealer.idHash(c.idNumber());
			int first = seen.putIfAbsent(idHash, record.rowNumber());
			if (first != 0) {
				rejected++;
				errors.add(error(record.rowNumber(), header,
						new RosterRowParser.Problem(RosterColumn.ID_NUMBER, "member.import.reason.duplicate", first)));
				continue;
			}
			prepared.add(new Prepared(c, idHash, c.phone() == null ? null : sealer.phoneHash(c.phone())));
		}
		return new Checked(number, records.size(), prepared, errors, rejected);
	}

	/** The writing stage for one chunk: in one transaction, or row by row when that fails on the database. */
	private Counts write(Task task, RosterHeader header, Checked chunk, LocalDate today) {
		Instant now = clock.instant();
		try {
			return tx.execute(status -> {
				RosterWriter.Outcome outcome = writer.write(task.unionId(), chunk.prepared(), task.actor(), now, today);
				List<ImportError> all = new ArrayList<>(chunk.errors());
				outcome.refused().forEach(r -> all.add(error(r.rowNumber(), header, r.problem())));
				Counts counts = new Counts(chunk.processed(), outcome.created(), outcome.updated(), outcome.unchanged(),
						chunk.rejected() + outcome.refused().size());
				record(task, counts, all);
				hooks.ifAvailable(h -> h.beforeChunkCommit(task.importId(), chunk.number()));
				return counts;
			});
		}
		catch (DataAccessException e) {
			log.info("Chunk {} of import {} could not be written in one go ({}); writing its rows one by one", chunk.number(), task.importId(),
					e.getClass().getSimpleName());
			return rowByRow(task, header, chunk.prepared(), chunk.errors(), chunk.processed(), chunk.rejected(), today);
		}
	}

	private Counts rowByRow(Task task, RosterHeader header, List<Prepared> prepared, List<ImportError> errors, int processed, int rejected,
			LocalDate today) {
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<ImportError> all = new ArrayList<>(errors);
		for (Prepared p : prepared) {
			int row = p.row().rowNumber();
			for (int attempt = 1;; attempt++) {
				try {
					RosterOutcome outcome = tx.execute(status -> {
						Member current = memberRepository.findByIdNumberHash(p.idHash()).orElse(null);
						RosterOutcome o = members.applyRosterRow(task.unionId(), writer.resolve(p.row(), current, task.unionId(), today));
						hooks.ifAvailable(h -> h.beforeRowCommit(task.importId(), row));
						return o;
					});
					switch (outcome.kind()) {
						case CREATED -> created++;
						case UPDATED -> updated++;
						case UNCHANGED -> unchanged++;
					}
					break;
				}
				catch (InvalidInputException e) {
					rejected++;
					e.problems().forEach(fp -> all.add(new ImportError(row, column(header, fp.field()), reason(fp.code(), fp.args()))));
					break;
				}
				catch (DataAccessException e) {
					// A concurrent import of the same person, or a member changed meanwhile: one more try sees the new state.
					if (attempt == 2) {
						log.info("Row {} of import {} not written: {}", row, task.importId(), e.getClass().getSimpleName());
						rejected++;
						all.add(new ImportError(row, null, message("member.import.reason.writeFailed")));
						break;
					}
				}
			}
		}
		Counts counts = new Counts(processed, created, updated, unchanged, rejected);
		tx.executeWithoutResult(status -> record(task, counts, all));
		return counts;
	}

	private void record(Task task, Counts counts, List<ImportError> errors) {
		errors.sort(Comparator.comparingInt(ImportError::rowNumber));
		jobs.insertErrors(task.importId(), errors);
		jobs.progress(task.importId(), counts.processed(), counts.created(), counts.updated(), counts.unchanged(), counts.rejected());
	}

	private void finish(Task task, String status, String failure, Counts total) {
		try {
			tx.executeWithoutResult(s -> {
				jobs.finish(task.importId(), status, clock.instant(), failure);
				MemberImportRepository.ImportJob job = jobs.find(task.importId()).orElseThrow();
				audit.record("member.import.finished", "member_import", task.importId(),
						status + ": created " + job.created() + ", updated " + job.updated() + ", unchanged " + job.unchanged() + ", rejected "
								+ job.rejected() + (failure == null ? "" : ", " + failure));
			});
		}
		catch (RuntimeException e) {
			log.error("Could not record the end of import {}", task.importId(), e);
		}
	}

	private Optional<Long> employer(long unionId, String text, Map<String, Optional<Long>> cache) {
		Optional<Long> cached = cache.get(text);
		if (cached != null) {
			return cached;
		}
		if (cache.size() >= EMPLOYER_CACHE) {
			cache.clear();
		}
		Optional<Long> found = organizations.matchEmployer(unionId, text).map(EmployerSummary::id);
		cache.put(text, found);
		return found;
	}

	private ImportError error(int row, RosterHeader header, RosterRowParser.Problem p) {
		return new ImportError(row, p.column() == null ? null : header.text(p.column()), message(p.code(), p.args()));
	}

	/** The report's column for a field problem from {@link MemberService}. */
	private static String column(RosterHeader header, String field) {
		if (field == null) {
			return null;
		}
		return switch (field) {
			case "idNumber" -> header.text(RosterColumn.ID_NUMBER);
			case "name" -> header.text(RosterColumn.NAME);
			case "phone" -> header.text(RosterColumn.PHONE);
			default -> null;
		};
	}

	private String reason(String code, Object[] args) {
		if ("member.idNumber.otherUnion".equals(code)) {
			return message("member.import.reason.otherUnion");
		}
		return messages.getMessage(code, args, message("member.import.reason.rejected"), REPORT_LOCALE);
	}

	String message(String code, Object... args) {
		return messages.getMessage(code, args, code, REPORT_LOCALE);
	}

	/** The application is stopping: the job ends here, its committed chunks stay. */
	static final class ImportInterrupted extends RuntimeException {
		ImportInterrupted() {
			super("Import interrupted");
		}
	}
}
