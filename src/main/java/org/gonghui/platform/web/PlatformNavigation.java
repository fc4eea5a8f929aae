package org.gonghui.platform.web;

import java.util.EnumSet;

import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformNavigation {

	@Bean
	NavigationItem accountsNavigation() {
		return new NavigationItem("nav.accounts", "/accounts", 900, EnumSet.of(Role.ADMIN, Role.STAFF));
	}

	@Bean
	NavigationItem auditNavigation() {
		return new NavigationItem("nav.audit", "/audit", 910, EnumSet.of(Role.ADMIN));
	}
}
