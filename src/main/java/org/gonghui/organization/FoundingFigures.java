package org.gonghui.organization;

/**
 * Union coverage of an organisation's subtree (建会率): employers registered there, how many of them
 * have founded a union, and the workers they employ.
 */
public record FoundingFigures(long employers, long employersWithUnion, long employees) {
}
