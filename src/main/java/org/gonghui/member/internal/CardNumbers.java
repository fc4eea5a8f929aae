package org.gonghui.member.internal;

import java.util.Optional;

import org.gonghui.platform.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Member card numbers: {@code GH} + join year (4 digits) + member id (9 digits, zero-padded) + a Luhn
 * check digit, e.g. {@code GH20260000001234}. The QR code on the card carries the number and a short
 * keyed signature, so a staff scanner can tell a real card from a typed-up one.
 */
@Component
class CardNumbers {

	private final PersonalDataCipher cipher;

	CardNumbers(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	String format(int year, long memberId) {
		String body = String.format("%04d%09d", year, memberId);
		return "GH" + body + luhn(body);
	}

	static boolean isWellFormed(String number) {
		return number != null && number.matches("GH\\d{14}") && luhn(number.substring(2, 15)) == number.charAt(15) - '0';
	}

	/** What the card's QR code encodes. */
	String qrPayload(String cardNumber) {
		return "GONGHUI-CARD:" + cardNumber + ":" + signature(cardNumber);
	}

	/** The card number in a scanned payload, if the signature matches. */
	Optional<String> verify(String payload) {
		if (payload == null) {
			return Optional.empty();
		}
		String[] parts = payload.strip().split(":");
		if (parts.length != 3 || !parts[0].equals("GONGHUI-CARD") || !isWellFormed(parts[1])) {
			return Optional.empty();
		}
		return java.security.MessageDigest.isEqual(signature(parts[1]).getBytes(), parts[2].getBytes()) ? Optional.of(parts[1]) : Optional.empty();
	}

	private String signature(String cardNumber) {
		return cipher.lookupHash("card:" + cardNumber).substring(0, 12);
	}

	static int luhn(String digits) {
		int sum = 0;
		boolean dbl = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (dbl) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			dbl = !dbl;
		}
		return (10 - sum % 10) % 10;
	}
}
