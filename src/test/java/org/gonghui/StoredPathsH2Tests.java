package org.gonghui;

/** {@link StoredPathsContract} on the embedded H2 database. */
class StoredPathsH2Tests extends StoredPathsContract {
}
