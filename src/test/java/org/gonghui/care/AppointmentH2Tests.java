package org.gonghui.care;

/** {@link AppointmentContract} on the embedded H2 database. */
class AppointmentH2Tests extends AppointmentContract {
}
