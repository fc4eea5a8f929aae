package org.gonghui.member;

/** {@link ScopeByPathContract} on the embedded H2 database. */
class ScopeByPathH2Tests extends ScopeByPathContract {
}
