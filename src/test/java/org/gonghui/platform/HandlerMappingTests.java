package org.gonghui.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Mappings are tried path first (a saving of the sign-up rush): the same handlers are chosen, and the
 * answers for a wrong method, an unsupported body type or an unknown path are Spring's as before.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
class HandlerMappingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theApplicationUsesThePathFirstMapping() {
		assertThat(mappings.getClass().getSimpleName()).isEqualTo("PatternFirstHandlerMapping");
	}

	@Test
	void pathVariablesMethodsAndBodyTypesChooseTheSameHandlers() throws Exception {
		var get = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/activities/7/registrations");
		var post = new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/activities/7/registrations");
		assertThat(handler(get)).isEqualTo("list");
		assertThat(handler(post)).isEqualTo("register");
	}

	@Test
	void wrongMethodUnsupportedBodyAndUnknownPathAnswerAsBefore() throws Exception {
		mvc.perform(delete("/api/activities/1/registrations").with(httpBasic("fengtai", "gonghui-demo"))).andExpect(status().isMethodNotAllowed());
		mvc.perform(post("/api/activities").with(httpBasic("fengtai", "gonghui-demo")).contentType(MediaType.TEXT_PLAIN).content("x"))
			.andExpect(status().isUnsupportedMediaType());
		mvc.perform(get("/api/no-such-thing/1").with(httpBasic("fengtai", "gonghui-demo"))).andExpect(status().isNotFound());
	}

	@Test
	void headAndOptionsAreAnsweredFromTheSameMappings() throws Exception {
		long activity = jdbc.sql("select min(id) from activity").query(Long.class).single();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head("/api/activities/" + activity)
			.with(httpBasic("admin", "gonghui-demo"))).andExpect(status().isOk());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options("/api/activities/" + activity + "/registrations")
			.with(httpBasic("admin", "gonghui-demo")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Allow",
					org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("GET"), org.hamcrest.Matchers.containsString("POST"))));
	}

	private String handler(jakarta.servlet.http.HttpServletRequest request) throws Exception {
		org.springframework.web.util.ServletRequestPathUtils.parseAndCache(request);
		var chain = mappings.getHandler(request);
		return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
	}
}
