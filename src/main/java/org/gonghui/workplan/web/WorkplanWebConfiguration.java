package org.gonghui.workplan.web;

import java.util.EnumSet;
import java.util.Set;

import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The work plan's place in the staff navigation: the dashboard first, then plans and meetings. */
@Configuration(proxyBeanMethods = false)
class WorkplanWebConfiguration {

	static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR);

	@Bean
	NavigationItem workplanDashboardNavigation() {
		return new NavigationItem("nav.workplanDashboard", "/workplan/dashboard", 640, STAFF);
	}

	@Bean
	NavigationItem workplanPlansNavigation() {
		return new NavigationItem("nav.workplanPlans", "/workplan/plans", 641, STAFF);
	}

	@Bean
	NavigationItem workplanMeetingsNavigation() {
		return new NavigationItem("nav.workplanMeetings", "/workplan/meetings", 642, STAFF);
	}
}
