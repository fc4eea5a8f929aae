package org.gonghui.honor;

/** {@link HonorRegistryContract} on the embedded H2 database. */
class HonorRegistryH2Tests extends HonorRegistryContract {
}
