package org.gonghui.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gonghui.shared.OrgPath;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link Metric} given as two fixed SQL statements of the module that owns the rows, so that adding a metric is
 * one bean. Both statements may use these named parameters, always bound, never spliced:
 * <ul>
 * <li>{@code :scope} — {@code LIKE} pattern of the subtree's paths ({@code /1/3/%});</li>
 * <li>{@code :fromDate}, {@code :toDate} — the period's first and last Beijing day, for {@code date} columns
 * ({@code d between :fromDate and :toDate});</li>
 * <li>{@code :startAt}, {@code :endAt} — midnight Beijing time before the first and after the last day, for
 * timestamp columns ({@code t >= :startAt and t < :endAt});</li>
 * <li>{@code :fromYear}, {@code :toYear} — the calendar years the period touches, for year columns;</li>
 * <li>{@code :limit} — in the records statement;</li>
 * <li>and the metric's own fixed values (a site type, a work form).</li>
 * </ul>
 * The count statement returns one number. The records statement returns, in this order, {@code id, name,
 * organization_name, counted_on} (a date or a timestamp), and optionally {@code quantity}; {@code href} is the
 * page of one record with {@code {id}} in it, or null.
 */
public final class SqlMetric implements Metric {

	private final JdbcClient jdbc;
	private final String code;
	private final String labelKey;
	private final String unitKey;
	private final String countSql;
	private final String recordsSql;
	private final String href;
	private final Map<String, Object> values;
	private final int hiddenBelow;
	private final boolean stock;

	public SqlMetric(JdbcClient jdbc, String code, String labelKey, String unitKey, String countSql, String recordsSql, String href,
			Map<String, Object> values) {
		this.jdbc = jdbc;
		this.code = code;
		this.labelKey = labelKey;
		this.unitKey = unitKey;
		this.countSql = countSql;
		this.recordsSql = recordsSql;
		this.href = href;
		this.values = Map.copyOf(values);
		this.hiddenBelow = 0;
		this.stock = false;
	}

	private SqlMetric(SqlMetric metric, int hiddenBelow, boolean stock) {
		this.jdbc = metric.jdbc;
		this.code = metric.code;
		this.labelKey = metric.labelKey;
		this.unitKey = metric.unitKey;
		this.countSql = metric.countSql;
		this.recordsSql = metric.recordsSql;
		this.href = metric.href;
		this.values = metric.values;
		this.hiddenBelow = hiddenBelow;
		this.stock = stock;
	}

	/** The same metric with counts under {@code n} hidden wherever they are shown. */
	public SqlMetric hidingBelow(int n) {
		return new SqlMetric(this, n, stock);
	}

	/** The same metric as a {@linkplain Metric#stock() stock}: its count is a state on the period's last day. */
	public SqlMetric asStock() {
		return new SqlMetric(this, hiddenBelow, true);
	}

	@Override
	public boolean stock() {
		return stock;
	}

	@Override
	public int hiddenBelow() {
		return hiddenBelow;
	}

	@Override
	public String code() {
		return code;
	}

	@Override
	public String labelKey() {
		return labelKey;
	}

	@Override
	public String unitKey() {
		return unitKey;
	}

	@Override
	public long count(OrgPath subtree, Period period) {
		Number n = jdbc.sql(countSql).params(params(subtree, period, 0)).query(Number.class).single();
		return n == null ? 0 : n.longValue();
	}

	@Override
	public List<Counted> counted(OrgPath subtree, Period period, int limit) {
		if (recordsSql == null) {
			return List.of();
		}
		return jdbc.sql(recordsSql).params(params(subtree, period, limit)).query(this::counted).list();
	}

	@Override
	public boolean listsRecords() {
		return recordsSql != null;
	}

	private Map<String, Object> params(OrgPath subtree, Period period, int limit) {
		Map<String, Object> p = new HashMap<>(values);
		p.put("scope", subtree.subtreePattern());
		p.put("fromDate", period.from());
		p.put("toDate", period.to());
		p.put("startAt", Timestamp.from(period.start()));
		p.put("endAt", Timestamp.from(period.end()));
		p.put("fromYear", period.from().getYear());
		p.put("toYear", period.to().getYear());
		p.put("limit", limit);
		return p;
	}

	private Counted counted(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong(1);
		LocalDate on;
		if (rs.getMetaData().getColumnType(4) == Types.DATE) {
			java.sql.Date d = rs.getDate(4);
			on = d == null ? null : d.toLocalDate();
		}
		else {
			Timestamp t = rs.getTimestamp(4);
			on = t == null ? null : LocalDate.ofInstant(t.toInstant(), Period.BEIJING);
		}
		long quantity = rs.getMetaData().getColumnCount() >= 5 ? rs.getLong(5) : 1;
		return new Counted(id, rs.getString(2), rs.getString(3), on, quantity, href == null ? null : href.replace("{id}", Long.toString(id)));
	}

	@Override
	public String toString() {
		return "SqlMetric " + code;
	}
}
