package org.gonghui.activity;

/** {@link CheckInContract} on the embedded H2 database. */
class CheckInH2Tests extends CheckInContract {
}
