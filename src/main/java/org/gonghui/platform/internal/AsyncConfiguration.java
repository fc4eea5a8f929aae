package org.gonghui.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Asynchronous event listeners (Spring Modulith's {@code @ApplicationModuleListener}) and background
 * jobs run on Spring Boot's task executor and scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class AsyncConfiguration {
}
