package org.gonghui.platform;

/** What an account may do. Every account belongs to one organisation; see {@link DataScope}. */
public enum Role {
	/** Runs the platform; sees everything. */
	ADMIN,
	/** Staff of a federation (总工会): sees and manages the federation's subtree. */
	STAFF,
	/** Chair of a grassroots union (基层工会主席): sees the union's subtree. */
	UNION_CHAIR,
	/** Psychological counsellor attached to an organisation. */
	COUNSELLOR,
	/** A worker: sees only their own records and public information. */
	WORKER;

	public boolean isStaffLike() {
		return this != WORKER;
	}

	/** Roles an account of this role may hand out when it manages accounts. */
	public boolean mayGrant(Role role) {
		return switch (this) {
			case ADMIN -> true;
			case STAFF -> role != ADMIN;
			default -> false;
		};
	}
}
