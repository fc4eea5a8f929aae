package org.gonghui.activity;

/** {@link ActivityManagementContract} on the embedded H2 database. */
class ActivityManagementH2Tests extends ActivityManagementContract {
}
