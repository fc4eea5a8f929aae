package org.gonghui.workplan.standard.internal;

/** An evidence file as stored: its display name, the type read from its content, the bytes. */
public record EvidenceFile(String fileName, String fileType, byte[] content) {
}
