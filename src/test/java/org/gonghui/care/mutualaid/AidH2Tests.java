package org.gonghui.care.mutualaid;

/** {@link AidContract} on the embedded H2 database. */
class AidH2Tests extends AidContract {
}
