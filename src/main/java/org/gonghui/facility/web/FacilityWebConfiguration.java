package org.gonghui.facility.web;

import java.util.EnumSet;

import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MapTiles.class)
class FacilityWebConfiguration {

	@Bean
	NavigationItem nearestSitesNavigation() {
		return new NavigationItem("nav.sites.nearest", "/sites", 300, EnumSet.allOf(Role.class));
	}

	@Bean
	NavigationItem manageSitesNavigation() {
		return new NavigationItem("nav.sites.manage", "/sites/manage", 310, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR, Role.COUNSELLOR));
	}
}
