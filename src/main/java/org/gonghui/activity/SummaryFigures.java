package org.gonghui.activity;

import java.util.List;

/**
 * The figures of an activity's summary (the seed's visit that gathered nearly 60 workers from 京东快递 and
 * 良苑餐厅). {@code registered} counts the registrations that hold a seat (REGISTERED, OFFERED, ATTENDED,
 * NO_SHOW); {@code attended} the distinct people checked in, walk-ins included; {@code walkIns} the people
 * who came without a registration; {@code byEmployer} the people who came per employer, most first, the
 * ones who gave no employer last (name null). Counts only, never a person.
 */
public record SummaryFigures(int capacity, long registered, long attended, long noShows, long walkIns, long cancelled,
		List<EmployerCount> byEmployer) {

	public SummaryFigures {
		byEmployer = List.copyOf(byEmployer);
	}

	/** People who came from one employer; {@code employerName} null for those who gave none. */
	public record EmployerCount(String employerName, long people) {
	}
}
