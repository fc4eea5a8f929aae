package org.gonghui.honor;

/** {@link BookletContract} on the embedded H2 database. */
class BookletH2Tests extends BookletContract {
}
