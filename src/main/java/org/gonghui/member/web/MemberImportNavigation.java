package org.gonghui.member.web;

import java.util.EnumSet;

import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemberImportNavigation {

	@Bean
	NavigationItem memberImportNavigationItem() {
		return new NavigationItem("nav.memberImport", "/members/import", 210, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR, Role.COUNSELLOR));
	}
}
