package org.gonghui.platform;

import java.util.Optional;

/** Who is calling, and the data scope that follows from it. Resolved per call from the security context. */
public interface CurrentUser {

	Optional<AccountRef> account();

	/** The caller's data scope; {@link DataScope#none()} for anonymous callers and workers. */
	DataScope scope();

	default boolean hasRole(Role role) {
		return account().map(a -> a.role() == role).orElse(false);
	}

	default String username() {
		return account().map(AccountRef::username).orElse("anonymous");
	}
}
