package org.gonghui.platform;

/**
 * Encrypts personal data at rest (AES-GCM) and derives keyed hashes for exact lookup (HMAC-SHA256),
 * with keys from configuration. Used for 身份证号 and other identifiers (DESIGN.md).
 */
public interface PersonalDataCipher {

	String encrypt(String plaintext);

	String decrypt(String ciphertext);

	/** A stable keyed hash for equality lookups; the same input gives the same hash. */
	String lookupHash(String plaintext);
}
