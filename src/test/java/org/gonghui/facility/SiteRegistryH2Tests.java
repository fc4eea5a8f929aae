package org.gonghui.facility;

/** {@link SiteRegistryContract} on the embedded H2 database. */
class SiteRegistryH2Tests extends SiteRegistryContract {
}
