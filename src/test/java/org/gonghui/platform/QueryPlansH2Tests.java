package org.gonghui.platform;

/** {@link QueryPlansContract} on the embedded H2, which has no plan cache setting: the call changes nothing. */
class QueryPlansH2Tests extends QueryPlansContract {

	@Override
	String setting() {
		return null;
	}
}
