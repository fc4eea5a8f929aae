package org.gonghui.member.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.gonghui.member.MemberStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Roster files out: the import template and the .xlsx export of a filtered member list. The export
 * goes through {@link MemberService#export}, which applies the caller's scope, masks the identifiers
 * and writes the audit row.
 */
@Service
public class MemberExportService {

	/** Lines of the template's notes sheet. */
	private static final List<String> NOTES = List.of("member.import.template.note1", "member.import.template.note2",
			"member.import.template.note3", "member.import.template.note4", "member.import.template.note5", "member.import.template.note6",
			"member.import.template.note7", "member.import.template.note8", "member.import.template.note9");

	private final MemberService members;
	private final MessageSource messages;

	MemberExportService(MemberService members, MessageSource messages) {
		this.members = members;
		this.messages = messages;
	}

	public void template(OutputStream out) {
		List<String> notes = NOTES.stream().map(key -> messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE)).toList();
		try {
			RosterWorkbooks.template(out, notes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Builds the export in memory first (the service call may refuse: 404 for a union out of scope) and returns the bytes. */
	public byte[] export(String q, Long unionId, MemberStatus status) {
		List<MemberService.MemberView> rows = members.export(q, unionId, status);
		var out = new java.io.ByteArrayOutputStream();
		try {
			RosterWorkbooks.members(out, rows);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
