package org.gonghui.organization;

/** {@link FoundingAndVisitsContract} on the embedded H2 database (PostgreSQL mode). */
class FoundingAndVisitsH2Tests extends FoundingAndVisitsContract {
}
