package org.gonghui.activity;

/** {@link RegistrationContract} on the embedded H2 database. */
class RegistrationH2Tests extends RegistrationContract {
}
