package org.gonghui.activity;

/** A certificate is valid from issue until staff revoke it (with a reason); revoking is final. */
public enum CertificateStatus {
	VALID, REVOKED
}
