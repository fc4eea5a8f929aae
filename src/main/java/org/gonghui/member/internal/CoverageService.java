package org.gonghui.member.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.organization.FoundingFigures;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage of an organisation's subtree, computed from live records by SQL aggregates: employers and
 * those with a union (建会率), members against employees (入会率), and gig workers who joined this year,
 * month by month. Nothing here is typed in.
 */
@Service
public class CoverageService {

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final Clock clock;

	CoverageService(JdbcClient jdbc, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Coverage coverage(long organizationId) {
		OrganizationSummary org = organizations.findVisible(organizationId)
			.orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
		FoundingFigures founding = organizations.visibleFoundingFigures(organizationId);
		// The subtree by the path kept on each member row (one bound prefix, however many unions lie below).
		String subtree = new org.gonghui.shared.OrgPath(org.path()).subtreePattern();
		int year = LocalDate.now(clock).getYear();
		long members = jdbc.sql("select count(*) from member where status = 'ACTIVE' and union_path like :u").param("u", subtree)
			.query(Long.class).single();
		long gigMembers = jdbc.sql("select count(*) from member where status = 'ACTIVE' and work_form = 'PLATFORM' and union_path like :u")
			.param("u", subtree).query(Long.class).single();
		long[] gigByMonth = new long[12];
		long[] allByMonth = new long[12];
		jdbc.sql("select extract(month from join_date) as m, work_form, count(*) as n from member where union_path like :u"
				+ " and join_date >= :from and join_date < :to group by extract(month from join_date), work_form")
			.param("u", subtree)
			.param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
			.param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
			.query((rs, n) -> {
				int month = rs.getInt("m") - 1;
				long count = rs.getLong("n");
				allByMonth[month] += count;
				if ("PLATFORM".equals(rs.getString("work_form"))) {
					gigByMonth[month] += count;
				}
				return null;
			})
			.list();
		List<MonthFigure> months = new ArrayList<>();
		long gigThisYear = 0;
		for (int m = 0; m < 12; m++) {
			months.add(new MonthFigure(m + 1, allByMonth[m], gigByMonth[m]));
			gigThisYear += gigByMonth[m];
		}
		return new Coverage(org.id(), org.name(), year, founding.employers(), founding.employersWithUnion(),
				rate(founding.employersWithUnion(), founding.employers()), founding.employees(), members, rate(members, founding.employees()),
				gigMembers, gigThisYear, months);
	}

	/** A share in percent with one decimal, or null when there is nothing to divide by. */
	static Double rate(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
	}

	public record Coverage(long organizationId, String organizationName, int year, long employers, long employersWithUnion,
			Double unionFoundingRate, long employees, long members, Double membershipRate, long gigWorkerMembers,
			long gigWorkersJoinedThisYear, List<MonthFigure> monthly) {
	}

	public record MonthFigure(int month, long membersJoined, long gigWorkersJoined) {
	}
}
