package org.gonghui.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.shared.PageResult;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log in table {@code audit_entry}. Writes join the caller's transaction, so an entry
 * exists exactly when the work it describes was committed.
 */
@Service
public class JdbcAuditLog implements AuditLog {

	private static final int MAX_DETAIL = 2000;

	private final JdbcClient jdbc;
	private final CurrentUser currentUser;
	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, @Lazy CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String action, String targetType, Object targetId, String detail) {
		DataScope scope = currentUser.scope();
		jdbc.sql("insert into audit_entry (occurred_at, actor, actor_org_path, action, target_type, target_id, detail)"
				+ " values (:at, :actor, :orgPath, :action, :type, :id, :detail)")
			.param("at", Timestamp.from(clock.instant()))
			.param("actor", actor())
			.param("orgPath", scope.rootPath().map(Object::toString).orElse(null))
			.param("action", action)
			.param("type", targetType)
			.param("id", targetId == null ? null : String.valueOf(targetId))
			.param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), MAX_DETAIL)))
			.update();
	}

	/**
	 * Who acted, as the log keeps it. A worker's username is their phone number, which the personal-data
	 * rules keep out of logs: such an actor is written masked with the account id, e.g. "139****9002 #42",
	 * which still tells two workers apart. Staff usernames are not personal data and stay as they are.
	 */
	private String actor() {
		return currentUser.account()
			.map(a -> org.gonghui.shared.PhoneNumber.parse(a.username()).map(p -> p.masked() + " #" + a.id()).orElse(a.username()))
			.orElse(currentUser.username());
	}

	/** Search for the admin page; every criterion is optional. Newest first. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public PageResult<AuditEntryView> search(AuditQuery query, PageResult.Request page) {
		String where = " where (cast(:actor as varchar) is null or actor = :actor) and (cast(:action as varchar) is null or action like :action)"
				+ " and (cast(:type as varchar) is null or target_type = :type) and (cast(:targetId as varchar) is null or target_id = :targetId)"
				+ " and (cast(:from as timestamp) is null or occurred_at >= :from) and (cast(:to as timestamp) is null or occurred_at < :to)";
		var count = bind(jdbc.sql("select count(*) from audit_entry" + where), query).query(Long.class).single();
		List<AuditEntryView> rows = bind(jdbc.sql("select * from audit_entry" + where + " order by occurred_at desc, id desc"
				+ " limit :limit offset :offset"), query)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new AuditEntryView(rs.getLong("id"), LocalDateTime.ofInstant(rs.getTimestamp("occurred_at").toInstant(), clock.getZone()), rs.getString("actor"),
					rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail")))
			.list();
		return new PageResult<>(rows, page.page(), page.size(), count);
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditQuery q) {
		ZoneId zone = clock.getZone();
		return spec.param("actor", blankToNull(q.actor()))
			.param("action", q.action() == null || q.action().isBlank() ? null : q.action().strip() + "%")
			.param("type", blankToNull(q.targetType()))
			.param("targetId", blankToNull(q.targetId()))
			.param("from", q.from() == null ? null : Timestamp.from(q.from().atStartOfDay(zone).toInstant()))
			.param("to", q.to() == null ? null : Timestamp.from(q.to().plusDays(1).atStartOfDay(zone).toInstant()));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	public record AuditQuery(String actor, String action, String targetType, String targetId, LocalDate from, LocalDate to) {
	}

	public record AuditEntryView(long id, LocalDateTime occurredAt, String actor, String action, String targetType, String targetId,
			String detail) {
	}
}
