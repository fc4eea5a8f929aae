package org.gonghui.care;

/** {@link AssessmentContract} on the embedded H2 database. */
class AssessmentH2Tests extends AssessmentContract {
}
