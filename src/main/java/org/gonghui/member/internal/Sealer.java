package org.gonghui.member.internal;

import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.PhoneNumber;
import org.springframework.stereotype.Component;

/** Turns identifiers into what is stored: ciphertext, lookup hash and masked text. */
@Component
class Sealer {

	private final PersonalDataCipher cipher;

	Sealer(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	Sealed seal(IdNumber id) {
		return new Sealed(cipher.encrypt(id.value()), idHash(id), id.masked());
	}

	Sealed seal(PhoneNumber phone) {
		return phone == null ? new Sealed(null, null, null) : new Sealed(cipher.encrypt(phone.value()), phoneHash(phone), phone.masked());
	}

	String idHash(IdNumber id) {
		return cipher.lookupHash("id:" + id.value());
	}

	String phoneHash(PhoneNumber phone) {
		return cipher.lookupHash("phone:" + phone.value());
	}

	String open(String ciphertext) {
		return cipher.decrypt(ciphertext);
	}

	record Sealed(String cipher, String hash, String masked) {
	}
}
