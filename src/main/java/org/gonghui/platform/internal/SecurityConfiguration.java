package org.gonghui.platform.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains: the JSON API (HTTP Basic or the page session, 401 instead of a redirect), the
 * OpenAPI documentation (Swagger UI needs inline styles), and the pages (form login, CSRF, strict CSP).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Scripts and styles come from this origin only; the pages use no inline script or style. */
	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** Public forms of the API (no session to protect, so no CSRF token): joining and opening one's own account. */
	private static final java.util.Set<String> PUBLIC_POSTS = java.util.Set.of("/api/join-applications", "/api/me/account");

	private static final String[] STAFF_ROLES = { "ADMIN", "STAFF", "UNION_CHAIR", "COUNSELLOR" };

	/**
	 * No Micrometer observation around every security filter, authentication and authorisation: the
	 * application exports no metrics or traces, and the wrapping cost about a tenth of the CPU of an API
	 * request (Java Flight Recorder, sign-up rush, docs/benchmarks.md). Requests themselves are still
	 * observed ({@code http.server.requests}).
	 */
	@Bean
	static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value("${gonghui.security.bcrypt-strength:12}") int strength) {
		return new BCryptPasswordEncoder(strength);
	}

	/**
	 * The public nearest-site search: the busiest endpoint, with no account, session or state to protect.
	 * A chain of its own keeps it to the filters that matter (headers, authorisation) instead of the
	 * session, CSRF, request-cache and Basic machinery of the API chain.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain publicSearchChain(HttpSecurity http) throws Exception {
		http.securityMatcher(request -> "GET".equals(request.getMethod())
				&& "/api/sites/nearest".equals(request.getRequestURI().substring(request.getContextPath().length())))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(
					new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
		// Scripts sending Basic credentials carry no cookies, so CSRF cannot reach them; calls made with
		// the page session still need the token.
		RequestMatcher basicAuth = request -> {
			String header = request.getHeader("Authorization");
			return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
		};
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/join-applications", "/api/me/account").permitAll()
				// Workers find sites without an account; the service shows a non-public site only to staff in scope.
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/sites/nearest", "/api/sites/{id:\\d+}").permitAll()
				// The join form's union picker: names of unions that take members, as the form itself shows them.
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/join/unions").permitAll()
				// The showcase (风采) of honorees marked public; the service shows nothing else.
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/public/**").permitAll()
				// Counting working days holds no personal data; editing the calendar is for administrators (the service checks).
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/working-days", "/api/calendar/*").permitAll()
				// Anyone may object to a candidate on public notice, under real name and phone; the service limits the rate.
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/notices/{id:\\d+}/objections").permitAll()
				// Self-assessment and its follow-ups: the services decide who may see what (the worker, the chosen counsellor; counts for staff).
				.requestMatchers("/api/assessments/**", "/api/assessments", "/api/care/**", "/api/follow-ups/**", "/api/follow-ups").authenticated()
				// Counsellors, slots and bookings: workers book their own, counsellors keep their desk, staff manage profiles in scope (the services decide).
				.requestMatchers("/api/counsellors", "/api/counsellors/**", "/api/slots/**", "/api/bookings", "/api/bookings/**").authenticated()
				.requestMatchers("/api/campaigns/**", "/api/nominations/**", "/api/notices/**", "/api/objections/**").hasAnyRole("ADMIN", "STAFF", "UNION_CHAIR")
				.requestMatchers("/api/honorees/**", "/api/honours/**", "/api/booklets/**").hasAnyRole(STAFF_ROLES)
				.requestMatchers("/api/sites/**").hasAnyRole(STAFF_ROLES)
				// Published rankings and results are public, like the results page; judging and management are not.
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/competitions/*/rounds/*/ranking", "/api/competitions/*/results")
				.permitAll()
				// Workers see open activities and register themselves; the services tell staff work from a worker's own.
				.requestMatchers("/api/activities/**", "/api/registrations/**", "/api/me/**").authenticated()
				// Staff in scope, or the holder for their own PDF: the certificate service decides.
				.requestMatchers("/api/certificates/**").authenticated()
				.requestMatchers("/api/accounts/**").hasAnyRole("ADMIN", "STAFF")
				// The staff search answers within the caller's scope (the service puts it into the query); the public one is under /api/public.
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/search").hasAnyRole(STAFF_ROLES)
				.requestMatchers("/api/members/**", "/api/join-applications/**", "/api/welcome-packages/**").hasAnyRole(STAFF_ROLES)
				.requestMatchers("/api/organizations/**", "/api/employers/**", "/api/visits/**").hasAnyRole(STAFF_ROLES)
				// Work plans, meetings, dashboards and the standardisation assessment: union staff only (the services check the scope).
				.requestMatchers("/api/metrics", "/api/metrics/**", "/api/meetings", "/api/meetings/**", "/api/plans", "/api/plans/**", "/api/standards",
						"/api/standards/**").hasAnyRole("ADMIN", "STAFF", "UNION_CHAIR")
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName("Gonghui"))
			// The public join endpoint has no session to protect; everything else keeps CSRF unless Basic.
			.csrf(csrf -> csrf.ignoringRequestMatchers(basicAuth, request -> isPublicPost(request.getRequestURI().substring(request.getContextPath().length()))))
			.exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"Gonghui\"");
				new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED).commence(request, response, e);
			}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; style-src 'self' 'unsafe-inline'; "
						+ "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
		var failure = new ExceptionMappingAuthenticationFailureHandler();
		failure.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		failure.setDefaultFailureUrl("/login?error");
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
						"/actuator/health", "/actuator/health/**", "/join", "/join/**", "/privacy", "/me/claim")
				.permitAll()
				.requestMatchers("/audit/**").hasRole("ADMIN")
				.requestMatchers("/sites/manage", "/sites/manage/**").hasAnyRole(STAFF_ROLES)
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/sites", "/sites/{id:\\d+}", "/sites/{id:\\d+}/photos/*",
						"/sites/feedback/*/photo")
				.permitAll()
				// The QR code on a certificate opens this page; it shows a masked name only and is rate-limited per address.
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/verify/certificates/*", "/competitions", "/competitions/*/results").permitAll()
				.requestMatchers("/accounts/**").hasAnyRole("ADMIN", "STAFF")
				.requestMatchers("/organizations/**", "/employers/**", "/visits/**", "/members/**", "/honorees", "/honorees/**", "/booklets", "/booklets/**").hasAnyRole(STAFF_ROLES)
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/showcase", "/showcase/*", "/showcase/*/photo").permitAll()
				// The search page: public records for everyone, the caller's scope for staff (the service decides).
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/search").permitAll()
				// Published news (资讯), its tags and Atom feed; the service shows published articles only.
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/news", "/news/**").permitAll()
				// Public notices (公示) and the objection form on them; the service shows open notices only.
				.requestMatchers("/gongshi", "/gongshi/*", "/gongshi/*/objection").permitAll()
				.requestMatchers("/campaigns", "/campaigns/**", "/nominations/**", "/notices/**", "/calendar", "/calendar/**").hasAnyRole("ADMIN", "STAFF", "UNION_CHAIR")
				.requestMatchers("/activities/*/check-in", "/activities/*/check-in/**", "/activities/manage", "/activities/manage/**")
				.hasAnyRole(STAFF_ROLES)
				// Care appointments: staff manage counsellors, the counsellor keeps a desk, workers book on their phone.
				.requestMatchers("/care/counsellors/manage", "/care/counsellors/manage/**").hasAnyRole("ADMIN", "STAFF")
				.requestMatchers("/care/desk", "/care/desk/**").hasRole("COUNSELLOR")
				.requestMatchers("/care/counsellors", "/care/slots/**", "/care/appointments", "/care/appointments/**").hasRole("WORKER")
				.requestMatchers("/aid/my", "/aid/my/**").hasRole("WORKER")
				.requestMatchers("/aid/plans", "/aid/plans/**", "/aid/enrolments/**", "/aid/claims", "/aid/claims/**", "/aid/figures", "/aid/figures.*")
				.hasAnyRole("ADMIN", "STAFF", "UNION_CHAIR")
				.requestMatchers("/workplan", "/workplan/**").hasAnyRole("ADMIN", "STAFF", "UNION_CHAIR")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failure).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("geolocation=(self), camera=(self), microphone=()"))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/** Public forms posted without a session: nothing for a forged request to ride on. */
	static boolean isPublicPost(String path) {
		return PUBLIC_POSTS.contains(path) || path.matches("/api/notices/\\d+/objections");
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}
