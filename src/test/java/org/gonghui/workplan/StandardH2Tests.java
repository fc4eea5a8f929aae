package org.gonghui.workplan;

/** {@link StandardContract} on the embedded H2 database. */
class StandardH2Tests extends StandardContract {
}
