package org.gonghui.member.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster import (会员名册导入) as jobs. {@link #start} checks the caller, the target union (it must lie
 * in the caller's scope: a union chair imports into their own union only) and the file (type, size,
 * header with the required columns, the archive directory of an .xlsx) in the request; a file refused
 * here creates nothing. The accepted upload is kept in a temporary file, a job row is created, and a
 * worker thread of this service reads it ({@link RosterImporter}); the job survives the request and
 * the page and API poll it. Jobs, their error reports and their counts are visible in the union's scope
 * only; another scope's job answers 404.
 */
@Service
public class MemberImportService {

	private static final Logger log = LoggerFactory.getLogger(MemberImportService.class);

	private final MemberImportRepository jobs;
	private final RosterImporter importer;
	private final MemberService members;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final MessageSource messages;
	private final ImportSettings settings;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final ThreadPoolExecutor workers;
	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private final ImportJobWatch watch;

	MemberImportService(MemberImportRepository jobs, RosterImporter importer, MemberService members, Organizations organizations,
			CurrentUser currentUser, AuditLog audit, MessageSource messages, ImportSettings settings,
			PlatformTransactionManager transactions, Clock clock, ImportJobWatch watch) {
		this.watch = watch;
		this.jobs = jobs;
		this.importer = importer;
		this.members = members;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.messages = messages;
		this.settings = settings;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		AtomicInteger n = new AtomicInteger();
		// Not a Spring TaskExecutor bean on purpose: a bean of that type would replace Boot's default
		// executor, which the event listeners of other modules use. Imports queue here, a few at a time.
		this.workers = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				r -> {
					Thread t = new Thread(r, "roster-import-" + n.incrementAndGet());
					t.setDaemon(false);
					return t;
				});
		this.workers.allowCoreThreadTimeOut(true);
	}

	/** An uploaded file; the web layer adapts its multipart file to this. */
	public interface Upload {

		String fileName();

		long size();

		void saveTo(Path target) throws IOException;
	}

	/** A job as the page and the API show it. */
	public record ImportView(long id, long unionId, String unionName, String fileName, String format, String encoding, String status,
			Integer totalRows, int processedRows, int created, int updated, int unchanged, int rejected, String startedBy, Instant startedAt,
			Instant finishedAt, String failureMessage) {

		public boolean finished() {
			return "DONE".equals(status) || "FAILED".equals(status);
		}

		/** 0–100 for the progress bar; 100 once finished. */
		public int percent() {
			if ("DONE".equals(status)) {
				return 100;
			}
			if (totalRows == null || totalRows == 0) {
				return 0;
			}
			return (int) Math.min(100, processedRows * 100L / totalRows);
		}
	}

	/** One line of the error report. */
	public record ErrorView(int row, String column, String reason) {
	}

	public boolean mayImport() {
		return members.mayWrite();
	}

	public long maxFileSize() {
		return settings.limits().maxFileSize();
	}

	/**
	 * The union the import form names first: the caller's own when it holds members (a union chair's), else
	 * the only such union in scope, else none (the picker searches the rest).
	 */
	public Long defaultUnion() {
		Long own = currentUser.account().map(AccountRef::organizationId).orElse(null);
		if (own != null && organizations.acceptsMembers(own)) {
			return own;
		}
		List<OrganizationSummary> unions = organizations.visibleJoinableUnions(null, 2);
		return unions.size() == 1 ? unions.get(0).id() : null;
	}

	/**
	 * Accepts a roster file for the union ({@code null}: the caller's own organisation) and queues its
	 * import. Refuses, before anything is stored, a caller who may not write members (403), a union
	 * outside the caller's scope (404), an organisation that holds no members (a federation: field problem
	 * on {@code unionId}), and a file that is empty, too big, of the wrong type or lacks a required column
	 * (field problem on {@code file}).
	 */
	public long start(Long unionId, Upload upload) {
		if (!members.mayWrite()) {
			throw new AccessDeniedException("Not allowed to import members");
		}
		long target = unionId != null ? unionId
				: currentUser.account().map(AccountRef::organizationId).orElseThrow(() -> new AccessDeniedException("No organisation"));
		OrganizationSummary union = organizations.findVisible(target).orElseThrow(() -> new RecordNotFoundException("organization", target));
		if (!organizations.acceptsMembers(union.id())) {
			throw InvalidInputException.of("unionId", "member.union.notAccepting");
		}
		if (upload == null || upload.size() == 0) {
			throw InvalidInputException.of("file", "member.import.file.empty");
		}
		if (upload.size() > settings.limits().maxFileSize()) {
			throw InvalidInputException.of("file", "member.import.file.tooLarge", settings.limits().maxFileSize() >> 20);
		}
		Path file = save(upload);
		RosterFiles.Inspection inspection;
		try {
			RosterFiles files = new RosterFiles(settings.limits());
			RosterFiles.Format format = files.format(upload.fileName(), file);
			inspection = files.inspect(file, format, false);
		}
		catch (RosterFileException e) {
			delete(file);
			throw InvalidInputException.of("file", e.code(), e.args());
		}
		catch (RuntimeException e) {
			delete(file);
			throw e;
		}
		String actor = currentUser.username();
		String name = fileName(upload.fileName(), inspection.format());
		long id;
		try {
			id = tx.execute(status -> {
				long created = jobs.insert(union.id(), name, inspection.format().name(),
						inspection.encoding() == null ? null : inspection.encoding().label(), actor, clock.instant(), watch.instance());
				audit.record("member.import.started", "member_import", created, union.name() + ": " + name);
				return created;
			});
		}
		catch (RuntimeException e) {
			delete(file);
			throw e;
		}
		var task = new RosterImporter.Task(id, union.id(), file, inspection.format(), actor,
				SecurityContextHolder.getContext().getAuthentication());
		running.add(id);
		workers.execute(() -> {
			try {
				importer.run(task);
			}
			finally {
				running.remove(id);
			}
		});
		return id;
	}

	/** The job, if its union lies in the caller's scope. */
	public ImportView job(long id) {
		MemberImportRepository.ImportJob job = visible(id);
		return view(job);
	}

	/** The first {@code limit} rejected rows, in row order. */
	public List<ErrorView> errors(long id, int limit) {
		visible(id);
		return jobs.errors(id, 0, limit).stream().map(e -> new ErrorView(e.error().rowNumber(), e.error().column(), e.error().reason())).toList();
	}

	public long errorCount(long id) {
		visible(id);
		return jobs.countErrors(id);
	}

	public int apiErrorLimit() {
		return settings.apiErrorLimit();
	}

	/** The error report as .xlsx; an export, so audited. */
	public void writeErrorReport(long id, OutputStream out) {
		MemberImportRepository.ImportJob job = visible(id);
		tx.executeWithoutResult(s -> audit.record("member.import.report.export", "member_import", id, job.fileName()));
		try {
			RosterWorkbooks.errors(out, messages.getMessage("member.import.report.title", new Object[] { job.fileName() }, Locale.SIMPLIFIED_CHINESE),
					after -> jobs.errors(id, after, 5000));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The newest jobs in the caller's scope. */
	public List<ImportView> recent(int limit) {
		return jobs.recent(currentUser.scope().pathPattern(), limit).stream().map(this::view).toList();
	}

	private MemberImportRepository.ImportJob visible(long id) {
		return jobs.find(id).filter(j -> organizations.findVisible(j.unionId()).isPresent())
			.orElseThrow(() -> new RecordNotFoundException("member_import", id));
	}

	private ImportView view(MemberImportRepository.ImportJob j) {
		String union = organizations.find(j.unionId()).map(OrganizationSummary::name).orElse("—");
		return new ImportView(j.id(), j.unionId(), union, j.fileName(), j.format(), j.encoding(), j.status(), j.totalRows(), j.processedRows(),
				j.created(), j.updated(), j.unchanged(), j.rejected(), j.startedBy(), j.startedAt(), j.finishedAt(), j.failureMessage());
	}

	private Path save(Upload upload) {
		try {
			Files.createDirectories(settings.tempDir());
			Path file = Files.createTempFile(settings.tempDir(), "roster-", ".upload");
			try {
				upload.saveTo(file);
			}
			catch (IOException | RuntimeException e) {
				delete(file);
				throw e;
			}
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not store the upload", e);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Could not delete {}: {}", file, e.getMessage());
		}
	}

	/** The name as shown on the job page: the last path segment, control characters out, at most 200 characters. */
	static String fileName(String original, RosterFiles.Format format) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty()) {
			name = "upload." + format.name().toLowerCase(Locale.ROOT);
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	/**
	 * Stops the workers when the application stops. A job cut short ends FAILED with its committed
	 * chunks kept; re-importing the file completes it.
	 */
	@PreDestroy
	void stop() {
		workers.shutdownNow();
		try {
			workers.awaitTermination(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		try {
			for (long id : jobs.unfinished(List.copyOf(running))) {
				jobs.finish(id, "FAILED", clock.instant(), messages.getMessage("member.import.failed.interrupted", null, Locale.SIMPLIFIED_CHINESE));
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not mark interrupted imports: {}", e.getMessage());
		}
	}
}
