package org.gonghui.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.gonghui.TestOrganizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A write on this instance is found by the very next search, with the poll switched off (an hour apart) so that
 * nothing but the write request's own catch-up can have brought it in.
 */
@SpringBootTest(properties = "gonghui.search.refresh=PT1H")
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
class SearchFreshnessTests {

	private static final String PASSWORD = "gonghui-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchIndexMaintainer maintainer;

	@Test
	void aWriteThroughThisInstanceIsFoundByTheNextSearch() throws Exception {
		long id = TestOrganizations.id(jdbc, "泛华集团工会");
		try {
			rename(id, "泛华星河集团工会");
			assertThat(organizations("星河")).contains("泛华星河集团工会");
		}
		finally {
			rename(id, "泛华集团工会");
		}
		assertThat(organizations("星河")).doesNotContain("泛华星河集团工会");
		assertThat(organizations("泛华")).contains("泛华集团工会");
	}

	@Test
	void aWriteStraightIntoTheTableWaitsForThePoll() throws Exception {
		// What another instance writes comes by the poll only: this is what the test above would see without its catch-up.
		long id = TestOrganizations.id(jdbc, "泛华集团工会");
		try {
			jdbc.sql("update organization set name = '泛华银河集团工会', updated_at = :at where id = :id").param("at", Timestamp.from(Instant.now()))
				.param("id", id).update();
			assertThat(organizations("银河")).doesNotContain("泛华银河集团工会");
			maintainer.refresh();
			assertThat(organizations("银河")).contains("泛华银河集团工会");
		}
		finally {
			jdbc.sql("update organization set name = '泛华集团工会', updated_at = :at where id = :id").param("at", Timestamp.from(Instant.now()))
				.param("id", id).update();
			maintainer.refresh();
		}
		assertThat(organizations("银河")).doesNotContain("泛华银河集团工会");
	}

	private void rename(long id, String name) throws Exception {
		Map<String, Object> row = jdbc.sql("select org_level, org_type, address from organization where id = :id").param("id", id).query().singleRow();
		String address = row.get("address") == null ? "null" : "\"" + row.get("address") + "\"";
		mvc.perform(put("/api/organizations/{id}", id).with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"level\":\"" + row.get("org_level") + "\",\"type\":\"" + row.get("org_type") + "\",\"address\":"
					+ address + "}"))
			.andExpect(status().isOk());
	}

	private List<String> organizations(String q) throws Exception {
		String json = mvc.perform(get("/api/search").param("q", q).param("kind", "ORGANIZATION").param("size", "100").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(json, "$.results[*].title");
	}
}
