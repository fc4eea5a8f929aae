package org.gonghui.member.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.gonghui.member.MemberStatus;
import org.gonghui.member.WorkForm;
import org.gonghui.shared.IdNumber;

/**
 * A union member. Personal identifiers are held three ways: ciphertext (the truth), keyed hash
 * (lookup and uniqueness) and masked text (everything that lists or exports).
 */
record Member(Long id, String name, IdNumber.Gender gender, String idNumberCipher, String idNumberHash, String idNumberMasked,
		String phoneCipher, String phoneHash, String phoneMasked, long unionId, Long employerId, WorkForm workForm, String occupation,
		String platformCompany, LocalDate joinDate, MemberStatus status, String cardNumber, Instant createdAt, Instant updatedAt,
		int version) {

	/** The fields a roster row can change; equal fingerprints mean "unchanged". */
	String fingerprint() {
		return String.join("|", name, gender.name(), String.valueOf(phoneHash), String.valueOf(unionId), String.valueOf(employerId),
				workForm.name(), String.valueOf(occupation), String.valueOf(platformCompany), joinDate.toString(), status.name());
	}
}
