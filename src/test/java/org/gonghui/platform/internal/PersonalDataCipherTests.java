package org.gonghui.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PersonalDataCipherTests {

	private static final byte[] KEY = new byte[32];
	static {
		Arrays.fill(KEY, (byte) 7);
	}

	private final AesGcmPersonalDataCipher cipher = new AesGcmPersonalDataCipher(KEY);

	@Test
	void encryptsWithAFreshNonceAndDecrypts() {
		String a = cipher.encrypt("11010519491231002X");
		String b = cipher.encrypt("11010519491231002X");
		assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("1949");
		assertThat(cipher.decrypt(a)).isEqualTo("11010519491231002X");
	}

	@Test
	void lookupHashIsStableAndKeyed() {
		assertThat(cipher.lookupHash("x")).isEqualTo(cipher.lookupHash("x")).hasSize(64);
		byte[] other = KEY.clone();
		other[0] = 8;
		assertThat(new AesGcmPersonalDataCipher(other).lookupHash("x")).isNotEqualTo(cipher.lookupHash("x"));
	}

	@Test
	void detectsTamperingAndWrongKeys() {
		String sealed = cipher.encrypt("secret");
		byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
		raw[raw.length - 1] ^= 1;
		String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(tampered));
		byte[] other = KEY.clone();
		other[5] = 1;
		assertThatIllegalStateException().isThrownBy(() -> new AesGcmPersonalDataCipher(other).decrypt(sealed));
		assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt("plain"));
	}

	@Test
	void refusesMissingDefaultOrWeakKeysOutsideTheDemo() {
		var config = new CryptoConfiguration();
		var production = new MockEnvironment();
		assertThatIllegalStateException().isThrownBy(() -> config.personalDataCipher("", production)).withMessageContaining("not set");
		assertThatIllegalStateException().isThrownBy(() -> config.personalDataCipher(CryptoConfiguration.DEVELOPMENT_KEY, production))
			.withMessageContaining("development key");
		assertThatIllegalStateException().isThrownBy(() -> config.personalDataCipher("c2hvcnQ=", production)).withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> config.personalDataCipher("not base64!", production));
		assertThatIllegalStateException()
			.isThrownBy(() -> config.personalDataCipher(Base64.getEncoder().encodeToString(new byte[32]), production));
		assertThat(config.personalDataCipher(Base64.getEncoder().encodeToString(KEY), production)).isNotNull();

		var demo = new MockEnvironment();
		demo.setActiveProfiles("demo");
		assertThat(config.personalDataCipher(CryptoConfiguration.DEVELOPMENT_KEY, demo)).isNotNull();
	}
}
