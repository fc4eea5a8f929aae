package org.gonghui.member;

/** {@link MemberRegistryContract} on the embedded H2 database. */
class MemberRegistryH2Tests extends MemberRegistryContract {
}
