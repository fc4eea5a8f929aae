package org.gonghui.activity;

/** {@link CompetitionContract} on the embedded H2 database. */
class CompetitionH2Tests extends CompetitionContract {
}
