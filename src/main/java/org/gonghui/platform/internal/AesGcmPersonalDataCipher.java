package org.gonghui.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.gonghui.platform.PersonalDataCipher;

/**
 * AES-256-GCM with a random 96-bit nonce per value (stored as {@code v1:base64(nonce|ciphertext|tag)}),
 * and HMAC-SHA256 under a separate derived key for lookup hashes. The version prefix leaves room to
 * rotate keys later.
 */
class AesGcmPersonalDataCipher implements PersonalDataCipher {

	private static final String PREFIX = "v1:";
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;
	private final SecretKeySpec hashKey;
	private final SecureRandom random = new SecureRandom();

	AesGcmPersonalDataCipher(byte[] masterKey) {
		if (masterKey.length != 32) {
			throw new IllegalArgumentException("The encryption key must be 32 bytes (256 bits)");
		}
		this.encryptionKey = new SecretKeySpec(derive(masterKey, "gonghui-encryption"), "AES");
		this.hashKey = new SecretKeySpec(derive(masterKey, "gonghui-lookup-hash"), "HmacSHA256");
	}

	@Override
	public String encrypt(String plaintext) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Encryption failed", e);
		}
	}

	@Override
	public String decrypt(String ciphertext) {
		if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Unknown ciphertext format");
		}
		try {
			byte[] in = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Decryption failed: wrong key or tampered value", e);
		}
	}

	@Override
	public String lookupHash(String plaintext) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return HexFormat.of().formatHex(mac.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Hashing failed", e);
		}
	}

	/** Separate keys for separate purposes, derived from the one configured key (HMAC as a KDF). */
	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
