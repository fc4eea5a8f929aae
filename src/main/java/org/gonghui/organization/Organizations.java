package org.gonghui.organization;

import java.util.Optional;

/** The organization module's API for other modules. Every method applies the caller's data scope. */
public interface Organizations {

	/** The organisation, if it exists and lies in the caller's scope. */
	Optional<OrganizationSummary> findVisible(long id);
}
