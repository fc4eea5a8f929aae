package org.gonghui.activity;

/** {@link ActivitySummaryContract} on the embedded H2 database. */
class ActivitySummaryH2Tests extends ActivitySummaryContract {
}
