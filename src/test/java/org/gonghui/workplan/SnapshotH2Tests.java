package org.gonghui.workplan;

/** {@link SnapshotContract} on the embedded H2 database. */
class SnapshotH2Tests extends SnapshotContract {
}
