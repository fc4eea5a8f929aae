package org.gonghui.member.internal;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * {@code gonghui.import.*}: limits and tuning of roster imports (application.yml lists the main ones).
 * {@code spring.servlet.multipart.max-file-size} should equal {@code max-file-size}: the container
 * refuses larger uploads before they reach the application.
 */
@Component
class ImportSettings {

	private final RosterFiles.Limits limits;
	private final int chunkSize;
	private final int concurrency;
	private final Path tempDir;
	private final int apiErrorLimit;
	private final boolean publishMemberJoined;

	ImportSettings(@Value("${gonghui.import.max-file-size:100MB}") DataSize maxFileSize,
			@Value("${gonghui.import.max-rows:1048576}") int maxRows,
			@Value("${gonghui.import.max-uncompressed-size:1GB}") DataSize maxUncompressed,
			@Value("${gonghui.import.max-compression-ratio:100}") int maxRatio,
			@Value("${gonghui.import.max-shared-strings-size:150MB}") DataSize maxSharedStrings,
			@Value("${gonghui.import.max-zip-entries:1000}") int maxEntries,
			@Value("${gonghui.import.max-record-chars:100000}") int maxRecordChars,
			@Value("${gonghui.import.chunk-size:1000}") int chunkSize,
			@Value("${gonghui.import.concurrency:2}") int concurrency,
			@Value("${gonghui.import.temp-dir:${java.io.tmpdir}/gonghui-import}") String tempDir,
			@Value("${gonghui.import.api-error-limit:1000}") int apiErrorLimit,
			@Value("${gonghui.import.publish-member-joined:true}") boolean publishMemberJoined) {
		this.limits = new RosterFiles.Limits(maxFileSize.toBytes(), Math.min(maxRows, RosterFiles.EXCEL_MAX_ROWS), maxUncompressed.toBytes(),
				maxRatio, maxSharedStrings.toBytes(), maxEntries, maxRecordChars);
		this.chunkSize = Math.max(1, chunkSize);
		this.concurrency = Math.max(1, concurrency);
		this.tempDir = Path.of(tempDir);
		this.apiErrorLimit = apiErrorLimit;
		this.publishMemberJoined = publishMemberJoined;
	}

	RosterFiles.Limits limits() {
		return limits;
	}

	int chunkSize() {
		return chunkSize;
	}

	int concurrency() {
		return concurrency;
	}

	Path tempDir() {
		return tempDir;
	}

	int apiErrorLimit() {
		return apiErrorLimit;
	}

	/**
	 * Whether members created by an import announce themselves with {@code MemberJoined} (and so receive
	 * the district's welcome package). On by default. Off is meant for digitising an existing paper
	 * registry, whose members joined long ago: it also saves the event registry's per-member insert and
	 * listener transaction, which dominate the cost of a large import (docs/benchmarks.md). Rows that
	 * fall back to {@link MemberService#applyRosterRow} publish regardless.
	 */
	boolean publishMemberJoined() {
		return publishMemberJoined;
	}
}
