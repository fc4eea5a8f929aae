package org.gonghui.honor.internal;

/** A stored supporting file as it is sent back: its display name, checked type and bytes. */
public record StoredFile(String fileName, String contentType, byte[] content) {
}
