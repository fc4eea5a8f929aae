package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.id;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.gonghui.activity.internal.ActivityLifecycle;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.activity.internal.CertificateService;
import org.gonghui.activity.internal.CertificateService.CertificateLine;
import org.gonghui.activity.internal.CertificateService.Verification;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * Certificates of a training camp against a real database: issued once to each trainee whose camp result says
 * completed, with random checked numbers; the PDF's text, embedded font and glyph coverage; the public check;
 * revocation with a reason and scope; the holder's own download; the ZIP. The camp's results are written
 * straight into {@code camp_result} (the completion evaluation is built separately). Run on H2
 * ({@link CertificateH2Tests}) and PostgreSQL ({@link CertificatePostgresTests}); tests commit and each builds
 * its own camp and trainees.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
abstract class CertificateContract {

	static final String LONGTAN = "龙潭街道总工会";
	static final String ISSUER = "清华大学继续教育学院";
	static final String PROGRAMME = "全国总工会首期劳模本科生创新培训营";
	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	ActivityService activities;

	@Autowired
	ActivityLifecycle lifecycle;

	@Autowired
	RegistrationService registrations;

	@Autowired
	CertificateService certificates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/**
	 * A published camp of 龙潭 a week ahead: a 3-hour lecture and a 2.5-hour thematic report that count, and a
	 * one-hour opening ceremony that does not, so 5.5 hours; the partner institution set as issuer.
	 */
	long camp(String title) {
		Instant start = Instant.now().plus(Duration.ofDays(7));
		long id = activities.create(new NewActivity(id(jdbc, LONGTAN), ActivityKind.TRAINING_CAMP, title, null, "清华大学", 300, false, false,
				null, null, null, List.of(new NewSession("开班仪式", "CEREMONY", start, start.plus(Duration.ofHours(1)), false),
						new NewSession("创新方法讲座", "LECTURE", start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(5)), true),
						new NewSession("大国工匠专题报告", "REPORT", start.plus(Duration.ofDays(2)),
								start.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(150)), true))));
		lifecycle.publish(id);
		jdbc.sql("update activity set issuer = :issuer where id = :id").param("issuer", ISSUER).param("id", id).update();
		return id;
	}

	long camp() {
		return camp(PROGRAMME + UUID.randomUUID().toString().substring(0, 4));
	}

	/** Trainees of 龙潭 registered for the camp; their names are made Chinese ({@code names}, or generated). */
	List<Long> trainees(long camp, String... names) {
		List<Long> ids = ActivityFixtures.members(jdbc, LONGTAN, null, "学员", names.length);
		for (int i = 0; i < ids.size(); i++) {
			rename(ids.get(i), names[i]);
			registrations.register(camp, ids.get(i));
		}
		return ids;
	}

	List<Long> trainees(long camp, int count) {
		String[] names = new String[count];
		for (int i = 0; i < count; i++) {
			names[i] = "学员" + (char) ('甲' + i % 10) + i;
		}
		return trainees(camp, names);
	}

	void rename(long member, String name) {
		jdbc.sql("update member set name = :name where id = :id").param("name", name).param("id", member).update();
	}

	/** The camp result as the completion evaluation writes it. */
	void result(long camp, long member, boolean completed) {
		long registration = jdbc.sql("select id from registration where activity_id = :a and member_id = :m").param("a", camp).param("m", member)
			.query(Long.class).single();
		jdbc.sql("insert into camp_result (activity_id, member_id, registration_id, attended_sessions, counting_sessions, assessment_passed,"
				+ " completed_by_rule, completed, evaluated_at) values (:a, :m, :r, :attended, 2, null, :completed, :completed, :now)")
			.param("a", camp).param("m", member).param("r", registration).param("attended", completed ? 2 : 0).param("completed", completed)
			.param("now", Timestamp.from(Instant.now()))
			.update();
	}

	void completed(long camp, List<Long> members) {
		members.forEach(m -> result(camp, m, true));
	}

	CertificateLine certificateOf(long camp, long member) {
		return certificates.list(camp).stream().filter(c -> c.memberId() == member).findFirst().orElseThrow();
	}

	long workerMember() {
		return jdbc.sql("select id from member where account_username = 'worker'").query(Long.class).single();
	}

	long audits(String action) {
		return jdbc.sql("select count(*) from audit_entry where action = :action").param("action", action).query(Long.class).single();
	}

	<T> T runAs(String username, Supplier<T> action) {
		return org.gonghui.TestUsers.runAs(users, username, action);
	}

	static void assertProblem(Runnable action, String field, String code) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly(field + ":" + code));
	}

	@Test
	@WithUserDetails("longtan")
	void issuingGivesOneCertificatePerCompletedTraineeAndAgainOnlyTheNewlyCompleted() {
		long camp = camp();
		List<Long> t = trainees(camp, "王建国", "李秀英", "赵小明");
		result(camp, t.get(0), true);
		result(camp, t.get(1), true);
		result(camp, t.get(2), false);
		long issuedBefore = audits("certificate.issue");

		assertThat(certificates.issueForCompleted(camp)).isEqualTo(2);
		assertThat(certificates.issueForCompleted(camp)).isZero();
		List<CertificateLine> list = certificates.list(camp);
		assertThat(list).extracting(CertificateLine::memberId).containsExactlyInAnyOrder(t.get(0), t.get(1));
		assertThat(list).extracting(CertificateLine::holderName).containsExactlyInAnyOrder("王建国", "李秀英");
		assertThat(list).allSatisfy(c -> {
			assertThat(c.status()).isEqualTo(CertificateStatus.VALID);
			assertThat(c.hours()).isEqualByComparingTo(new BigDecimal("5.5"));
			assertThat(c.activityId()).isEqualTo(camp);
		});
		var row = jdbc.sql("select programme, issuer, organiser, starts_on, ends_on from certificate where activity_id = :a and member_id = :m")
			.param("a", camp).param("m", t.get(0))
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate()))
			.single();
		LocalDate firstDay = LocalDate.ofInstant(Instant.now().plus(Duration.ofDays(7)), BEIJING);
		assertThat(row.get(0).toString()).startsWith(PROGRAMME);
		assertThat(row.subList(1, 3)).containsExactly(ISSUER, LONGTAN);
		assertThat((LocalDate) row.get(3)).isBetween(firstDay.minusDays(1), firstDay);
		assertThat((LocalDate) row.get(4)).isAfter((LocalDate) row.get(3));

		// Staff override the third trainee's result to completed: issuing again adds that one only.
		jdbc.sql("update camp_result set completed = true, override_reason = '补考合格', overridden_by = 'longtan' where activity_id = :a and member_id = :m")
			.param("a", camp).param("m", t.get(2)).update();
		assertThat(certificates.issueForCompleted(camp)).isEqualTo(1);
		assertThat(certificates.list(camp)).hasSize(3);
		assertThat(jdbc.sql("select count(*) from certificate where activity_id = :a").param("a", camp).query(Long.class).single()).isEqualTo(3);
		assertThat(audits("certificate.issue")).isEqualTo(issuedBefore + 2);
	}

	@Test
	@WithUserDetails("longtan")
	void numbersAreRandomUniqueAndCarryACheckCharacter() {
		long camp = camp();
		List<Long> t = trainees(camp, 24);
		completed(camp, t);
		assertThat(certificates.issueForCompleted(camp)).isEqualTo(24);
		List<String> numbers = certificates.list(camp).stream().map(CertificateLine::number).toList();
		assertThat(new HashSet<>(numbers)).hasSize(24);
		String year = String.valueOf(LocalDate.now(BEIJING).getYear());
		assertThat(numbers).allSatisfy(n -> assertThat(n).matches(year + "(-[0-9A-HJKMNP-TV-Z]{4}){4}"));
		// Nothing shared beyond the year: the fifth characters alone differ among 24 random numbers.
		assertThat(numbers.stream().map(n -> n.substring(0, 6)).distinct().count()).isGreaterThan(1);

		// A number typed with one character changed fails its check and is simply not found.
		String n = numbers.get(0);
		char last = n.charAt(n.length() - 1);
		String typo = n.substring(0, n.length() - 1) + (last == '0' ? '1' : '0');
		assertThat(certificates.verify(typo)).isEmpty();
		String middle = n.substring(0, 7) + (n.charAt(7) == 'A' ? 'B' : 'A') + n.substring(8);
		assertThat(certificates.verify(middle)).isEmpty();
		// Typed in lower case, without dashes, with O for 0: still the same certificate.
		assertThat(certificates.verify(n.toLowerCase().replace("-", "").replace('0', 'o'))).map(Verification::number).contains(n);
	}

	@Test
	@WithUserDetails("longtan")
	void thePdfIsChineseWithTheFontEmbeddedAndEveryGlyphPresent() throws Exception {
		long camp = camp(PROGRAMME);
		List<Long> t = trainees(camp, "欧阳娜娜");
		completed(camp, t);
		certificates.issueForCompleted(camp);
		CertificateLine line = certificateOf(camp, t.get(0));

		var file = certificates.pdf(line.number());
		assertThat(file.filename()).isEqualTo(line.number() + ".pdf");
		assertThat(new String(file.content(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		// First the picture, for a person to look at (target/certificate-*.png) whatever the checks below find.
		double ink = CertificatePdfChecks.renderFirstPage(file.content(), Path.of("target", "certificate-" + getClass().getSimpleName() + ".png"));
		assertThat(ink).isBetween(0.005, 0.5);
		CertificatePdfChecks pdf = CertificatePdfChecks.read(file.content());
		assertThat(pdf.pages()).isEqualTo(1);
		// A4 landscape: 842 × 595 points.
		assertThat(pdf.width()).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
		assertThat(pdf.height()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
		String text = pdf.text().replaceAll("\\s+", "");
		assertThat(text).contains("结业证书", "欧阳娜娜", ISSUER, LONGTAN, PROGRAMME, line.number(), "共5.5学时", "/verify/certificates/" + line.number());
		assertThat(pdf.fonts()).isNotEmpty().allSatisfy(f -> {
			assertThat(f.isEmbedded()).as(f.getName()).isTrue();
			// Subset: PDFBox names a subset ABCDEF+Name.
			assertThat(f.getName()).as(f.getName()).matches("[A-Z]{6}\\+WenQuanYiMicroHei");
		});
		assertThat(pdf.drawnWithoutGlyph()).isEmpty();
		assertThat(pdf.drewAll("欧阳娜娜" + ISSUER + PROGRAMME + LONGTAN + "结业证书特发此证" + line.number())).isTrue();
		// The subset font keeps the file small (the whole font would be 5 MB).
		assertThat(file.content().length).isLessThan(300_000);
		// The QR code opens the public verify page of this number.
		assertThat(CertificatePdfChecks.qrText(file.content())).isEqualTo("http://localhost:8080/verify/certificates/" + line.number());
		assertThat(audits("certificate.download")).isPositive();
	}

	@Test
	@WithUserDetails("longtan")
	void theVerificationShowsStatusAndAMaskedNameOnly() {
		long camp = camp();
		List<Long> t = trainees(camp, "张三丰", "李娜");
		completed(camp, t);
		certificates.issueForCompleted(camp);
		CertificateLine first = certificateOf(camp, t.get(0));
		CertificateLine second = certificateOf(camp, t.get(1));

		Verification v = certificates.verify(first.number()).orElseThrow();
		assertThat(v.status()).isEqualTo(CertificateStatus.VALID);
		assertThat(v.valid()).isTrue();
		assertThat(v.maskedName()).isEqualTo("张*丰");
		assertThat(v.programme()).startsWith(PROGRAMME);
		assertThat(v.issuer()).isEqualTo(ISSUER);
		assertThat(v.issuedOn()).isEqualTo(LocalDate.now(BEIJING));
		assertThat(certificates.verify(second.number()).orElseThrow().maskedName()).isEqualTo("李*");

		certificates.revoke(second.number(), "学员信息有误");
		Verification revoked = certificates.verify(second.number()).orElseThrow();
		assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
		assertThat(revoked.toString()).doesNotContain("学员信息有误").doesNotContain("李娜");

		assertThat(certificates.verify("2026-0000-0000-0000-0000")).isEmpty();
		assertThat(certificates.verify("")).isEmpty();
		assertThat(certificates.verify("../../etc/passwd")).isEmpty();
		assertThat(certificates.verify(null)).isEmpty();
		// Nobody needs to be signed in to verify.
		SecurityContextHolder.clearContext();
		assertThat(certificates.verify(first.number())).isPresent();
	}

	@Test
	@WithUserDetails("longtan")
	void revokingNeedsAReasonAndTheScopeAndHappensOnce() {
		long camp = camp();
		List<Long> t = trainees(camp, "孙立平");
		completed(camp, t);
		certificates.issueForCompleted(camp);
		String number = certificateOf(camp, t.get(0)).number();

		assertProblem(() -> certificates.revoke(number, null), "reason", "validation.required");
		assertProblem(() -> certificates.revoke(number, "  "), "reason", "validation.required");
		assertProblem(() -> certificates.revoke(number, "因".repeat(201)), "reason", "validation.tooLong");
		// Another district's staff do not see it: not found, as for a number that does not exist.
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> runAs("chaoyang", () -> certificates.revoke(number, "误发")));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> runAs("chaoyang", () -> certificates.list(camp)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> runAs("chaoyang", () -> certificates.pdf(number)));
		assertThat(certificates.verify(number).orElseThrow().valid()).isTrue();

		long before = audits("certificate.revoke");
		CertificateLine revoked = certificates.revoke(number, " 学员信息有误 ");
		assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
		assertThat(revoked.revokedReason()).isEqualTo("学员信息有误");
		assertThat(revoked.revokedBy()).isEqualTo("longtan");
		assertThat(revoked.revokedAt()).isNotNull();
		assertProblem(() -> certificates.revoke(number, "再次撤销"), null, "certificate.revoke.already");
		assertThat(audits("certificate.revoke")).isEqualTo(before + 1);
		// Revoked stays revoked: issuing again does not hand out a new one.
		assertThat(certificates.issueForCompleted(camp)).isZero();
	}

	@Test
	@WithUserDetails("longtan")
	void aWorkerDownloadsTheirOwnCertificateOnly() throws Exception {
		long camp = camp();
		long own = workerMember();
		registrations.register(camp, own);
		List<Long> others = trainees(camp, "刘德明");
		result(camp, own, true);
		result(camp, others.get(0), true);
		certificates.issueForCompleted(camp);
		String mine = certificateOf(camp, own).number();
		String theirs = certificateOf(camp, others.get(0)).number();

		byte[] pdf = runAs("worker", () -> certificates.pdf(mine)).content();
		assertThat(CertificatePdfChecks.read(pdf).text()).contains("张伟");
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> runAs("worker", () -> certificates.pdf(theirs)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> runAs("worker", () -> certificates.list(camp)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> runAs("worker", () -> certificates.revoke(mine, "不想要了")));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> runAs("worker", () -> certificates.zip(camp)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> runAs("worker", () -> certificates.issueForCompleted(camp)));
	}

	@Test
	@WithUserDetails("longtan")
	void theZipHoldsOnePdfPerValidCertificate() throws Exception {
		long camp = camp();
		List<Long> t = trainees(camp, "周明", "吴刚", "郑/爽");
		completed(camp, t);
		certificates.issueForCompleted(camp);
		String revoked = certificateOf(camp, t.get(1)).number();
		certificates.revoke(revoked, "重复发放");

		var archive = certificates.zip(camp);
		assertThat(archive.count()).isEqualTo(2);
		assertThat(archive.filename()).isEqualTo("certificates-" + camp + ".zip");
		var out = new ByteArrayOutputStream();
		archive.writeTo(out);
		List<String> names = new ArrayList<>();
		try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				names.add(entry.getName());
				byte[] content = zip.readAllBytes();
				CertificatePdfChecks pdf = CertificatePdfChecks.read(content);
				assertThat(pdf.pages()).isEqualTo(1);
				assertThat(pdf.text()).contains(ISSUER);
			}
		}
		assertThat(names).containsExactlyInAnyOrder(certificateOf(camp, t.get(0)).number() + "-周明.pdf",
				certificateOf(camp, t.get(2)).number() + "-郑_爽.pdf");
		assertThat(audits("certificate.export")).isPositive();
	}
}
