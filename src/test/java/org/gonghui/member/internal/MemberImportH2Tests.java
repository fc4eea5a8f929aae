package org.gonghui.member.internal;

/** {@link MemberImportContract} on the embedded H2 database (PostgreSQL mode). */
class MemberImportH2Tests extends MemberImportContract {
}
