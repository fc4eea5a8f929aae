package org.gonghui.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform needs to know about organisations (for accounts and data scope). Implemented by
 * the organization module, so the platform does not depend on it.
 */
public interface OrganizationDirectory {

	Optional<OrgRef> findById(long id);

	Map<Long, OrgRef> findAllById(Collection<Long> ids);

	/** Organisations without a parent, oldest first. */
	java.util.List<OrgRef> roots();

	/** The oldest organisation with exactly this name (for set-up and demo data; names repeat across the tree). */
	Optional<OrgRef> findByName(String name);

	/** Organisations in the scope whose name contains the text, for pickers; at most {@code limit}. */
	java.util.List<OrgRef> search(DataScope scope, String text, int limit);
}
