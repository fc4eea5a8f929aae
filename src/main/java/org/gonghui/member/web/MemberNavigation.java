package org.gonghui.member.web;

import java.util.EnumSet;

import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemberNavigation {

	@Bean
	NavigationItem membersNavigation() {
		return new NavigationItem("nav.members", "/members", 200, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR, Role.COUNSELLOR));
	}

	/** 我的: the worker's home; the tiles on it are the other WORKER items of the same menu. */
	@Bean
	NavigationItem meNavigation() {
		return new NavigationItem("nav.me", "/me", 50, EnumSet.of(Role.WORKER));
	}
}
