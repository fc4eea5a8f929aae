package org.gonghui.platform.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Chinese by default whatever the browser says; {@code ?lang=en} switches and a cookie remembers it. The
 * controllers' mappings are looked up path first ({@link PatternFirstHandlerMapping}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(ZONE);
	}

	/** Controllers' mappings are looked up path first: see {@link PatternFirstHandlerMapping}. */
	@Bean
	WebMvcRegistrations patternFirstMappings() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PatternFirstHandlerMapping();
			}
		};
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("GONGHUI_LANG");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new PasswordChangeInterceptor());
	}
}
