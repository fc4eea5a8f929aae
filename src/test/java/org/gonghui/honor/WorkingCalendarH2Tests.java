package org.gonghui.honor;

/** {@link WorkingCalendarContract} on the embedded H2 database. */
class WorkingCalendarH2Tests extends WorkingCalendarContract {
}
