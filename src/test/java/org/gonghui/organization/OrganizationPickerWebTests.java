package org.gonghui.organization;

import static org.gonghui.TestOrganizations.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live search behind every organisation picker: it proposes only what the caller may see, narrows to
 * a subtree inside the scope, caps its answer, and the public join picker shows unions only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class OrganizationPickerWebTests {

	private static final String PICKER = "/api/organizations/picker";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	@WithUserDetails("fengtai")
	void proposesOrganisationsInScopeByPartOfTheNameWithTheirPlaceInTheTree() throws Exception {
		mvc.perform(get(PICKER).param("q", "泛华"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("泛华集团工会"))
			.andExpect(jsonPath("$[0].id").value(id(jdbc, "泛华集团工会")))
			.andExpect(jsonPath("$[0].trail").value(containsString("丰台区总工会")));
		// Blank: the highest levels first, the caller's own federation at the top.
		mvc.perform(get(PICKER)).andExpect(jsonPath("$[0].name").value("丰台区总工会"));
		// Out of scope: 朝阳 is not proposed, whatever is typed.
		mvc.perform(get(PICKER).param("q", "朝阳")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
		// LIKE wildcards are text, not patterns.
		mvc.perform(get(PICKER).param("q", "%")).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	@WithUserDetails("fengtai")
	void unionKindProposesOnlyUnionsThatHoldMembersAndDistrictKindOnlyDistricts() throws Exception {
		mvc.perform(get(PICKER).param("kind", "UNION"))
			.andExpect(jsonPath("$[*].name", hasItem("泛华集团工会")))
			.andExpect(jsonPath("$[*].name", hasItem("丰台区新就业形态劳动者联合工会")))
			// Federations hold no members: not proposed (a district-level joint union is).
			.andExpect(jsonPath("$[*].name", not(hasItem("丰台区总工会"))))
			.andExpect(jsonPath("$[*].name", not(hasItem("六里桥街道总工会"))));
		mvc.perform(get(PICKER).param("kind", "DISTRICT")).andExpect(jsonPath("$[*].name", org.hamcrest.Matchers.contains("丰台区总工会")));
	}

	@Test
	@WithUserDetails("fengtai")
	void withinNarrowsToASubtreeInsideTheScopeOnly() throws Exception {
		long liuliqiao = id(jdbc, "六里桥街道总工会");
		mvc.perform(get(PICKER).param("within", String.valueOf(liuliqiao)))
			.andExpect(jsonPath("$[0].name").value("六里桥街道总工会"))
			.andExpect(jsonPath("$[*].name", not(hasItem("丰台区总工会"))));
		// A subtree outside the scope (朝阳) answers nothing rather than its organisations.
		mvc.perform(get(PICKER).param("within", String.valueOf(id(jdbc, "朝阳区总工会")))).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get(PICKER).param("within", "999999999")).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	@WithUserDetails("admin")
	void answersAreCappedAndBadParametersAreClearErrors() throws Exception {
		mvc.perform(get(PICKER).param("limit", "1000")).andExpect(jsonPath("$.length()", lessThanOrEqualTo(30)));
		mvc.perform(get(PICKER).param("kind", "EVERYTHING")).andExpect(status().isBadRequest());
		mvc.perform(get(PICKER).param("within", "abc")).andExpect(status().isBadRequest());
	}

	@Test
	void theJoinPickerIsPublicAndShowsUnionsOnlyTheStaffPickerIsNot() throws Exception {
		mvc.perform(get("/api/join/unions").param("q", "工会"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem("丰台区新就业形态劳动者联合工会")))
			.andExpect(jsonPath("$[*].name", not(hasItem("丰台区总工会"))))
			.andExpect(jsonPath("$[*].name", not(hasItem("北京市总工会"))));
		mvc.perform(get(PICKER)).andExpect(status().isUnauthorized());
		mvc.perform(get(PICKER).param("kind", "PUBLIC_UNION")).andExpect(status().isUnauthorized());
		mvc.perform(get(PICKER).with(httpBasic("worker", "gonghui-demo"))).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("fengtai")
	void aFormShowsTheNameOfItsChosenOrganisationAndNoListOfTheScope() throws Exception {
		mvc.perform(get("/sites/manage/new"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"organizationId-search\"")))
			.andExpect(content().string(containsString("data-url=\"/api/organizations/picker?kind=ANY\"")))
			.andExpect(content().string(not(containsString("<select id=\"organizationId\""))));
	}
}
