package org.gonghui.workplan;

/** {@link PlanContract} on the embedded H2 database. */
class PlanH2Tests extends PlanContract {
}
