package org.gonghui.workplan;

/** {@link MetricContract} on the embedded H2 database. */
class MetricH2Tests extends MetricContract {
}
