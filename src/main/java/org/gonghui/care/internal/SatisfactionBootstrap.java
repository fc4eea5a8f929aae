package org.gonghui.care.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.gonghui.activity.AttendedActivities;
import org.gonghui.activity.AttendedActivities.AttendedActivity;
import org.gonghui.care.BookingStatus;
import org.gonghui.care.CommentStatus;
import org.gonghui.care.ServiceForm;
import org.gonghui.care.SlotMode;
import org.gonghui.member.MemberSummary;
import org.gonghui.member.Members;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo satisfaction ratings that make the caravan the best-liked form of service (北京市总工会's staff see it best: the
 * services lie in 东城 and 丰台). Workers rated the services the activity module's demo delivered — the caravans at
 * 京东快递龙潭站 and 美团外卖丰台站点, 龙潭's group counselling, 泛华's lecture — as far as they attended them (asked of
 * {@link AttendedActivities}, like a real rating), some with comments approved by the organiser's staff and some still
 * waiting. Two more appointments with 李静 took place in the last weeks (slots, bookings confirmed and done through the
 * repositories) and were rated, so the appointment forms show "<10". The demo courier 张伟 has not yet rated the 龙潭
 * caravan nor his phone appointment of nine days ago ({@link AppointmentBootstrap}): 我的 shows them as 待评价.
 */
@Component
@Profile("demo")
@Order(540)
class SatisfactionBootstrap implements StartupData {

	private final JdbcClient jdbc;
	private final RatingRepository ratings;
	private final SlotRepository slots;
	private final BookingRepository bookings;
	private final CounsellorRepository counsellors;
	private final AttendedActivities attended;
	private final Members members;
	private final Clock clock;

	SatisfactionBootstrap(JdbcClient jdbc, RatingRepository ratings, SlotRepository slots, BookingRepository bookings, CounsellorRepository counsellors,
			AttendedActivities attended, Members members, Clock clock) {
		this.jdbc = jdbc;
		this.ratings = ratings;
		this.slots = slots;
		this.bookings = bookings;
		this.counsellors = counsellors;
		this.attended = attended;
		this.members = members;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from care_rating").query(Long.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		String longtanCaravan = "心理关爱大篷车走进京东快递龙潭站";
		String ridersCaravan = "心理关爱大篷车走进美团外卖丰台站点";
		String counselling = "快递员团体心理辅导：情绪与压力";
		String lecture = "职场压力与睡眠健康讲座";
		rate("刘洋", longtanCaravan, 5, "医生讲得很实在，教了几个缓解焦虑的小方法，跑单间隙也能用。", "longtan", now);
		rate("陈静", longtanCaravan, 5, "希望以后多来几次，最好安排在下午不忙的时候。", null, now);
		rate("王强", ridersCaravan, 5, "第一次做心理测评，医生很耐心，结果只有自己能看到，很放心。", "fengtai", now);
		rate("李娜", ridersCaravan, 5, null, null, now);
		rate("赵磊", ridersCaravan, 4, "讲座有点长，一对一咨询很有用。", null, now);
		rate("张伟", counselling, 4, "大家一起聊压力，发现不只是我一个人这样。", "longtan", now);
		rate("刘洋", counselling, 4, null, null, now);
		rate("陈静", counselling, 5, "老师带的放松练习回家也能做。", null, now);
		rate("孙丽", lecture, 4, "内容实用，讲了很多改善睡眠的方法。", "fanhua", now);
		rate("周杰", lecture, 3, "时间安排在下班后有点晚，建议放在午休。", null, now);
		pastAppointments(now);
	}

	/** Two more of 李静's appointments in the last weeks, by video and by phone; both took place and were rated. */
	private void pastAppointments(Instant now) {
		Optional<Long> li = jdbc.sql("select c.id from care_counsellor c join account a on a.id = c.account_id where a.username = 'counsellor'")
			.query(Long.class).optional();
		if (li.isEmpty() || counsellors.findById(li.get()).isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.ofInstant(now, RatingService.BEIJING);
		done(li.get(), "刘洋", today.minusDays(16), 12, SlotMode.VIDEO, null, null, "https://meeting.example.cn/j/6234567", 4,
				"老师听得很认真，给了我很具体的建议，视频也很清楚。", now);
		done(li.get(), "陈静", today.minusDays(6), 20, SlotMode.PHONE, null, "010-62345678", null, 5, null, now);
	}

	private void done(long counsellor, String memberName, LocalDate day, int hour, SlotMode mode, Long site, String location, String link, Integer score,
			String comment, Instant now) {
		Optional<MemberSummary> member = member(memberName);
		if (member.isEmpty()) {
			return;
		}
		MemberSummary m = member.get();
		Instant start = day.atTime(hour, 0).atZone(RatingService.BEIJING).toInstant();
		Instant end = start.plus(Duration.ofMinutes(50));
		Instant booked = start.minus(Duration.ofDays(3));
		long slot = slots.insert(counsellor, start, end, mode, site, location, link, "demo", start.minus(Duration.ofDays(7)));
		if (!slots.take(slot, booked)) {
			return;
		}
		long booking = bookings.insert(slot, m.id(), m.employerId(), m.unionPath(), false, booked);
		bookings.move(booking, BookingStatus.BOOKED, BookingStatus.CONFIRMED, booked.plus(Duration.ofHours(2)));
		bookings.move(booking, BookingStatus.CONFIRMED, BookingStatus.DONE, end);
		if (score != null) {
			ratings.insert(new RatingRepository.NewRating(null, booking, m.id(), ServiceForm.of(mode), null, m.unionId(), m.unionPath(), day, score, comment,
					comment == null ? null : CommentStatus.PRIVATE), end.plus(Duration.ofHours(5)));
		}
	}

	/** The member's rating of an activity they attended; approved by {@code approvedBy} when given, else still pending. */
	private void rate(String memberName, String title, int score, String comment, String approvedBy, Instant now) {
		Optional<MemberSummary> member = member(memberName);
		if (member.isEmpty()) {
			return;
		}
		Optional<AttendedActivity> activity = attended.finishedAttendedBy(member.get().id(), 50).stream().filter(a -> a.title().equals(title)).findFirst();
		if (activity.isEmpty()) {
			return;
		}
		AttendedActivity a = activity.get();
		Instant evening = a.heldOn().plusDays(1).atTime(20, 0).atZone(RatingService.BEIJING).toInstant();
		Instant ratedAt = evening.isBefore(now) ? evening : now;
		long id = ratings.insert(new RatingRepository.NewRating(a.id(), null, member.get().id(), ServiceForm.of(a.kind()), a.title(), a.organizationId(),
				a.organizationPath(), a.heldOn(), score, comment, comment == null ? null : CommentStatus.PENDING), ratedAt);
		if (comment != null && approvedBy != null) {
			ratings.moderate(id, CommentStatus.PENDING, CommentStatus.APPROVED, approvedBy, ratedAt.plus(Duration.ofDays(1)));
		}
	}

	private Optional<MemberSummary> member(String name) {
		return jdbc.sql("select id from member where name = :n and status = 'ACTIVE' order by id").param("n", name).query(Long.class).list().stream()
			.findFirst().flatMap(members::find);
	}
}
