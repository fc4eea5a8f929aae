package org.gonghui.platform.internal;

import java.util.Arrays;
import java.util.Base64;

import org.gonghui.platform.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The personal-data key comes from {@code gonghui.crypto.key} (base64 of 32 bytes; environment
 * variable {@code GONGHUI_CRYPTO_KEY}). The embedded demo setup ships a well-known development key;
 * outside the {@code demo} profile the application refuses to start with it or without a key.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	/** Published in application.yml for the embedded demo; never valid in production. */
	static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdGk=";

	@Bean
	PersonalDataCipher personalDataCipher(@Value("${gonghui.crypto.key:}") String key, Environment environment) {
		boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
		if (key.isBlank()) {
			throw new IllegalStateException("gonghui.crypto.key (GONGHUI_CRYPTO_KEY) is not set: generate one with "
					+ "`openssl rand -base64 32` and keep it secret; without it personal data cannot be protected.");
		}
		if (DEVELOPMENT_KEY.equals(key.strip()) && !demo) {
			throw new IllegalStateException("gonghui.crypto.key is the published development key; set a real key "
					+ "(GONGHUI_CRYPTO_KEY, `openssl rand -base64 32`) outside the demo profile.");
		}
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(key.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("gonghui.crypto.key is not valid base64", e);
		}
		if (raw.length != 32) {
			throw new IllegalStateException("gonghui.crypto.key must decode to 32 bytes, not " + raw.length);
		}
		if (Arrays.equals(raw, new byte[32])) {
			throw new IllegalStateException("gonghui.crypto.key is all zeros");
		}
		return new AesGcmPersonalDataCipher(raw);
	}
}
