package org.gonghui.facility.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The nearest index is plain Java (benchmarked without Spring); this makes it the module's one instance. */
@Configuration(proxyBeanMethods = false)
class FacilityConfiguration {

	@Bean
	SiteIndex siteIndex() {
		return new SiteIndex();
	}
}
