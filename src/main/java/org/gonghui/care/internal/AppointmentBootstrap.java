package org.gonghui.care.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.gonghui.care.BookingStatus;
import org.gonghui.care.SlotMode;
import org.gonghui.care.internal.CounsellorRepository.Fields;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo counsellors and appointments: two counsellors of 北京安定医院 serving 朝阳 (李静 also serves 东城, so the demo
 * courier of 龙潭 can book her), slots in 朝阳's decompression room, by phone and by video, and a workplace slot on
 * the 陈经纶中学 caravan day. 刘洋, a 京东 courier like the demo worker 张伟, has booked a room slot asking for
 * discretion: 张伟 is not offered the slots right before and after it. 张伟 himself holds a phone appointment, so 我的
 * shows the reminder.
 */
@Component
@Profile("demo")
@Order(530)
class AppointmentBootstrap implements StartupData {

	private final JdbcClient jdbc;
	private final CounsellorRepository counsellors;
	private final SlotRepository slots;
	private final BookingRepository bookings;
	private final Clock clock;

	private final SessionNoteRepository notes;
	private final org.gonghui.platform.PersonalDataCipher cipher;

	AppointmentBootstrap(JdbcClient jdbc, CounsellorRepository counsellors, SlotRepository slots, BookingRepository bookings, SessionNoteRepository notes,
			org.gonghui.platform.PersonalDataCipher cipher, Clock clock) {
		this.notes = notes;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.counsellors = counsellors;
		this.slots = slots;
		this.bookings = bookings;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from care_slot").query(Long.class).single() > 0) {
			return;
		}
		Optional<Long> chaoyang = org("朝阳区总工会");
		Optional<Long> dongcheng = org("东城区总工会");
		Optional<Long> room = jdbc.sql("select id from site where name = '朝阳区职工心理服务中心减压室'").query(Long.class).optional();
		if (chaoyang.isEmpty() || dongcheng.isEmpty() || room.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Optional<Long> li = profile("counsellor", new Fields("李静", "注册心理师 X-2019-0456", "中国心理学会临床与咨询心理学专业机构和专业人员注册系统",
				"北京安定医院", "普通话、英语", "临床心理科主治医师，擅长职场压力、睡眠和情绪问题，从事心理咨询十二年。", true), List.of(chaoyang.get(), dongcheng.get()), now);
		Optional<Long> wang = profile("counsellor2", new Fields("王磊", "注册心理师 X-2021-1138", "中国心理学会临床与咨询心理学专业机构和专业人员注册系统",
				"北京安定医院", "普通话", "心理治疗师，长期为一线职工和快递骑手提供团体与个体咨询。", true), List.of(chaoyang.get()), now);
		if (li.isEmpty()) {
			return;
		}
		LocalDate first = workday(LocalDate.now(clock.withZone(SlotService.BEIJING)).plusDays(2));
		LocalDate second = workday(first.plusDays(1));
		// 李静 in the room on the first day: three slots an hour apart; 刘洋 holds the middle one with discretion.
		slot(li.get(), first, "14:00", "14:50", SlotMode.SITE, room.get(), null, null, now);
		long middle = slot(li.get(), first, "15:00", "15:50", SlotMode.SITE, room.get(), null, null, now);
		slot(li.get(), first, "16:00", "16:50", SlotMode.SITE, room.get(), null, null, now);
		slot(li.get(), first, "10:00", "10:50", SlotMode.SITE, room.get(), null, null, now);
		long phone = slot(li.get(), second, "19:00", "19:40", SlotMode.PHONE, null, "010-62345678", null, now);
		slot(li.get(), second, "20:00", "20:40", SlotMode.PHONE, null, "010-62345678", null, now);
		slot(li.get(), second, "12:00", "12:45", SlotMode.VIDEO, null, null, "https://meeting.example.cn/j/6234567", now);
		wang.ifPresent(w -> {
			slot(w, second, "12:10", "13:20", SlotMode.WORKPLACE, null, "陈经纶中学行政楼 203 室（心理关爱大篷车服务日）", null, now);
			slot(w, second, "14:00", "14:50", SlotMode.SITE, room.get(), null, null, now);
		});
		book(middle, "刘洋", true, now);
		book(phone, "张伟", false, now);
		// Nine days ago 张伟 talked to 李静 by phone (booked three days before); she wrote a note only she can read.
		LocalDate past = LocalDate.now(clock.withZone(SlotService.BEIJING)).minusDays(9);
		long earlier = slot(li.get(), past, "19:00", "19:40", SlotMode.PHONE, null, "010-62345678", null, now.minus(java.time.Duration.ofDays(12)));
		book(earlier, "张伟", false, now.minus(java.time.Duration.ofDays(12))).ifPresent(b -> {
			bookings.move(b, BookingStatus.BOOKED, BookingStatus.DONE, now.minus(java.time.Duration.ofDays(9)));
			long member = bookings.findById(b).orElseThrow().memberId();
			notes.save(b, li.get(), member, cipher.encrypt("首次电话咨询。近期派件量大、夜间睡眠差，情绪尚稳定。讲解了放松呼吸练习，建议两周后复诊；如需面询可预约减压室。"),
					now.minus(java.time.Duration.ofDays(9)));
		});
	}

	private Optional<Long> profile(String username, Fields fields, List<Long> served, Instant now) {
		Optional<Long> account = jdbc.sql("select id from account where username = :u and role = 'COUNSELLOR'").param("u", username).query(Long.class)
			.optional();
		if (account.isEmpty()) {
			return Optional.empty();
		}
		Optional<Long> existing = counsellors.findByAccount(account.get()).map(CounsellorRepository.Counsellor::id);
		if (existing.isPresent()) {
			return existing;
		}
		long id = counsellors.insert(account.get(), fields, now);
		counsellors.replaceServed(id, served);
		return Optional.of(id);
	}

	private long slot(long counsellor, LocalDate day, String from, String to, SlotMode mode, Long site, String location, String link, Instant now) {
		Instant start = day.atTime(LocalTime.parse(from)).atZone(SlotService.BEIJING).toInstant();
		Instant end = day.atTime(LocalTime.parse(to)).atZone(SlotService.BEIJING).toInstant();
		return slots.insert(counsellor, start, end, mode, site, location, link, "demo", now);
	}

	private Optional<Long> book(long slot, String memberName, boolean discreet, Instant now) {
		return jdbc.sql("select id, employer_id, union_path from member where name = :n order by id").param("n", memberName)
			.query((rs, n) -> {
				long employer = rs.getLong("employer_id");
				return new Object[] { rs.getLong("id"), rs.wasNull() ? null : employer, rs.getString("union_path") };
			})
			.list().stream().findFirst()
			.filter(m -> slots.take(slot, now))
			.map(m -> bookings.insert(slot, (Long) m[0], (Long) m[1], (String) m[2], discreet, now));
	}

	private Optional<Long> org(String name) {
		return jdbc.sql("select id from organization where name = :n order by id").param("n", name).query(Long.class).list().stream().findFirst();
	}

	/** The day itself, or the Monday after a weekend: the room opens on working days. */
	private static LocalDate workday(LocalDate day) {
		if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
			return day.plusDays(2);
		}
		return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
	}
}
