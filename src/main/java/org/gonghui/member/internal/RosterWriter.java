package org.gonghui.member.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.gonghui.member.MemberJoined;
import org.gonghui.member.MemberStatus;
import org.gonghui.platform.AuditLog;
import org.gonghui.shared.PhoneNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a chunk of validated roster rows with a handful of statements instead of several per row:
 * one query finds the members the chunk already has (by 身份证号 hash), new members go in with one
 * multi-row insert, changed ones with one batched update, their history lines with one more insert.
 * Must run inside the caller's transaction, so the chunk lands whole or not at all; the importer falls
 * back to {@link MemberService#applyRosterRow} row by row when a chunk fails (a concurrent insert of
 * the same person, a changed version), so each row is still all or nothing.
 * <p>
 * The rules are those of {@link MemberService#applyRosterRow}: a person who is an active member of
 * another union is refused (转会 first); a person who left (or was transferred out) rejoins — the same
 * record active again in the target union, a REJOINED history line, an audit row, MemberJoined, counted
 * as created; an active member of the target union is updated, or unchanged (and nothing written) when
 * the fingerprints are equal; anyone else is created. Card numbers derive from the
 * id: on PostgreSQL the ids are taken from the identity sequence first, so each member is written once
 * with its final card number; elsewhere (H2) rows go in with a temporary number that is then replaced.
 */
@Component
class RosterWriter {

	static final String SOURCE = "roster import";

	private static final String MEMBER_COLUMNS = "name, gender, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash,"
			+ " phone_masked, union_id, union_path, employer_id, work_form, occupation, platform_company, join_date, status, card_number, created_at,"
			+ " updated_at, version";
	/** Rows per multi-row statement: stays under PostgreSQL's 32,767 bind parameters. */
	private static final int ROWS_PER_STATEMENT = 1000;

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final Sealer sealer;
	private final CardNumbers cards;
	private final ApplicationEventPublisher events;
	private volatile Boolean postgres;

	private final ImportSettings settings;

	private final AuditLog audit;

	RosterWriter(JdbcTemplate jdbc, Sealer sealer, CardNumbers cards, ApplicationEventPublisher events, ImportSettings settings, AuditLog audit) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.sealer = sealer;
		this.cards = cards;
		this.events = events;
		this.settings = settings;
		this.audit = audit;
	}

	/** A validated row with its lookup hashes. */
	record Prepared(RosterRowParser.Candidate row, String idHash, String phoneHash) {
	}

	/** A row refused while writing (the person belongs to another union). */
	record Refused(int rowNumber, RosterRowParser.Problem problem) {
	}

	record Outcome(int created, int updated, int unchanged, List<Refused> refused) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome write(long unionId, List<Prepared> rows, String actor, Instant now, LocalDate today) {
		if (isPostgres()) {
			// A table that grew fast since its statistics were taken (the first big import into a new registry)
			// makes the planner pick a sequential scan for the lookup by hash, and the import turns quadratic
			// until autovacuum analyses the table. The lookups here are by unique keys: index only, for this
			// transaction alone.
			jdbc.execute("set local enable_seqscan = off");
		}
		String unionPath = jdbc.queryForObject("select path from organization where id = ?", String.class, unionId);
		Map<String, Member> existing = existing(rows.stream().map(Prepared::idHash).toList());
		List<Member> inserts = new ArrayList<>();
		List<Member> updates = new ArrayList<>();
		List<Member> rejoins = new ArrayList<>();
		Map<Long, Long> previousUnions = new HashMap<>();
		List<Refused> refused = new ArrayList<>();
		int unchanged = 0;
		for (Prepared p : rows) {
			Member current = existing.get(p.idHash());
			if (current == null) {
				inserts.add(newMember(unionId, p, now, today));
				continue;
			}
			if (current.status() == MemberStatus.ACTIVE && current.unionId() != unionId) {
				refused.add(new Refused(p.row().rowNumber(),
						new RosterRowParser.Problem(RosterColumn.ID_NUMBER, "member.import.reason.otherUnion")));
				continue;
			}
			Member updated = updated(current, unionId, p, now, today);
			if (current.status() != MemberStatus.ACTIVE) {
				// Left or transferred out earlier: the same record becomes active again (REJOINED), counted as created.
				rejoins.add(updated);
				previousUnions.put(current.id(), current.unionId());
			}
			else if (updated.fingerprint().equals(current.fingerprint())) {
				unchanged++;
			}
			else {
				updates.add(updated);
			}
		}
		List<Long> createdIds = insert(inserts, unionPath);
		List<Member> changed = new ArrayList<>(updates);
		changed.addAll(rejoins);
		update(changed, unionPath);
		List<Object[]> history = new ArrayList<>(inserts.size() + changed.size());
		Timestamp at = Timestamp.from(now);
		for (long id : createdIds) {
			history.add(new Object[] { id, at, "JOINED", null, unionId, SOURCE, actor });
		}
		for (Member m : updates) {
			history.add(new Object[] { m.id(), at, "UPDATED", null, null, SOURCE, actor });
		}
		for (Member m : rejoins) {
			history.add(new Object[] { m.id(), at, "REJOINED", previousUnions.get(m.id()), unionId, SOURCE, actor });
			audit.record("member.rejoin", "member", m.id(), previousUnions.get(m.id()) + " → " + unionId + ", " + SOURCE);
		}
		insertRows("member_event", "member_id, occurred_at, kind, from_union_id, to_union_id, detail, actor",
				new int[] { Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR }, history);
		if (settings.publishMemberJoined()) {
			for (int i = 0; i < createdIds.size(); i++) {
				Member m = inserts.get(i);
				events.publishEvent(new MemberJoined(createdIds.get(i), unionId, m.workForm(), m.joinDate()));
			}
			for (Member m : rejoins) {
				events.publishEvent(new MemberJoined(m.id(), unionId, m.workForm(), m.joinDate()));
			}
		}
		return new Outcome(inserts.size() + rejoins.size(), updates.size(), unchanged, refused);
	}

	/**
	 * The row as {@link MemberService#applyRosterRow} takes it, blank optional cells filled from the
	 * registry (for the row-by-row path).
	 */
	MemberService.RosterRow resolve(RosterRowParser.Candidate c, Member current, long unionId, LocalDate today) {
		PhoneNumber phone = c.phone();
		if (phone == null && current != null && current.phoneCipher() != null) {
			phone = new PhoneNumber(sealer.open(current.phoneCipher()));
		}
		return new MemberService.RosterRow(c.name(), c.gender(), c.idNumber(), phone, employer(c, current, unionId), c.workForm(),
				c.occupation() != null || current == null ? c.occupation() : current.occupation(),
				c.platformCompany() != null || current == null ? c.platformCompany() : current.platformCompany(),
				c.joinDate() != null ? c.joinDate() : current != null ? current.joinDate() : today);
	}

	/** The members with these 身份证号 hashes, by hash. */
	Map<String, Member> existing(List<String> hashes) {
		if (hashes.isEmpty()) {
			return Map.of();
		}
		Map<String, Member> found = new HashMap<>();
		named.query("select " + MemberRepository.COLUMNS + " from member where id_number_hash in (:hashes)", Map.of("hashes", hashes),
				rs -> {
					Member m = MemberRepository.map(rs, 0);
					found.put(m.idNumberHash(), m);
				});
		return found;
	}

	private static Long employer(RosterRowParser.Candidate c, Member current, long unionId) {
		if (c.employerId() != null) {
			return c.employerId();
		}
		// Keep the employer only while the member stays in the same union: another union's employer is not theirs to keep.
		return current != null && current.unionId() == unionId ? current.employerId() : null;
	}

	private Member newMember(long unionId, Prepared p, Instant now, LocalDate today) {
		RosterRowParser.Candidate c = p.row();
		Sealer.Sealed id = sealer.seal(c.idNumber());
		Sealer.Sealed phone = sealer.seal(c.phone());
		return new Member(null, c.name(), c.gender(), id.cipher(), p.idHash(), id.masked(), phone.cipher(), p.phoneHash(), phone.masked(),
				unionId, c.employerId(), c.workForm(), c.occupation(), c.platformCompany(), c.joinDate() == null ? today : c.joinDate(),
				MemberStatus.ACTIVE, null, now, now, 0);
	}

	private Member updated(Member current, long unionId, Prepared p, Instant now, LocalDate today) {
		RosterRowParser.Candidate c = p.row();
		String phoneHash = c.phone() != null ? p.phoneHash() : current.phoneHash();
		boolean samePhone = Objects.equals(current.phoneHash(), phoneHash);
		Sealer.Sealed phone = samePhone ? new Sealer.Sealed(current.phoneCipher(), current.phoneHash(), current.phoneMasked()) : sealer.seal(c.phone());
		return new Member(current.id(), c.name(), c.gender(), current.idNumberCipher(), current.idNumberHash(), current.idNumberMasked(),
				phone.cipher(), phone.hash(), phone.masked(), unionId, employer(c, current, unionId), c.workForm(),
				c.occupation() != null ? c.occupation() : current.occupation(),
				c.platformCompany() != null ? c.platformCompany() : current.platformCompany(),
				c.joinDate() != null ? c.joinDate() : current.joinDate(), MemberStatus.ACTIVE, current.cardNumber(), current.createdAt(), now,
				current.version());
	}

	/** Inserts the members and returns their ids, in order. */
	private List<Long> insert(List<Member> members, String unionPath) {
		if (members.isEmpty()) {
			return List.of();
		}
		if (isPostgres()) {
			List<Long> ids = jdbc.queryForList("select nextval(pg_get_serial_sequence('member', 'id')) from generate_series(1, ?)", Long.class,
					members.size());
			List<Object[]> rows = new ArrayList<>(members.size());
			for (int i = 0; i < members.size(); i++) {
				Member m = members.get(i);
				rows.add(memberRow(ids.get(i), m, unionPath, cards.format(m.joinDate().getYear(), ids.get(i))));
			}
			insertRows("member", "id, " + MEMBER_COLUMNS, memberTypes(true), rows);
			return ids;
		}
		List<Object[]> rows = new ArrayList<>(members.size());
		String prefix = "Q" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36) + "-";
		for (int i = 0; i < members.size(); i++) {
			rows.add(memberRow(null, members.get(i), unionPath, prefix + i));
		}
		insertRows("member", MEMBER_COLUMNS, memberTypes(false), rows);
		Map<String, Member> inserted = existing(members.stream().map(Member::idNumberHash).toList());
		List<Long> ids = new ArrayList<>(members.size());
		List<Object[]> cardUpdates = new ArrayList<>(members.size());
		for (Member m : members) {
			long id = inserted.get(m.idNumberHash()).id();
			ids.add(id);
			cardUpdates.add(new Object[] { cards.format(m.joinDate().getYear(), id), id });
		}
		jdbc.batchUpdate("update member set card_number = ? where id = ?", cardUpdates, new int[] { Types.VARCHAR, Types.BIGINT });
		return ids;
	}

	private void update(List<Member> members, String unionPath) {
		if (members.isEmpty()) {
			return;
		}
		int[] counts = jdbc.batchUpdate("update member set name = ?, gender = ?, phone_cipher = ?, phone_hash = ?, phone_masked = ?, union_id = ?,"
				+ " union_path = ?, employer_id = ?, work_form = ?, occupation = ?, platform_company = ?, join_date = ?, status = ?, updated_at = ?,"
				+ " version = version + 1 where id = ? and version = ?", new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						Member m = members.get(i);
						ps.setString(1, m.name());
						ps.setString(2, m.gender().name());
						setString(ps, 3, m.phoneCipher());
						setString(ps, 4, m.phoneHash());
						setString(ps, 5, m.phoneMasked());
						ps.setLong(6, m.unionId());
						ps.setString(7, unionPath);
						if (m.employerId() == null) {
							ps.setNull(8, Types.BIGINT);
						}
						else {
							ps.setLong(8, m.employerId());
						}
						ps.setString(9, m.workForm().name());
						setString(ps, 10, m.occupation());
						setString(ps, 11, m.platformCompany());
						ps.setDate(12, Date.valueOf(m.joinDate()));
						ps.setString(13, m.status().name());
						ps.setTimestamp(14, Timestamp.from(m.updatedAt()));
						ps.setLong(15, m.id());
						ps.setInt(16, m.version());
					}

					@Override
					public int getBatchSize() {
						return members.size();
					}
				});
		for (int count : counts) {
			if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
				throw new OptimisticLockingFailureException("A member changed while the roster chunk was written");
			}
		}
	}

	private static Object[] memberRow(Long id, Member m, String unionPath, String card) {
		Object[] values = { m.name(), m.gender().name(), m.idNumberCipher(), m.idNumberHash(), m.idNumberMasked(), m.phoneCipher(),
				m.phoneHash(), m.phoneMasked(), m.unionId(), unionPath, m.employerId(), m.workForm().name(), m.occupation(), m.platformCompany(),
				Date.valueOf(m.joinDate()), m.status().name(), card, Timestamp.from(m.createdAt()), Timestamp.from(m.updatedAt()), m.version() };
		if (id == null) {
			return values;
		}
		Object[] withId = new Object[values.length + 1];
		withId[0] = id;
		System.arraycopy(values, 0, withId, 1, values.length);
		return withId;
	}

	private static int[] memberTypes(boolean withId) {
		int[] types = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
				Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR,
				Types.TIMESTAMP, Types.TIMESTAMP, Types.INTEGER };
		if (!withId) {
			return types;
		}
		int[] withIdTypes = new int[types.length + 1];
		withIdTypes[0] = Types.BIGINT;
		System.arraycopy(types, 0, withIdTypes, 1, types.length);
		return withIdTypes;
	}

	/**
	 * {@code insert into table (columns) values (?, ...), (?, ...)}: the statement text is made of
	 * constants and the row count only; every value is a bound parameter.
	 */
	private void insertRows(String table, String columns, int[] types, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
			List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
			String tuple = "(" + String.join(", ", Collections.nCopies(types.length, "?")) + ")";
			String sql = "insert into " + table + " (" + columns + ") values " + String.join(", ", Collections.nCopies(part.size(), tuple));
			jdbc.update(sql, ps -> {
				int index = 1;
				for (Object[] row : part) {
					for (int i = 0; i < types.length; i++) {
						bind(ps, index++, row[i], types[i]);
					}
				}
			});
		}
	}

	/** Typed setters: much cheaper per value than {@code setObject} when a statement binds 20,000 of them. */
	private static void bind(PreparedStatement ps, int index, Object value, int type) throws SQLException {
		if (value == null) {
			ps.setNull(index, type);
		}
		else if (value instanceof String text) {
			ps.setString(index, text);
		}
		else if (value instanceof Long number) {
			ps.setLong(index, number);
		}
		else if (value instanceof Integer number) {
			ps.setInt(index, number);
		}
		else if (value instanceof Timestamp timestamp) {
			ps.setTimestamp(index, timestamp);
		}
		else if (value instanceof Date date) {
			ps.setDate(index, date);
		}
		else {
			ps.setObject(index, value, type);
		}
	}

	private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.VARCHAR);
		}
		else {
			ps.setString(index, value);
		}
	}

	private boolean isPostgres() {
		Boolean pg = postgres;
		if (pg == null) {
			pg = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
				.contains("postgres"));
			postgres = pg;
		}
		return pg;
	}
}
