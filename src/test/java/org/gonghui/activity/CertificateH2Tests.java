package org.gonghui.activity;

/** {@link CertificateContract} on the embedded H2 database. */
class CertificateH2Tests extends CertificateContract {
}
