package org.gonghui.organization.web;

import java.util.EnumSet;

import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganizationNavigation {

	private static final EnumSet<Role> STAFF = EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR, Role.COUNSELLOR);

	@Bean
	NavigationItem organizationsNavigation() {
		return new NavigationItem("nav.organizations", "/organizations", 100, STAFF);
	}

	@Bean
	NavigationItem employersNavigation() {
		return new NavigationItem("nav.employers", "/employers", 110, STAFF);
	}

	/** Counsellors may read visits (the page chain lets them), but the menu offers them only to those who record them. */
	@Bean
	NavigationItem visitsNavigation() {
		return new NavigationItem("nav.visits", "/visits", 120, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
	}
}
