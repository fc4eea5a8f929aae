package org.gonghui.organization;

/** An employer as other modules see it. */
public record EmployerSummary(long id, String name, String creditCode, Ownership ownership, int headcount, long organizationId) {
}
