package org.gonghui.member.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.gonghui.TestOrganizations.count;
import static org.gonghui.TestOrganizations.employerId;
import static org.gonghui.TestOrganizations.id;
import static org.gonghui.member.internal.RosterTestData.HEADER;
import static org.gonghui.member.internal.RosterTestData.row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gonghui.member.internal.MemberImportService.ErrorView;
import org.gonghui.member.internal.MemberImportService.ImportView;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * Roster import end to end against a real database: a file with good and bad rows gives exact counts
 * and error rows, re-importing changes nothing, a crash in the middle leaves only whole rows, a failed
 * chunk is redone row by row, the data scope holds for imports and their reports, exports are masked
 * and audited. Runs on H2 ({@link MemberImportH2Tests}) and PostgreSQL ({@link MemberImportPostgresTests}).
 * Imports commit on their worker thread, so nothing rolls back: every test uses fresh ID numbers.
 * Chunks of 4 rows make even small files span several chunks.
 */
@SpringBootTest(properties = { "gonghui.import.chunk-size=4", "gonghui.import.max-file-size=300KB" })
@ActiveProfiles({ "demo", "test" })
@Import(MemberImportContract.FailureInjection.class)
abstract class MemberImportContract {

	@Autowired
	MemberImportService imports;

	@Autowired
	MemberExportService exports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FailingHook hook;

	@Autowired
	UserDetailsService users;

	@Autowired
	Sealer sealer;

	@Autowired
	ImportJobWatch watch;

	@Autowired
	MemberService members;

	@TempDir
	Path dir;

	@TestConfiguration(proxyBeanMethods = false)
	static class FailureInjection {

		@Bean
		FailingHook failingHook() {
			return new FailingHook();
		}
	}

	/** Throws at the chosen chunk or row, once or always. */
	static class FailingHook implements RosterImportHook {

		volatile int failChunk;
		volatile RuntimeException chunkFailure;
		volatile boolean chunkFailureOnce;
		volatile int failRow;

		@Override
		public void beforeChunkCommit(long importId, int chunkNumber) {
			RuntimeException failure = chunkFailure;
			if (failure != null && chunkNumber == failChunk) {
				if (chunkFailureOnce) {
					chunkFailure = null;
				}
				throw failure;
			}
		}

		@Override
		public void beforeRowCommit(long importId, int rowNumber) {
			if (rowNumber == failRow) {
				throw new DataIntegrityViolationException("injected: row " + rowNumber);
			}
		}

		void reset() {
			failChunk = 0;
			chunkFailure = null;
			chunkFailureOnce = false;
			failRow = 0;
		}
	}

	@AfterEach
	void resetHook() {
		hook.reset();
	}

	// --- helpers ---

	MemberImportService.Upload upload(Path file) {
		return new MemberImportService.Upload() {

			@Override
			public String fileName() {
				return file.getFileName().toString();
			}

			@Override
			public long size() {
				try {
					return Files.size(file);
				}
				catch (IOException e) {
					throw new IllegalStateException(e);
				}
			}

			@Override
			public void saveTo(Path target) throws IOException {
				Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		};
	}

	/** Starts the import and polls the job (on this thread, which holds the login) until it has finished. */
	ImportView importAndWait(Long unionId, Path file) {
		long id = imports.start(unionId, upload(file));
		return awaitJob(id);
	}

	ImportView awaitJob(long id) {
		await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> imports.job(id).finished());
		return imports.job(id);
	}

	<T> T as(String username, Callable<T> action) throws Exception {
		var previous = SecurityContextHolder.getContext();
		UserDetails user = users.loadUserByUsername(username);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return action.call();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	long memberCount() {
		return count(jdbc, "member");
	}

	Long memberIdOf(String idNumber) {
		String hash = sealer.idHash(IdNumber.of(idNumber));
		return jdbc.sql("select id from member where id_number_hash = :h").param("h", hash).query(Long.class).optional().orElse(null);
	}

	static String validId(String region, String birth, int seq) {
		String first17 = region + birth + String.format("%03d", seq);
		return first17 + IdNumber.checkCharacter(first17);
	}

	/** The demo member 孙丽: an active member of 泛华集团工会. */
	static final String SUN_LI = validId("110106", "19850909", 104);

	private static String creditCode(String first17) {
		return first17 + org.gonghui.shared.CreditCode.checkCharacter(first17);
	}

	record Mixed(Path file, String[] ids, List<ErrorView> expectedErrors) {
	}

	/**
	 * For 丰台区新就业形态劳动者联合工会. Rows 2–14: four good people (rows 2, 3, 11, 12), six refused (4, 5, 6, 7, 9, 10), blank rows 8, 13, 14.
	 */
	Mixed mixedFile(String name) throws IOException {
		String a = RosterTestData.newId(true);
		String b = RosterTestData.newId(false);
		String c = RosterTestData.newId(true);
		String d = RosterTestData.newId(false);
		String wrongCheck = RosterTestData.newId(true);
		wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '1' ? '2' : '1');
		String fullWidthC = c.chars().mapToObj(ch -> String.valueOf((char) (ch + 0xFEE0))).reduce("", String::concat);
		List<List<Object>> rows = List.of(
				row("王一", "男", a, "13800138011", "美团外卖丰台站点", "在职职工", "工程师", "", "2023-05-01"), // 2 created
				row("李二", "女", b, "1.3800138012E10", creditCode("91110106MA01MT000"), "新就业形态劳动者", "外卖骑手", "美团", "2024/3/1"), // 3 created
				row("张三", "女", RosterTestData.newId(true), "13800138013", "", "在职职工", "", "", ""), // 4 gender contradicts
				row("赵四", "", wrongCheck, "", "", "在职职工", "", "", ""), // 5 check digit
				row("钱五", "", RosterTestData.newId(false), "", "泛华集团", "灵活就业人员", "", "", ""), // 6 employer outside the union's subtree
				row("王一", "男", a, "13800138011", "美团外卖丰台站点", "在职职工", "工程师", "", "2023-05-01"), // 7 same person as row 2
				row("", "", "", "", "", "", "", "", ""), // 8 blank
				row("孙丽", "女", SUN_LI, "", "", "在职职工", "", "", ""), // 9 member of another union
				row("周六", "", RosterTestData.newId(false), "", "", "新就业形态劳动者", "快递员", "", ""), // 10 platform missing
				row("吴　七", "男", fullWidthC, "１３８００１３８０１４", "", "灵活就业人员", "", "", "2023年5月1日"), // 11 created
				row("郑八", "", d, "", "", "EMPLOYEE", "", "", ""), // 12 created, no phone, joins today
				row(" ", "", "　", "", "", "", "", "", ""), // 13 blank but for spaces
				row("", "", "", "", "", "", "", "", "")); // 14 blank
		Path file = RosterTestData.csv(dir, name, StandardCharsets.UTF_8, true, HEADER, rows);
		List<ErrorView> errors = List.of(new ErrorView(4, "性别", "性别与身份证号不符（按身份证号应为“男”）"),
				new ErrorView(5, "身份证号", "身份证号校验位不正确，请核对"),
				new ErrorView(6, "工作单位", "在所选工会及其下级中找不到该工作单位（按单位名称或统一社会信用代码），或有多个同名单位"),
				new ErrorView(7, "身份证号", "与第 2 行是同一人（身份证号相同），本行未导入"),
				new ErrorView(9, "身份证号", "此人已是其他工会的会员，请先办理转会"),
				new ErrorView(10, "平台企业", "用工形式为新就业形态劳动者时，须填写平台企业"));
		return new Mixed(file, new String[] { a, b, c, d }, errors);
	}

	// --- tests ---

	@Test
	@WithUserDetails("fengtai")
	void goodRowsLandBadRowsAreReportedWithRowColumnAndReason() throws IOException {
		long riders = id(jdbc, "丰台区新就业形态劳动者联合工会");
		Mixed mixed = mixedFile("mixed.csv");
		long auditBefore = count(jdbc, "audit_entry");

		ImportView job = importAndWait(riders, mixed.file());

		assertThat(job.status()).isEqualTo("DONE");
		assertThat(job.encoding()).isEqualTo("UTF-8 (BOM)");
		assertThat(job.totalRows()).isEqualTo(13);
		assertThat(job.processedRows()).isEqualTo(13);
		assertThat(job.percent()).isEqualTo(100);
		assertThat(List.of(job.created(), job.updated(), job.unchanged(), job.rejected())).containsExactly(4, 0, 0, 6);
		assertThat(imports.errors(job.id(), 100)).containsExactlyElementsOf(mixed.expectedErrors());
		assertThat(job.startedBy()).isEqualTo("fengtai");

		Long first = memberIdOf(mixed.ids()[0]);
		assertThat(first).isNotNull();
		var m = jdbc.sql("select name, gender, id_number_masked, phone_masked, union_id, employer_id, work_form, join_date, card_number, status"
				+ " from member where id = :id").param("id", first).query().singleRow();
		assertThat(m.get("name")).isEqualTo("王一");
		assertThat(m.get("gender")).isEqualTo("MALE");
		assertThat(m.get("id_number_masked")).isEqualTo(mixed.ids()[0].substring(0, 6) + "********" + mixed.ids()[0].substring(14));
		assertThat(m.get("phone_masked")).isEqualTo("138****8011");
		assertThat(((Number) m.get("union_id")).longValue()).isEqualTo(riders);
		assertThat(((Number) m.get("employer_id")).longValue()).isEqualTo(employerId(jdbc, "美团外卖丰台站点"));
		assertThat(m.get("status")).isEqualTo("ACTIVE");
		assertThat(CardNumbers.isWellFormed((String) m.get("card_number"))).isTrue();
		assertThat(jdbc.sql("select count(*) from member_event where member_id = :id and kind = 'JOINED' and actor = 'fengtai'").param("id", first)
			.query(Long.class).single()).isEqualTo(1);

		Long gig = memberIdOf(mixed.ids()[1]);
		var g = jdbc.sql("select employer_id, work_form, platform_company, phone_masked, join_date from member where id = :id").param("id", gig)
			.query().singleRow();
		assertThat(((Number) g.get("employer_id")).longValue()).isEqualTo(employerId(jdbc, "美团外卖丰台站点"));
		assertThat(g.get("work_form")).isEqualTo("PLATFORM");
		assertThat(g.get("platform_company")).isEqualTo("美团");
		assertThat(g.get("phone_masked")).isEqualTo("138****8012");
		assertThat(g.get("join_date").toString()).isEqualTo("2024-03-01");
		assertThat(jdbc.sql("select name from member where id = :id").param("id", memberIdOf(mixed.ids()[2])).query(String.class).single())
			.isEqualTo("吴七");
		assertThat(jdbc.sql("select join_date from member where id = :id").param("id", memberIdOf(mixed.ids()[3])).query().singleValue().toString())
			.isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());

		// Nobody from the refused rows landed, and 孙丽 stayed where she was.
		assertThat(jdbc.sql("select count(*) from member where name in ('张三', '赵四', '钱五', '周六')").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select o.name from member m join organization o on o.id = m.union_id where m.name = '孙丽'").query(String.class)
			.single()).isEqualTo("泛华集团工会");
		// started and finished are audited, with the counts
		assertThat(count(jdbc, "audit_entry")).isEqualTo(auditBefore + 2);
		assertThat(jdbc.sql("select detail from audit_entry where action = 'member.import.finished' and target_id = :id")
			.param("id", String.valueOf(job.id())).query(String.class).single()).contains("created 4", "rejected 6");
		// MemberJoined was published for the new members: 丰台区's welcome package reaches them.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				jdbc.sql("select count(*) from member_benefit where member_id = :id").param("id", first).query(Long.class).single()).isEqualTo(3));
	}

	@Test
	@WithUserDetails("fengtai")
	void reimportingTheSameFileChangesNothingAndBlankCellsKeepWhatIsRegistered() throws IOException {
		long riders = id(jdbc, "丰台区新就业形态劳动者联合工会");
		Mixed mixed = mixedFile("again.csv");
		ImportView first = importAndWait(riders, mixed.file());
		assertThat(first.created()).isEqualTo(4);
		long memberTotal = memberCount();
		long events = count(jdbc, "member_event");
		String cardBefore = jdbc.sql("select card_number from member where id = :id").param("id", memberIdOf(mixed.ids()[0])).query(String.class).single();

		ImportView second = importAndWait(riders, mixed.file());

		assertThat(List.of(second.created(), second.updated(), second.unchanged(), second.rejected())).containsExactly(0, 0, 4, 6);
		assertThat(imports.errors(second.id(), 100)).containsExactlyElementsOf(mixed.expectedErrors());
		assertThat(memberCount()).isEqualTo(memberTotal);
		assertThat(count(jdbc, "member_event")).isEqualTo(events);
		assertThat(jdbc.sql("select card_number from member where id = :id").param("id", memberIdOf(mixed.ids()[0])).query(String.class).single())
			.isEqualTo(cardBefore);

		// A new phone updates; a blank phone, employer or join date keeps what the registry has.
		Path changed = RosterTestData.csv(dir, "changed.csv", StandardCharsets.UTF_8, false, HEADER,
				List.of(row("王一", "男", mixed.ids()[0], "13800138099", "美团外卖丰台站点", "在职职工", "工程师", "", "2023-05-01"),
						row("李二", "女", mixed.ids()[1], "", "", "新就业形态劳动者", "", "美团", "")));
		ImportView third = importAndWait(riders, changed);
		assertThat(List.of(third.created(), third.updated(), third.unchanged(), third.rejected())).containsExactly(0, 1, 1, 0);
		assertThat(jdbc.sql("select phone_masked from member where id = :id").param("id", memberIdOf(mixed.ids()[0])).query(String.class).single())
			.isEqualTo("138****8099");
		var gig = jdbc.sql("select phone_masked, employer_id, occupation, platform_company, join_date from member where id = :id")
			.param("id", memberIdOf(mixed.ids()[1])).query().singleRow();
		assertThat(gig.get("phone_masked")).isEqualTo("138****8012");
		assertThat(((Number) gig.get("employer_id")).longValue()).isEqualTo(employerId(jdbc, "美团外卖丰台站点"));
		assertThat(gig.get("occupation")).isEqualTo("外卖骑手");
		assertThat(gig.get("platform_company")).isEqualTo("美团");
		assertThat(gig.get("join_date").toString()).isEqualTo("2024-03-01");

		// Someone who left rejoins through an import: the same record, active in the new union, counted as created.
		long leaver = memberIdOf(mixed.ids()[3]);
		members.leave(leaver, "调离本单位");
		long fanhua = id(jdbc, "泛华集团工会");
		Path rejoin = RosterTestData.csv(dir, "rejoin.csv", StandardCharsets.UTF_8, false, HEADER,
				List.of(row("郑八", "", mixed.ids()[3], "", "泛华集团", "在职职工", "", "", "2026-01-05")));
		ImportView fourth = importAndWait(fanhua, rejoin);
		assertThat(List.of(fourth.created(), fourth.updated(), fourth.unchanged(), fourth.rejected())).containsExactly(1, 0, 0, 0);
		assertThat(memberIdOf(mixed.ids()[3])).isEqualTo(leaver);
		var back = jdbc.sql("select status, union_id, employer_id from member where id = :id").param("id", leaver).query().singleRow();
		assertThat(back.get("status")).isEqualTo("ACTIVE");
		assertThat(((Number) back.get("union_id")).longValue()).isEqualTo(fanhua);
		assertThat(((Number) back.get("employer_id")).longValue()).isEqualTo(employerId(jdbc, "泛华集团"));
		assertThat(jdbc.sql("select kind from member_event where member_id = :id order by id").param("id", leaver).query(String.class).list())
			.containsExactly("JOINED", "LEFT", "REJOINED");
	}

	@Test
	@WithUserDetails("fengtai")
	void anImportKilledMidwayLeavesOnlyWholeRowsAndCanBeFinishedByImportingAgain() throws IOException {
		long union = id(jdbc, "泛华集团工会");
		List<List<Object>> rows = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String idNumber = RosterTestData.newId(i % 2 == 0);
			ids.add(idNumber);
			rows.add(row("教师" + (char) ('甲' + i), "", idNumber, RosterTestData.newPhone(), "", "在职职工", "教师", "", "2020-09-01"));
		}
		Path file = RosterTestData.csv(dir, "crash.csv", StandardCharsets.UTF_8, false, HEADER, rows);
		long membersBefore = memberCount();
		long eventsBefore = count(jdbc, "member_event");
		hook.failChunk = 2;
		hook.chunkFailure = new IllegalStateException("simulated crash while writing chunk 2");

		ImportView crashed = importAndWait(union, file);

		assertThat(crashed.status()).isEqualTo("FAILED");
		assertThat(crashed.failureMessage()).isEqualTo("导入因系统错误中断。已处理的行已保存，请稍后重新导入同一文件");
		// Chunk 1 (rows 2–5) committed whole, chunk 2 not at all: no member without its card number and history line.
		assertThat(List.of(crashed.processedRows(), crashed.created(), crashed.rejected())).containsExactly(4, 4, 0);
		assertThat(memberCount()).isEqualTo(membersBefore + 4);
		assertThat(count(jdbc, "member_event")).isEqualTo(eventsBefore + 4);
		for (int i = 0; i < 10; i++) {
			Long memberId = memberIdOf(ids.get(i));
			if (i < 4) {
				assertThat(memberId).as("row %d", i + 2).isNotNull();
				String card = jdbc.sql("select card_number from member where id = :id").param("id", memberId).query(String.class).single();
				assertThat(CardNumbers.isWellFormed(card)).isTrue();
				assertThat(jdbc.sql("select count(*) from member_event where member_id = :id").param("id", memberId).query(Long.class).single())
					.isEqualTo(1);
			}
			else {
				assertThat(memberId).as("row %d", i + 2).isNull();
			}
		}
		assertThat(jdbc.sql("select count(*) from member where card_number not like 'GH%'").query(Long.class).single()).isZero();

		hook.reset();
		ImportView resumed = importAndWait(union, file);
		assertThat(List.of(resumed.status(), resumed.created(), resumed.unchanged(), resumed.rejected()))
			.containsExactly("DONE", 6, 4, 0);
		assertThat(memberCount()).isEqualTo(membersBefore + 10);
	}

	@Test
	@WithUserDetails("fengtai")
	void aChunkThatFailsOnTheDatabaseIsWrittenRowByRowEachRowAllOrNothing() throws IOException {
		long union = id(jdbc, "泛华集团工会");
		List<List<Object>> rows = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String idNumber = RosterTestData.newId(i % 2 == 1);
			ids.add(idNumber);
			rows.add(row("职工" + (char) ('甲' + i), "", idNumber, RosterTestData.newPhone(), "", "灵活就业人员", "", "", "2021-01-01"));
		}
		rows.add(row("职工重复", "", ids.get(0), "", "", "灵活就业人员", "", "", ""));
		Path file = RosterTestData.csv(dir, "fallback.csv", StandardCharsets.UTF_8, false, HEADER, rows);
		hook.failChunk = 1;
		hook.chunkFailure = new DataIntegrityViolationException("simulated constraint race in chunk 1");
		hook.chunkFailureOnce = false;
		hook.failRow = 3; // and the row on its own fails too

		ImportView job = importAndWait(union, file);

		assertThat(job.status()).isEqualTo("DONE");
		assertThat(List.of(job.created(), job.updated(), job.unchanged(), job.rejected())).containsExactly(5, 0, 0, 2);
		assertThat(imports.errors(job.id(), 10)).containsExactly(new ErrorView(3, null, "保存时与其他操作冲突，本行未导入，请重新导入"),
				new ErrorView(8, "身份证号", "与第 2 行是同一人（身份证号相同），本行未导入"));
		assertThat(memberIdOf(ids.get(1))).isNull();
		for (int i : new int[] { 0, 2, 3, 4, 5 }) {
			Long memberId = memberIdOf(ids.get(i));
			assertThat(memberId).isNotNull();
			assertThat(CardNumbers.isWellFormed(jdbc.sql("select card_number from member where id = :id").param("id", memberId).query(String.class)
				.single())).isTrue();
		}
	}

	@Test
	void aUnionChairImportsIntoTheirOwnUnionOnlyAndJobsStayInTheirScope() throws Exception {
		Path file = RosterTestData.csv(dir, "scope.csv", StandardCharsets.UTF_8, false, HEADER,
				List.of(row("泛华职工", "", RosterTestData.newId(true), "", "泛华集团", "在职职工", "", "", "")));
		long fanhua = id(jdbc, "泛华集团工会");
		long fengtai = id(jdbc, "丰台区总工会");
		long chaoyang = id(jdbc, "朝阳区总工会");
		long jobsBefore = count(jdbc, "member_import");

		// fanhua (union chair): the default target is their own union; the district above is out of reach.
		ImportView own = as("fanhua", () -> importAndWait(null, file));
		assertThat(own.unionId()).isEqualTo(fanhua);
		assertThat(own.created()).isEqualTo(1);
		as("fanhua", () -> {
			assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> imports.start(fengtai, upload(file)));
			return null;
		});
		// fengtai (district staff) cannot import into 朝阳区总工会, nor see its jobs or reports.
		as("fengtai", () -> {
			assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> imports.start(chaoyang, upload(file)));
			return null;
		});
		ImportView chaoyangJob = as("chaoyang", () -> importAndWait(id(jdbc, "陈经纶中学工会"), file));
		assertThat(chaoyangJob.status()).isEqualTo("DONE");
		as("fengtai", () -> {
			assertThat(imports.job(own.id()).fileName()).isEqualTo("scope.csv");
			assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> imports.job(chaoyangJob.id()));
			assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> imports.errors(chaoyangJob.id(), 10));
			assertThatExceptionOfType(RecordNotFoundException.class)
				.isThrownBy(() -> imports.writeErrorReport(chaoyangJob.id(), java.io.OutputStream.nullOutputStream()));
			assertThat(imports.recent(50)).extracting(ImportView::id).contains(own.id()).doesNotContain(chaoyangJob.id());
			return null;
		});
		as("fanhua", () -> {
			assertThat(imports.recent(50)).extracting(ImportView::id).contains(own.id()).doesNotContain(chaoyangJob.id());
			return null;
		});
		// counsellors read, they do not import
		as("counsellor", () -> {
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> imports.start(null, upload(file)));
			return null;
		});
		assertThat(count(jdbc, "member_import")).isEqualTo(jobsBefore + 2);
		as("fanhua", () -> {
			assertThat(imports.defaultUnion()).isEqualTo(id(jdbc, "泛华集团工会"));
			return null;
		});
		as("fengtai", () -> {
			// A district has many unions: none is named first, the picker searches them.
			assertThat(imports.defaultUnion()).isNull();
			return null;
		});
	}

	@Test
	@WithUserDetails("fengtai")
	void unusableFilesAreRefusedBeforeAnythingIsWritten() throws IOException {
		long union = id(jdbc, "泛华集团工会");
		long members = memberCount();
		long jobs = count(jdbc, "member_import");
		Path missing = RosterTestData.csv(dir, "missing.csv", StandardCharsets.UTF_8, true, List.of("姓名", "身份证号", "手机号"),
				List.of(row("王五", RosterTestData.newId(true), "13800138000")));
		assertFileProblem(() -> imports.start(union, upload(missing)), "member.import.file.missingColumns");
		Path pdf = dir.resolve("名册.csv");
		Files.write(pdf, "%PDF-1.4 not a roster".getBytes(StandardCharsets.US_ASCII));
		assertFileProblem(() -> imports.start(union, upload(pdf)), "member.import.file.wrongType");
		Path big = dir.resolve("big.csv");
		Files.write(big, new byte[400 * 1024]);
		assertFileProblem(() -> imports.start(union, upload(big)), "member.import.file.tooLarge");
		Path empty = dir.resolve("empty.csv");
		Files.write(empty, new byte[0]);
		assertFileProblem(() -> imports.start(union, upload(empty)), "member.import.file.empty");
		assertFileProblem(() -> imports.start(union, null), "member.import.file.empty");
		// Federations hold no members: only grassroots and joint unions are import targets.
		assertThatThrownBy(() -> imports.start(id(jdbc, "丰台区总工会"), upload(missing))).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement().satisfies(p -> {
				assertThat(p.field()).isEqualTo("unionId");
				assertThat(p.code()).isEqualTo("member.union.notAccepting");
			}));
		assertThatThrownBy(() -> imports.start(null, upload(missing))).isInstanceOf(InvalidInputException.class);
		assertThat(memberCount()).isEqualTo(members);
		assertThat(count(jdbc, "member_import")).isEqualTo(jobs);
		try (var temp = Files.list(Path.of(System.getProperty("java.io.tmpdir"), "gonghui-import"))) {
			assertThat(temp.filter(p -> p.getFileName().toString().startsWith("roster-")).count()).as("temporary uploads left behind").isZero();
		}
	}

	@Test
	@WithUserDetails("fengtai")
	void xlsxWithNumbersDatesTitleRowAndExtraColumnsImports() throws IOException {
		long union = id(jdbc, "丰台区新就业形态劳动者联合工会");
		String rider = RosterTestData.newId(true);
		String courier = RosterTestData.newId(false);
		Path file = RosterTestData.xlsx(dir, "骑手名册.xlsx", "丰台区新就业形态劳动者入会登记表", 1,
				List.of("序号", "姓名", "身份证号", "手机号", "用工形式", "平台企业", "入会日期", "备注"),
				List.of(row(1, "骑手甲", rider, 13800138021L, "新就业形态劳动者", "饿了么", 45047, "夜班"),
						row(2, "快递乙", courier, new java.math.BigDecimal("1.3800138022E10"), "新就业形态劳动者", "顺丰", LocalDate.of(2024, 2, 29), null),
						row(3, "快递丙", "1.20101199001011E+17", 13800138023L, "新就业形态劳动者", "京东", null, null)));
		ImportView job = importAndWait(union, file);
		assertThat(job.format()).isEqualTo("XLSX");
		assertThat(List.of(job.created(), job.rejected())).containsExactly(2, 1);
		assertThat(imports.errors(job.id(), 10)).containsExactly(
				new ErrorView(5, "身份证号", "身份证号被 Excel 存成了数字，后几位已经丢失；请把该列设为“文本”格式后重新填写"));
		var r = jdbc.sql("select phone_masked, join_date, platform_company from member where id = :id").param("id", memberIdOf(rider)).query()
			.singleRow();
		assertThat(r.get("phone_masked")).isEqualTo("138****8021");
		assertThat(r.get("join_date").toString()).isEqualTo("2023-05-01");
		assertThat(r.get("platform_company")).isEqualTo("饿了么");
		assertThat(jdbc.sql("select join_date from member where id = :id").param("id", memberIdOf(courier)).query().singleValue().toString())
			.isEqualTo("2024-02-29");
	}

	@Test
	@WithUserDetails("fengtai")
	void errorReportIsAnAuditedWorkbookWithRowColumnAndReason() throws Exception {
		ImportView job = importAndWait(id(jdbc, "丰台区新就业形态劳动者联合工会"), mixedFile("report.csv").file());
		long auditBefore = count(jdbc, "audit_entry");
		var out = new java.io.ByteArrayOutputStream();
		imports.writeErrorReport(job.id(), out);
		assertThat(count(jdbc, "audit_entry")).isEqualTo(auditBefore + 1);
		try (var wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(1).getCellText(0)).isEqualTo("行号");
			assertThat(rows.get(2).getCellText(0)).isEqualTo("4");
			assertThat(rows.get(2).getCellText(1)).isEqualTo("性别");
			assertThat(rows.get(2).getCellText(2)).isEqualTo("性别与身份证号不符（按身份证号应为“男”）");
			assertThat(rows).hasSize(2 + 6);
		}
	}

	@Test
	@WithUserDetails("fengtai")
	void exportsAreMaskedAndAudited() throws Exception {
		long fengtai = id(jdbc, "丰台区总工会");
		long auditBefore = jdbc.sql("select count(*) from audit_entry where action = 'member.export'").query(Long.class).single();
		byte[] xlsx = exports.export(null, null, null);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'member.export'").query(Long.class).single()).isEqualTo(auditBefore + 1);
		try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).stream().map(c -> c.getText()).toList()).containsExactly("姓名", "性别", "身份证号(已脱敏)", "手机号(已脱敏)", "工会", "工作单位",
					"用工形式", "职业", "平台企业", "入会日期", "状态", "会员卡号");
			assertThat(rows).hasSizeGreaterThan(1);
			for (Row r : rows.subList(1, rows.size())) {
				assertThat(r.getCellText(2)).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
				assertThat(r.getCellText(3)).matches("(1\\d{2}\\*{4}\\d{4})?");
			}
			List<String> names = rows.stream().map(r -> r.getCellText(0)).toList();
			assertThat(names).contains("王强", "孙丽").doesNotContain("张伟", "陈静");
		}
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> exports.export(null, id(jdbc, "朝阳区总工会"), null));
		assertThat(exports.export("孙", fengtai, null)).isNotEmpty();
	}

	private static void assertFileProblem(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement().satisfies(p -> {
				assertThat(p.field()).isEqualTo("file");
				assertThat(p.code()).isEqualTo(code);
			}));
	}

	private long job(String status, String owner, java.time.Instant heartbeat, java.time.Instant finished) {
		jdbc.sql("insert into member_import (union_id, union_path, file_name, file_format, status, started_by, started_at, owner, heartbeat_at,"
				+ " finished_at) values (:union, (select path from organization where id = :union), 'roster.xlsx', 'XLSX', :status, 'fengtai', :started, :owner, :beat, :finished)")
			.param("union", id(jdbc, "泛华集团工会")).param("status", status).param("owner", owner)
			.param("started", java.sql.Timestamp.from(heartbeat)).param("beat", java.sql.Timestamp.from(heartbeat))
			.param("finished", finished == null ? null : java.sql.Timestamp.from(finished))
			.update();
		return jdbc.sql("select max(id) from member_import").query(Long.class).single();
	}

	private String status(long job) {
		return jdbc.sql("select status from member_import where id = :id").param("id", job).query(String.class).single();
	}

	@Test
	void jobsOfADeadInstanceEndFailedOthersAreLeftAlone() {
		var now = java.time.Instant.now();
		long dead = job("RUNNING", "instance-killed", now.minus(Duration.ofMinutes(10)), null);
		long queuedDead = job("QUEUED", "instance-killed", now.minus(Duration.ofMinutes(3)), null);
		long alive = job("RUNNING", "instance-alive", now.minus(Duration.ofSeconds(20)), null);
		long mineQuiet = job("RUNNING", watch.instance(), now.minus(Duration.ofMinutes(10)), null);
		long done = job("DONE", "instance-killed", now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(29)));

		assertThat(watch.recover()).isEqualTo(2);
		assertThat(status(dead)).isEqualTo("FAILED");
		assertThat(status(queuedDead)).isEqualTo("FAILED");
		assertThat(jdbc.sql("select failure_message from member_import where id = :id").param("id", dead).query(String.class).single())
			.contains("重新导入同一文件");
		// Another instance still beating, this instance's own job (it beats before it looks) and finished jobs stay as they are.
		assertThat(status(alive)).isEqualTo("RUNNING");
		assertThat(status(mineQuiet)).isEqualTo("RUNNING");
		assertThat(status(done)).isEqualTo("DONE");
		assertThat(watch.recover()).isZero();
		jdbc.sql("update member_import set status = 'FAILED', finished_at = :now where id in (:ids)").param("now", java.sql.Timestamp.from(now))
			.param("ids", List.of(alive, mineQuiet)).update();
	}

	@Test
	void oldErrorReportsArePurgedTheJobsStay() {
		var now = java.time.Instant.now();
		long old = job("DONE", "x", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(400)));
		long recent = job("DONE", "x", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
		for (long job : List.of(old, recent)) {
			jdbc.sql("insert into member_import_error (import_id, row_no, column_header, reason) values (:job, 2, '身份证号', '校验位不正确')")
				.param("job", job).update();
		}
		assertThat(watch.purge()).isPositive();
		assertThat(jdbc.sql("select count(*) from member_import_error where import_id = :id").param("id", old).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from member_import_error where import_id = :id").param("id", recent).query(Long.class).single()).isOne();
		assertThat(status(old)).isEqualTo("DONE");
	}
}
