package org.gonghui.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.TestOrganizations.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.gonghui.platform.internal.AccountService;
import org.gonghui.platform.internal.AccountService.AccountChange;
import org.gonghui.platform.internal.AccountService.NewAccount;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** Account management within the data scope, password rules, lock-out and the audit log page. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Transactional
class AccountManagementTests {

	@Autowired
	AccountService accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Test
	@WithUserDetails("fengtai")
	void staffSeeAndManageAccountsInTheirSubtreeOnly() {
		var names = accounts.list(null, new PageResult.Request(0, 100)).content().stream().map(a -> a.username()).toList();
		assertThat(names).contains("fengtai", "fanhua").doesNotContain("chaoyang", "admin", "beijing", "worker");
		long chaoyang = accountId("chaoyang");
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> accounts.get(chaoyang));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> accounts.resetPassword(chaoyang, "a-long-password-1"));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> accounts.unlock(chaoyang));

		long fengtai = id(jdbc, "六里桥街道总工会");
		long created = accounts.create(new NewAccount(" LiuLiQiao ", "六里桥街道工作人员", "a-long-password-1", Role.STAFF, fengtai));
		assertThat(accounts.get(created).username()).isEqualTo("liuliqiao");
		assertThat(jdbc.sql("select password_hash from account where id = :id").param("id", created).query(String.class).single())
			.startsWith("$2").doesNotContain("a-long-password-1");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.create' and target_id = :id")
			.param("id", String.valueOf(created)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@WithUserDetails("fengtai")
	void badAccountInputIsRejectedAndNothingStored() {
		long fengtai = id(jdbc, "丰台区总工会");
		long before = count();
		assertProblem(() -> accounts.create(new NewAccount("x", "名", "a-long-password-1", Role.STAFF, fengtai)), "username", "account.username.invalid");
		assertProblem(() -> accounts.create(new NewAccount("<script>", "名", "a-long-password-1", Role.STAFF, fengtai)), "username", "account.username.invalid");
		assertProblem(() -> accounts.create(new NewAccount("chaoyang", "名", "a-long-password-1", Role.STAFF, fengtai)), "username", "account.username.taken");
		assertProblem(() -> accounts.create(new NewAccount("newstaff", "名", "short", Role.STAFF, fengtai)), "password", "account.password.length");
		assertProblem(() -> accounts.create(new NewAccount("newstaff", "名", "my-newstaff-pass", Role.STAFF, fengtai)), "password", "account.password.containsUsername");
		assertProblem(() -> accounts.create(new NewAccount("newstaff", "名", "a-long-password-1", Role.ADMIN, fengtai)), "role", "account.role.notAllowed");
		assertProblem(() -> accounts.create(new NewAccount("newstaff", "名", "a-long-password-1", Role.STAFF, id(jdbc, "朝阳区总工会"))),
				"organizationId", "account.organization.outOfScope");
		assertProblem(() -> accounts.create(new NewAccount("newstaff", " ", "a-long-password-1", Role.STAFF, fengtai)), "displayName", "validation.required");
		assertProblem(() -> accounts.create(new NewAccount("newstaff", "名".repeat(51), "a-long-password-1", Role.STAFF, fengtai)), "displayName", "validation.tooLong");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	@WithUserDetails("fengtai")
	void staffCannotLockThemselvesOutOrPromoteThemselves() {
		long self = accountId("fengtai");
		var me = accounts.get(self);
		assertProblem(() -> accounts.update(self, new AccountChange(me.displayName(), Role.STAFF, me.organizationId(), false, me.version())), null,
				"account.self.change");
		assertProblem(() -> accounts.update(self, new AccountChange(me.displayName(), Role.ADMIN, me.organizationId(), true, me.version())), "role",
				"account.role.notAllowed");
	}

	@Test
	@WithUserDetails("fanhua")
	void unionChairsDoNotManageAccounts() throws Exception {
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> accounts.list(null, new PageResult.Request(0, 10)));
		mvc.perform(get("/accounts")).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("fengtai")
	void accountPagesHonourTheScope() throws Exception {
		mvc.perform(get("/accounts")).andExpect(status().isOk()).andExpect(content().string(containsString("fanhua")))
			.andExpect(content().string(not(containsString("chaoyang"))));
		mvc.perform(get("/accounts/" + accountId("chaoyang"))).andExpect(status().isNotFound());
		mvc.perform(post("/accounts/" + accountId("chaoyang") + "/password").with(csrf()).param("password", "a-long-password-1"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/accounts").with(csrf()).param("username", "pageuser").param("displayName", "页面用户").param("password", "short")
			.param("role", "WORKER").param("organizationId", String.valueOf(id(jdbc, "丰台区总工会"))))
			.andExpect(status().isOk()).andExpect(content().string(containsString("密码长度须为")));
	}

	@Test
	void repeatedFailedLoginsLockTheAccount() throws Exception {
		jdbc.sql("update account set failed_attempts = 0, locked_until = null where username = 'yanqing'").update();
		for (int i = 0; i < 5; i++) {
			mvc.perform(get("/api/organizations").with(httpBasic("yanqing", "wrong-" + i))).andExpect(status().isUnauthorized());
		}
		// Even the right password is refused while the lock holds.
		mvc.perform(get("/api/organizations").with(httpBasic("yanqing", "gonghui-demo"))).andExpect(status().isUnauthorized());
		mvc.perform(post("/login").with(csrf()).param("username", "yanqing").param("password", "gonghui-demo"))
			.andExpect(redirectedUrl("/login?locked"));
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.locked' and target_id = 'yanqing'").query(Long.class).single())
			.isEqualTo(1);
		// An administrator unlocks it.
		mvc.perform(post("/accounts/" + accountId("yanqing") + "/unlock").with(csrf()).with(user(userDetails.loadUserByUsername("admin"))))
			.andExpect(status().isFound());
		mvc.perform(get("/api/organizations").with(httpBasic("yanqing", "gonghui-demo"))).andExpect(status().isOk());
	}

	@Test
	@WithUserDetails("admin")
	void adminsSearchTheAuditLog() throws Exception {
		mvc.perform(get("/api/organizations").with(httpBasic("beijing", "bad-password")));
		mvc.perform(get("/audit").param("action", "login.").param("targetId", "beijing")).andExpect(status().isOk())
			.andExpect(content().string(containsString("login.failed")));
		mvc.perform(get("/audit").param("from", "not-a-date")).andExpect(status().isBadRequest());
	}

	private long accountId(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	private long count() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}

	private static void assertProblem(Runnable action, String field, String code) {
		assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).anySatisfy(p -> {
				assertThat(p.field()).isEqualTo(field);
				assertThat(p.code()).isEqualTo(code);
			}));
	}
}
