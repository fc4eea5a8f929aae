package org.gonghui;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs a piece of a test as another demo account, for tests that cross the data-scope rule between users. */
public final class TestUsers {

	private TestUsers() {
	}

	public static <T> T runAs(UserDetailsService users, String username, Supplier<T> action) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
