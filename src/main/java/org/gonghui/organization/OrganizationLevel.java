package org.gonghui.organization;

/**
 * Level of a union body, from the national federation down to a grassroots union. A child is never
 * at a higher level than its parent (industry unions sit at their federation's level).
 */
public enum OrganizationLevel {
	NATIONAL, PROVINCIAL, MUNICIPAL, DISTRICT, STREET, GRASSROOTS;

	public boolean mayContain(OrganizationLevel child) {
		return child.ordinal() >= ordinal();
	}
}
