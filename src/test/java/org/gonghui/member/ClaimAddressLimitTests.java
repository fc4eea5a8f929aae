package org.gonghui.member;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** One address may try a handful of claims an hour, whichever ID numbers it tries them for. */
@SpringBootTest(properties = "gonghui.account-claim.address-limit=3")
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
class ClaimAddressLimitTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theFourthClaimFromOneAddressIsRefused() throws Exception {
		for (int i = 0; i < 3; i++) {
			String id = MemberRegistryContract.validId("110106", "19800101", 301 + 2 * i);
			mvc.perform(MemberAccountWebTests.claim(id, "13911119999", "GH00000000000001", "Kuaidi-2026-spring")).andExpect(status().isBadRequest());
		}
		String id = MemberRegistryContract.validId("110106", "19800101", 311);
		mvc.perform(MemberAccountWebTests.claim(id, "13911119999", "GH00000000000001", "Kuaidi-2026-spring"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "3600"));
		// Another address is not slowed down by this one.
		mvc.perform(MemberAccountWebTests.claim(id, "13911119999", "GH00000000000001", "Kuaidi-2026-spring").with(r -> {
			r.setRemoteAddr("10.0.0.9");
			return r;
		})).andExpect(status().isBadRequest());
	}
}
