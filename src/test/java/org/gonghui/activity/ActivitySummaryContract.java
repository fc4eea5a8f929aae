package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gonghui.TestOrganizations.employerId;
import static org.gonghui.TestOrganizations.id;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.gonghui.activity.internal.ActivityLifecycle;
import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.ActivityService;
import org.gonghui.activity.internal.ActivityService.NewActivity;
import org.gonghui.activity.internal.ActivityService.NewSession;
import org.gonghui.activity.internal.ActivitySummaryService;
import org.gonghui.activity.internal.ActivitySummaryService.PhotoView;
import org.gonghui.activity.internal.ActivitySummaryService.SummaryView;
import org.gonghui.activity.internal.CheckInService;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.activity.internal.RegistrationService.RegistrationView;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PhotosTests;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * The summary after an activity against a real database: the figures once registrations, check-ins, a
 * walk-in and the finish have happened; the text with its version; photos checked, stripped of their
 * metadata and limited to nine; scope and roles; and the module API the news module will read. Run on H2
 * ({@link ActivitySummaryH2Tests}) and PostgreSQL ({@link ActivitySummaryPostgresTests}). Tests commit;
 * each builds its own activity and members.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
abstract class ActivitySummaryContract {

	static final String JD = "京东快递（龙潭站）";
	static final String LIANGYUAN = "良苑餐厅";

	@Autowired
	ActivityService activities;

	@Autowired
	ActivityQueries queries;

	@Autowired
	ActivityLifecycle lifecycle;

	@Autowired
	RegistrationService registrations;

	@Autowired
	CheckInService checkIns;

	@Autowired
	ActivitySummaryService summaries;

	@Autowired
	ActivitySummaries publishable;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** A published one-session visit a week ahead. */
	long activity(String organisation, int capacity) {
		Instant start = Instant.now().plus(Duration.ofDays(7));
		long id = activities.create(new NewActivity(id(jdbc, organisation), ActivityKind.VISIT, "总结测试活动" + UUID.randomUUID(), null, "北京",
				capacity, false, false, null, null, null, List.of(new NewSession("参观", "VISIT", start, start.plus(Duration.ofHours(3)), true))));
		lifecycle.publish(id);
		return id;
	}

	/** A published activity moved on to ONGOING, ready for a summary. */
	long ongoing(String organisation) {
		long id = activity(organisation, 10);
		lifecycle.move(id, ActivityStatus.ONGOING, null);
		return id;
	}

	/** Members made for the test, straight into the registry, with an employer (by name) or none. */
	List<Long> members(String union, String employer, int count) {
		long unionId = id(jdbc, union);
		Long employerId = employer == null ? null : employerId(jdbc, employer);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String unique = UUID.randomUUID().toString().replace("-", "");
			jdbc.sql("insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, union_id, union_path, employer_id, work_form,"
					+ " join_date, status, card_number, created_at, updated_at) values (:name, 'MALE', 'x', :hash, '110***********0000', :union,"
					+ " (select path from organization where id = :union), :employer, 'EMPLOYEE', current_date, 'ACTIVE', :card, :now, :now)")
				.param("name", "总结会员" + unique.substring(0, 6))
				.param("hash", (unique + unique).substring(0, 64))
				.param("union", unionId)
				.param("employer", employerId, java.sql.Types.BIGINT)
				.param("card", "S" + unique.substring(0, 18))
				.param("now", Timestamp.from(Instant.now()))
				.update();
			ids.add(jdbc.sql("select id from member where card_number = :card").param("card", "S" + unique.substring(0, 18)).query(Long.class).single());
		}
		return ids;
	}

	String name(long member) {
		return jdbc.sql("select name from member where id = :id").param("id", member).query(String.class).single();
	}

	String code(RegistrationView registration) {
		return registrations.get(registration.id()).checkInCode();
	}

	long photoRows(long activity) {
		return jdbc.sql("select count(*) from activity_photo where activity_id = :a").param("a", activity).query(Long.class).single();
	}

	long audits(String action, long activity) {
		return jdbc.sql("select count(*) from audit_entry where action = :action and target_type = 'activity' and target_id = :id")
			.param("action", action).param("id", String.valueOf(activity)).query(Long.class).single();
	}

	void assertProblem(Runnable action, String field, String code) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(action::run)
			.satisfies(e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly(field + ":" + code));
	}

	static byte[] png() {
		try {
			return PhotosTests.image("png", 12, 8);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * 龙潭's visit in small: couriers of 京东快递 and cooks of 良苑餐厅 register, one cancels, most come, one
	 * courier walks in without registering, one registered courier never comes and becomes a no-show at the finish.
	 */
	@Test
	@WithUserDetails("longtan")
	void theFiguresCountRegistrationsAttendanceWalkInsAndNoShowsAfterTheFinish() {
		long activity = activity("龙潭街道总工会", 10);
		List<Long> jd = members("龙潭街道总工会", JD, 3);
		List<Long> ly = members("龙潭街道总工会", LIANGYUAN, 2);
		List<RegistrationView> r = new ArrayList<>();
		for (Long member : List.of(jd.get(0), jd.get(1), jd.get(2), ly.get(0), ly.get(1))) {
			r.add(registrations.register(activity, member));
		}
		registrations.cancel(r.get(4).id(), null);
		lifecycle.move(activity, ActivityStatus.ONGOING, null);
		for (int i : new int[] { 0, 1, 3 }) {
			checkIns.checkIn(activity, code(r.get(i)), null);
		}
		checkIns.walkIn(activity, null, "王五", JD, null);

		SummaryFigures during = summaries.get(activity).figures();
		assertThat(during.registered()).isEqualTo(4);
		assertThat(during.attended()).isEqualTo(4);
		assertThat(during.noShows()).isZero();

		summaries.write(activity, "龙潭街道总工会组织辖区新就业形态劳动者参观纪念馆。", 0);
		lifecycle.move(activity, ActivityStatus.FINISHED, null);

		SummaryView view = summaries.get(activity);
		assertThat(view.status()).isEqualTo(ActivityStatus.FINISHED);
		assertThat(view.writable()).isTrue();
		assertThat(view.figures()).isEqualTo(new SummaryFigures(10, 4, 4, 1, 1, 1,
				List.of(new SummaryFigures.EmployerCount(JD, 3), new SummaryFigures.EmployerCount(LIANGYUAN, 1))));
		// The figures agree with the check-in page's.
		var attendance = checkIns.attendance(activity);
		assertThat(view.figures().registered()).isEqualTo(attendance.registered());
		assertThat(view.figures().attended()).isEqualTo(attendance.people());
	}

	@Test
	@WithUserDetails("longtan")
	void aSummaryIsRefusedBeforeTheActivityIsUnderWay() {
		long activity = activity("龙潭街道总工会", 10);
		assertProblem(() -> summaries.write(activity, "还没开始", 0), null, "activity.summary.notYet");
		assertProblem(() -> summaries.addPhoto(activity, png(), null), null, "activity.summary.notYet");
		SummaryView view = summaries.get(activity);
		assertThat(view.writable()).isFalse();
		assertThat(view.text()).isNull();
		assertThat(view.version()).isZero();
		assertThat(jdbc.sql("select count(*) from activity_summary where activity_id = :a").param("a", activity).query(Long.class).single()).isZero();
		assertThat(photoRows(activity)).isZero();
	}

	@Test
	@WithUserDetails("longtan")
	void theTextIsWrittenAndReplacedAtTheVersionRead() {
		long activity = ongoing("龙潭街道总工会");
		assertProblem(() -> summaries.write(activity, " \n ", 0), "text", "validation.required");
		assertProblem(() -> summaries.write(activity, "字".repeat(4001), 0), "text", "validation.tooLong");
		assertProblem(() -> summaries.write(activity, "总结", null), "version", "validation.required");
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> summaries.write(activity, "总结", 3));

		SummaryView first = summaries.write(activity, "  第一稿\r\n第二行  ", 0);
		assertThat(first.text()).isEqualTo("第一稿\n第二行");
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.writtenBy()).isEqualTo("longtan");
		assertThat(first.updatedAt()).isNotNull();
		SummaryView second = summaries.write(activity, "字".repeat(4000), 1);
		assertThat(second.version()).isEqualTo(2);
		// Another editor who read version 1 loses, and the text stays as saved.
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> summaries.write(activity, "旧稿", 1));
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> summaries.write(activity, "旧稿", 0));
		assertThat(summaries.get(activity).text()).isEqualTo("字".repeat(4000));
		assertThat(audits("activity.summary.write", activity)).isEqualTo(2);
	}

	@Test
	@WithUserDetails("longtan")
	void aPhotoWithGpsInItsExifIsStoredWithout() throws Exception {
		long activity = ongoing("龙潭街道总工会");
		byte[] withExif = PhotosTests.jpegWithExif();
		assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");

		PhotoView photo = summaries.addPhoto(activity, withExif, " 参观纪念馆 ");
		assertThat(photo.caption()).isEqualTo("参观纪念馆");
		assertThat(photo.width()).isEqualTo(40);
		byte[] stored = jdbc.sql("select content from activity_photo where id = :id").param("id", photo.id()).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude").doesNotContain("Exif");
		var image = summaries.image(activity, photo.id());
		assertThat(image.contentType()).isEqualTo("image/jpeg");
		assertThat(image.content()).isEqualTo(stored);
		assertThat(summaries.get(activity).photos()).containsExactly(photo);
		assertThat(audits("activity.summary.photo.add", activity)).isEqualTo(1);

		assertProblem(() -> summaries.addPhoto(activity, png(), "说".repeat(201)), "caption", "validation.tooLong");
		assertThat(photoRows(activity)).isEqualTo(1);
	}

	@Test
	@WithUserDetails("longtan")
	void nineAreTheMostAndATenthIsRefused() {
		long activity = ongoing("龙潭街道总工会");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			ids.add(summaries.addPhoto(activity, png(), "第" + (i + 1) + "张").id());
		}
		assertProblem(() -> summaries.addPhoto(activity, png(), null), "photo", "activity.summary.photos.tooMany");
		assertThat(photoRows(activity)).isEqualTo(9);

		// Taking one down frees a place; the new one goes last.
		summaries.deletePhoto(activity, ids.get(2));
		assertThat(audits("activity.summary.photo.delete", activity)).isEqualTo(1);
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> summaries.deletePhoto(activity, ids.get(2)));
		long last = summaries.addPhoto(activity, png(), "最后一张").id();
		List<PhotoView> photos = summaries.get(activity).photos();
		assertThat(photos).hasSize(9);
		assertThat(photos.get(8).id()).isEqualTo(last);
		assertThat(photos).extracting(PhotoView::id).doesNotContain(ids.get(2));
	}

	@Test
	@WithUserDetails("longtan")
	void whatIsNotAJpegOrPngIsRefused() {
		long activity = ongoing("龙潭街道总工会");
		assertProblem(() -> summaries.addPhoto(activity, "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), null), "photo", "photo.type");
		assertProblem(() -> summaries.addPhoto(activity, "%PDF-1.4".getBytes(StandardCharsets.UTF_8), null), "photo", "photo.type");
		assertProblem(() -> summaries.addPhoto(activity, null, null), "photo", "photo.empty");
		byte[] huge = new byte[5 * 1024 * 1024 + 1];
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		huge[2] = (byte) 0xFF;
		assertProblem(() -> summaries.addPhoto(activity, huge, null), "photo", "photo.tooLarge");
		assertThat(photoRows(activity)).isZero();
	}

	@Test
	@WithUserDetails("chaoyang")
	void activitiesOutsideTheScopeAreNotFound() {
		long activity = runAs("longtan", () -> ongoing("龙潭街道总工会"));
		long photo = runAs("longtan", () -> summaries.addPhoto(activity, png(), null).id());
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> summaries.get(activity));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> summaries.write(activity, "总结", 0));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> summaries.addPhoto(activity, png(), null));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> summaries.deletePhoto(activity, photo));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> summaries.image(activity, photo));
		assertThat(photoRows(activity)).isEqualTo(1);
	}

	@Test
	@WithUserDetails("worker")
	void workersAreRefused() {
		long activity = runAs("longtan", () -> ongoing("龙潭街道总工会"));
		long photo = runAs("longtan", () -> summaries.addPhoto(activity, png(), null).id());
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> summaries.get(activity));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> summaries.write(activity, "总结", 0));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> summaries.addPhoto(activity, png(), null));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> summaries.deletePhoto(activity, photo));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> summaries.image(activity, photo));
		assertThat(photoRows(activity)).isEqualTo(1);
	}

	/** The news module's view: only finished activities with a written summary, counts and no names. */
	@Test
	@WithUserDetails("longtan")
	void onlyFinishedSummariesArePublishableAndTheyNameNobody() {
		long activity = activity("龙潭街道总工会", 10);
		List<Long> jd = members("龙潭街道总工会", JD, 2);
		List<RegistrationView> r = new ArrayList<>();
		for (Long member : jd) {
			r.add(registrations.register(activity, member));
		}
		assertThat(publishable.find(activity)).isEmpty();
		lifecycle.move(activity, ActivityStatus.ONGOING, null);
		checkIns.checkIn(activity, code(r.get(0)), null);
		checkIns.walkIn(activity, null, "赵六", LIANGYUAN, null);
		long photo = summaries.addPhoto(activity, png(), "合影").id();
		summaries.write(activity, "近60名职工参加了活动。", 0);
		// Under way: not yet.
		assertThat(publishable.find(activity)).isEmpty();
		assertThat(publishable.photo(activity, photo)).isEmpty();
		lifecycle.move(activity, ActivityStatus.FINISHED, null);

		PublishableSummary s = publishable.find(activity).orElseThrow();
		var details = queries.get(activity);
		assertThat(s.activityId()).isEqualTo(activity);
		assertThat(s.title()).isEqualTo(details.title());
		assertThat(s.kind()).isEqualTo(ActivityKind.VISIT);
		assertThat(s.organizationId()).isEqualTo(id(jdbc, "龙潭街道总工会"));
		assertThat(s.organizationName()).isEqualTo("龙潭街道总工会");
		assertThat(s.firstSessionDate()).isEqualTo(LocalDate.ofInstant(details.sessions().get(0).startsAt(), ZoneId.of("Asia/Shanghai")));
		assertThat(s.text()).isEqualTo("近60名职工参加了活动。");
		assertThat(s.photoIds()).containsExactly(photo);
		assertThat(s.photos()).containsExactly(new PublishableSummary.Photo(photo, "合影"));
		assertThat(s.figures()).isEqualTo(new SummaryFigures(10, 2, 2, 1, 1, 0,
				List.of(new SummaryFigures.EmployerCount(JD, 1), new SummaryFigures.EmployerCount(LIANGYUAN, 1))));
		// No member's name, no walk-in's name, no staff account anywhere in it.
		assertThat(s.toString()).doesNotContain(name(jd.get(0))).doesNotContain(name(jd.get(1))).doesNotContain("赵六").doesNotContain("longtan");
		assertThat(publishable.photo(activity, photo)).hasValueSatisfying(i -> assertThat(i.contentType()).isEqualTo("image/png"));
		assertThat(publishable.photo(activity, photo + 1_000_000)).isEmpty();

		// A finished activity without a summary has nothing to publish; unknown ids neither.
		long silent = activity("龙潭街道总工会", 5);
		lifecycle.move(silent, ActivityStatus.ONGOING, null);
		lifecycle.move(silent, ActivityStatus.FINISHED, null);
		assertThat(publishable.find(silent)).isEmpty();
		assertThat(publishable.find(99_999_999L)).isEmpty();
	}

	<T> T runAs(String username, Supplier<T> action) {
		return org.gonghui.TestUsers.runAs(users, username, action);
	}
}
