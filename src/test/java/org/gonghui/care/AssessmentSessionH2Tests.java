package org.gonghui.care;

/** {@link AssessmentSessionContract} on the embedded H2 database. */
class AssessmentSessionH2Tests extends AssessmentSessionContract {
}
