package org.gonghui.care.mutualaid.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gonghui.care.mutualaid.ClaimStatus;
import org.gonghui.platform.AuditLog;
import org.gonghui.shared.spreadsheet.SheetCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures per plan and term in the caller's subtree: members covered, contributions, claims by status, payouts, the
 * loss ratio (payouts / contributions) and the average days from submission to payout. Totals only: no member, no
 * amount of one claim, so a union sees how its plans run without seeing anybody's illness.
 */
@Service
public class AidFigures {

	private final JdbcClient jdbc;
	private final AidAccess access;
	private final AuditLog audit;

	AidFigures(JdbcClient jdbc, AidAccess access, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	/** {@code lossRatioBp}: payouts per contributions in basis points (null without contributions); {@code averageDaysToPayout} in tenths of a day. */
	public record Row(long planId, String planName, LocalDate termStartsOn, long membersCovered, long contributionFen, Map<ClaimStatus, Long> claims,
			long payoutFen, Integer lossRatioBp, Long averageDaysToPayoutTenths) {

		public long claimCount() {
			return claims.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private record Key(long planId, LocalDate term) {
	}

	@Transactional(readOnly = true)
	public List<Row> rows() {
		access.staff();
		String scope = access.scopePattern();
		Map<Key, Object[]> base = new LinkedHashMap<>();
		jdbc.sql("select p.id, p.name, e.term_starts_on, count(c.id) as covered, coalesce(sum(c.contribution_fen), 0) as fen from aid_cover c"
				+ " join aid_enrolment e on e.id = c.enrolment_id join aid_plan p on p.id = c.plan_id where c.union_path like :scope"
				+ " group by p.id, p.name, e.term_starts_on order by p.id, e.term_starts_on")
			.param("scope", scope)
			.query((rs, n) -> base.put(new Key(rs.getLong(1), rs.getDate(3).toLocalDate()),
					new Object[] { rs.getString(2), rs.getLong(4), rs.getLong(5) }))
			.list();
		Map<Key, Map<ClaimStatus, Long>> statuses = new LinkedHashMap<>();
		Map<Key, long[]> payouts = new LinkedHashMap<>();
		jdbc.sql("select c.plan_id, e.term_starts_on, c.status, c.payout_fen, c.submitted_at, c.paid_at from aid_claim c join aid_cover v on v.id = c.cover_id"
				+ " join aid_enrolment e on e.id = v.enrolment_id where c.union_path like :scope")
			.param("scope", scope)
			.query((rs, n) -> {
				Key k = new Key(rs.getLong(1), rs.getDate(2).toLocalDate());
				ClaimStatus s = ClaimStatus.valueOf(rs.getString(3));
				statuses.computeIfAbsent(k, x -> new EnumMap<>(ClaimStatus.class)).merge(s, 1L, Long::sum);
				if (s == ClaimStatus.PAID) {
					long[] p = payouts.computeIfAbsent(k, x -> new long[3]);
					p[0] += rs.getLong(4);
					p[1] += Duration.between(rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()).toHours();
					p[2]++;
				}
				return k;
			})
			.list();
		List<Row> rows = new ArrayList<>();
		base.forEach((k, v) -> {
			long contribution = (Long) v[2];
			long[] p = payouts.getOrDefault(k, new long[3]);
			Integer ratio = contribution == 0 ? null : (int) PayoutRules.ratio(p[0], 10_000, contribution);
			// Hours summed, shown as days to one decimal: 10 × hours / 24 / count, rounded.
			Long days = p[2] == 0 ? null : PayoutRules.ratio(p[1], 10, 24L * p[2]);
			Map<ClaimStatus, Long> counts = new EnumMap<>(ClaimStatus.class);
			for (ClaimStatus s : ClaimStatus.values()) {
				counts.put(s, statuses.getOrDefault(k, Map.of()).getOrDefault(s, 0L));
			}
			rows.add(new Row(k.planId(), (String) v[0], k.term(), (Long) v[1], contribution, counts, p[0], ratio, days));
		});
		return rows;
	}

	@Transactional
	public void export(OutputStream out) throws IOException {
		List<Row> rows = rows();
		Workbook workbook = new Workbook(out, "Gonghui", "1.0");
		Worksheet sheet = workbook.newWorksheet("互助保障统计");
		List<String> headers = new ArrayList<>(List.of("保障计划", "保障期起", "参保人数", "缴费（元）", "申请数"));
		String[] statusNames = { "已提交", "单位已审", "待上级审批", "待补材料", "已批准", "已给付", "未通过" };
		headers.addAll(List.of(statusNames));
		headers.addAll(List.of("给付（元）", "赔付率（%）", "平均给付天数"));
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, headers.get(c));
			sheet.style(0, c).bold().fillColor("DDEBF7").set();
			sheet.width(c, c == 0 ? 36 : 12);
		}
		int r = 1;
		for (Row row : rows) {
			int c = 0;
			SheetCells.write(sheet, r, c++, row.planName());
			sheet.value(r, c++, row.termStartsOn().toString());
			sheet.value(r, c++, row.membersCovered());
			sheet.value(r, c++, ClaimService.yuan(row.contributionFen()));
			sheet.value(r, c++, row.claimCount());
			for (ClaimStatus s : ClaimStatus.values()) {
				sheet.value(r, c++, row.claims().get(s));
			}
			sheet.value(r, c++, ClaimService.yuan(row.payoutFen()));
			sheet.value(r, c++, row.lossRatioBp() == null ? "" : ClaimService.yuan(row.lossRatioBp()));
			sheet.value(r, c, row.averageDaysToPayoutTenths() == null ? "" : row.averageDaysToPayoutTenths() / 10 + "." + row.averageDaysToPayoutTenths() % 10);
			r++;
		}
		workbook.finish();
		audit.record("aid.figures.export", "aid_plan", "figures", rows.size() + " rows");
	}

}
