package org.gonghui.organization;

/** Where a worker finds their union: its name and address, and the federation above it. Public facts. */
public record UnionContact(long id, String name, String address, String parentName, String parentAddress) {
}
