package org.gonghui.platform;

import java.util.Set;

/**
 * The records of one module that the news desk may turn into a house-style draft in one click (a meeting, a
 * competition's results, a conferment); each module offering some declares one source bean, as it declares its
 * search source and metrics, so the news module never reads another module's tables nor depends on it.
 * <p>
 * A source answers in the caller's data scope and hands over only what may be printed: no ID numbers, no phones, no
 * sign-in names.
 */
public interface ReportSource {

	/** The record kinds this source tells of (MEETING, COMPETITION, …), each offered by one source only. */
	Set<String> kinds();

	/**
	 * The publishable facts of one record: {@link org.gonghui.shared.RecordNotFoundException} when there is no such
	 * record in the caller's scope, {@link org.gonghui.shared.InvalidInputException} on field {@code id} when there is
	 * nothing to report yet (a meeting not held, a competition without results, nobody conferred).
	 */
	ReportFacts facts(String kind, long id);

	/** The staff page of the record, where the editor goes back to when no draft could be made. */
	String page(String kind, long id);
}
