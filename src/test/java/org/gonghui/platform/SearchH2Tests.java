package org.gonghui.platform;

/** {@link SearchContract} on the embedded H2 database. */
class SearchH2Tests extends SearchContract {
}
