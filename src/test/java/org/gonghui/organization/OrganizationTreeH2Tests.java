package org.gonghui.organization;

/** {@link OrganizationTreeContract} on the embedded H2 database (PostgreSQL mode). */
class OrganizationTreeH2Tests extends OrganizationTreeContract {
}
