package org.gonghui.workplan;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A district of its own (测试区总工会 under 北京市总工会, streets 甲 and 乙, a grassroots union 甲一 under 甲) with a
 * few rows of every kind a metric counts, placed on both sides of the Beijing new year 2026 (16:00 UTC on 31
 * December), so that the contract can count them by hand. Rows are written by SQL, as the modules would have left
 * them; nothing here goes through a service.
 */
final class MetricFixture {

	/** 2026-01-01 00:30 in Beijing, still 2025 in UTC. */
	static final Instant NEW_YEAR_BEIJING = Instant.parse("2025-12-31T16:30:00Z");
	/** 2025-12-31 23:30 in Beijing. */
	static final Instant OLD_YEAR_BEIJING = Instant.parse("2025-12-31T15:30:00Z");

	final JdbcClient jdbc;
	final long district;
	final long streetA;
	final long streetB;
	final long unionA1;
	private final AtomicInteger serial = new AtomicInteger();

	MetricFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		long beijing = jdbc.sql("select id from organization where name = '北京市总工会'").query(Long.class).single();
		district = org("测试区总工会", beijing, "DISTRICT", "REGIONAL_FEDERATION");
		streetA = org("甲街道总工会", district, "STREET", "REGIONAL_FEDERATION");
		streetB = org("乙街道总工会", district, "STREET", "REGIONAL_FEDERATION");
		unionA1 = org("甲一基层工会", streetA, "GRASSROOTS", "WORKPLACE_UNION");
	}

	long org(String name, long parent, String level, String type) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into organization (parent_id, name, org_level, org_type, path, created_at, updated_at)"
				+ " values (:p, :n, :l, :t, '/0/', :now, :now)").param("p", parent).param("n", name).param("l", level).param("t", type)
			.param("now", now).update();
		long id = lastId("organization", name);
		jdbc.sql("update organization set path = (select p.path from organization p where p.id = :p) || cast(id as varchar(20)) || '/' where id = :id")
			.param("p", parent).param("id", id).update();
		return id;
	}

	private long lastId(String table, String name) {
		// Table names are this fixture's own constants.
		return jdbc.sql("select max(id) from " + table + " where name = :n").param("n", name).query(Long.class).single();
	}

	String path(long org) {
		return jdbc.sql("select path from organization where id = :id").param("id", org).query(String.class).single();
	}

	long site(long org, String type, String name, String status, LocalDate openedOn) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into site (organization_id, type, name, address, lat, lon, opening_hours, status, status_since, opened_on, is_public,"
				+ " revision, created_at, updated_at) values (:o, :t, :n, '测试地址', 39.85, 116.3, '00:00-24:00', :s, :since, :opened, true, 1, :now, :now)")
			.param("o", org).param("t", type).param("n", name).param("s", status).param("since", openedOn == null ? LocalDate.of(2026, 1, 1) : openedOn)
			.param("opened", openedOn).param("now", now).update();
		return lastId("site", name);
	}

	long employer(long org, String name, String ownership, int headcount, String status) {
		Timestamp now = Timestamp.from(Instant.now());
		String code = String.format("91110106MA%08d", 10000000 + serial.incrementAndGet());
		jdbc.sql("insert into employer (name, credit_code, ownership, headcount, organization_id, founding_status, founded_union_id, created_at, updated_at)"
				+ " values (:n, :c, :o, :h, :org, :s, :u, :now, :now)").param("n", name).param("c", code).param("o", ownership).param("h", headcount)
			.param("org", org).param("s", status).param("u", "FOUNDED".equals(status) ? unionA1 : null).param("now", now).update();
		return lastId("employer", name);
	}

	void founded(long employer, Instant at) {
		jdbc.sql("insert into employer_founding_event (employer_id, occurred_at, actor, actor_name, from_status, to_status, union_id)"
				+ " values (:e, :at, 'test', '测试', 'PREPARING', 'FOUNDED', :u)").param("e", employer).param("at", Timestamp.from(at)).param("u", unionA1)
			.update();
	}

	long member(long union, String name, String workForm, LocalDate joined, String status) {
		int n = serial.incrementAndGet();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into member (name, gender, id_number_cipher, id_number_hash, id_number_masked, union_id, work_form, join_date, status,"
				+ " card_number, created_at, updated_at, union_path) values (:n, 'MALE', 'x', :hash, '110105********0000', :u, :f, :j, :s, :card, :now, :now,"
				+ " (select path from organization where id = :u))").param("n", name).param("hash", String.format("%064d", 900000 + n))
			.param("u", union).param("f", workForm).param("j", joined).param("s", status).param("card", "GHTEST" + n).param("now", now).update();
		return lastId("member", name);
	}

	long packageItem(String name) {
		jdbc.sql("insert into welcome_package_item (district_id, name, created_at) values (:d, :n, :now)").param("d", district).param("n", name)
			.param("now", Timestamp.from(Instant.now())).update();
		return lastId("welcome_package_item", name);
	}

	void benefit(long member, long item, Instant fulfilledAt) {
		jdbc.sql("insert into member_benefit (member_id, item_id, status, granted_at, fulfilled_at) values (:m, :i, :s, :g, :f)").param("m", member)
			.param("i", item).param("s", fulfilledAt == null ? "PENDING" : "FULFILLED").param("g", Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")))
			.param("f", fulfilledAt == null ? null : Timestamp.from(fulfilledAt)).update();
	}

	long activity(long org, String kind, String title, String status, Instant... sessions) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into activity (organization_id, kind, title, capacity, waitlist_enabled, audience, status, created_by, created_at, updated_at)"
				+ " values (:o, :k, :t, 100, false, 'ORGANIZATION_SUBTREE', :s, 'test', :now, :now)").param("o", org).param("k", kind).param("t", title)
			.param("s", status).param("now", now).update();
		long id = jdbc.sql("select max(id) from activity where title = :t").param("t", title).query(Long.class).single();
		int position = 0;
		for (Instant start : sessions) {
			jdbc.sql("insert into activity_session (activity_id, title, type, starts_at, ends_at, position) values (:a, :t, 'LECTURE', :s, :e, :p)")
				.param("a", id).param("t", title + position).param("s", Timestamp.from(start)).param("e", Timestamp.from(start.plusSeconds(3600)))
				.param("p", position++).update();
		}
		// As ActivityRepository keeps it when it writes sessions.
		jdbc.sql("update activity set first_session_at = (select min(s.starts_at) from activity_session s where s.activity_id = :a) where id = :a")
			.param("a", id).update();
		return id;
	}

	long session(long activity, int position) {
		return jdbc.sql("select id from activity_session where activity_id = :a and position = :p").param("a", activity).param("p", position)
			.query(Long.class).single();
	}

	void checkIn(long activity, long session, Long member, String walkInName) {
		jdbc.sql("insert into check_in (activity_id, session_id, session_key, member_id, walk_in, walk_in_name, checked_in_by, checked_in_at)"
				+ " values (:a, :s, :s, :m, true, :n, 'test', :at)").param("a", activity).param("s", session).param("m", member).param("n", walkInName)
			.param("at", Timestamp.from(Instant.now())).update();
	}

	void caravan(long union, long activity) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into caravan_request (union_id, district_id, window_from, window_to, expected_participants, needs, contact_name, contact_phone,"
				+ " status, activity_id, requested_by, created_at, updated_at) values (:u, :d, :f, :t, 20, '减压', '联系人', '13800138000', 'SCHEDULED', :a,"
				+ " 'test', :now, :now)").param("u", union).param("d", district).param("f", LocalDate.of(2026, 1, 1)).param("t", LocalDate.of(2026, 12, 31))
			.param("a", activity).param("now", now).update();
	}

	long title(String name, String kind) {
		jdbc.sql("insert into honor_title (name, honor_level, kind, conferred_by, created_at) values (:n, 'DISTRICT', :k, '测试区总工会', :now)").param("n", name)
			.param("k", kind).param("now", Timestamp.from(Instant.now())).update();
		return jdbc.sql("select id from honor_title where name = :n").param("n", name).query(Long.class).single();
	}

	long honoree(long org, String name) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into honoree (organization_id, organization_path, name, summary, created_at, updated_at) values (:o, :p, :n, '事迹', :now, :now)")
			.param("o", org).param("p", path(org)).param("n", name).param("now", now).update();
		return lastId("honoree", name);
	}

	void honor(long honoree, long title, int year, String status) {
		jdbc.sql("insert into honor (honoree_id, title_id, conferred_year, status, created_at, created_by) values (:h, :t, :y, :s, :now, 'test')")
			.param("h", honoree).param("t", title).param("y", year).param("s", status).param("now", Timestamp.from(Instant.now())).update();
	}

	void assessment(long org, Instant at) {
		long account = jdbc.sql("select id from account where username = 'worker'").query(Long.class).single();
		jdbc.sql("insert into care_assessment (account_id, organization_path, instrument, answers_cipher, score, band, safety, taken_at)"
				+ " values (:a, :p, 'PHQ9', 'x', 3, 'MINIMAL', false, :at)").param("a", account).param("p", path(org)).param("at", Timestamp.from(at))
			.update();
	}

	/** A staff account of {@code org} with the demo password, for scope checks. */
	void staff(String username, long org) {
		String hash = jdbc.sql("select password_hash from account where username = 'fengtai'").query(String.class).single();
		jdbc.sql("insert into account (username, display_name, password_hash, role, organization_id, created_at) values (:u, :u, :h, 'STAFF', :o, :now)")
			.param("u", username).param("h", hash).param("o", org).param("now", Timestamp.from(Instant.now())).update();
	}
}
