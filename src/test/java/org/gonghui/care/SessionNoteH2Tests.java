package org.gonghui.care;

/** {@link SessionNoteContract} on the embedded H2 database. */
class SessionNoteH2Tests extends SessionNoteContract {
}
