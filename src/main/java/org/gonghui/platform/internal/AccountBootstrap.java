package org.gonghui.platform.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.gonghui.platform.OrgRef;
import org.gonghui.platform.OrganizationDirectory;
import org.gonghui.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.gonghui.platform.StartupData;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts at start-up: the first administrator when {@code gonghui.bootstrap.admin-password}
 * (environment variable {@code GONGHUI_BOOTSTRAP_ADMIN_PASSWORD}) is given and no administrator
 * exists yet, and, in the {@code demo} profile, the demo accounts. No account ever gets a built-in
 * password outside the demo profile.
 */
@Component
@Order(100)
class AccountBootstrap implements StartupData {

	static final String DEMO_PASSWORD = "gonghui-demo";

	private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

	/** username, display name, role, organisation name. */
	private static final List<String[]> DEMO_ACCOUNTS = List.of(
			new String[] { "admin", "系统管理员", "ADMIN", "中华全国总工会" },
			new String[] { "beijing", "北京市总工会工作人员", "STAFF", "北京市总工会" },
			new String[] { "fengtai", "丰台区总工会工作人员", "STAFF", "丰台区总工会" },
			new String[] { "chaoyang", "朝阳区总工会工作人员", "STAFF", "朝阳区总工会" },
			new String[] { "yanqing", "延庆区总工会工作人员", "STAFF", "延庆区总工会" },
			new String[] { "longtan", "龙潭街道总工会工作人员", "STAFF", "龙潭街道总工会" },
			new String[] { "fanhua", "泛华集团工会主席", "UNION_CHAIR", "泛华集团工会" },
			// Chairs of two more 丰台 unions, so that the standardisation campaign has three unions assessing themselves.
			new String[] { "fengjiao", "丰台区教育工会主席", "UNION_CHAIR", "丰台区教育工会" },
			new String[] { "xinjiuye", "丰台区新就业形态劳动者联合工会主席", "UNION_CHAIR", "丰台区新就业形态劳动者联合工会" },
			new String[] { "counsellor", "朝阳区心理咨询师", "COUNSELLOR", "朝阳区总工会" },
			new String[] { "counsellor2", "北京安定医院心理咨询师", "COUNSELLOR", "朝阳区总工会" },
			new String[] { "worker", "张师傅（快递员）", "WORKER", "龙潭街道总工会" },
			// 李想, a young teacher of 北京工商大学 (the integrity-themed group counselling is for his union).
			new String[] { "teacher", "李老师（北京工商大学青年教师）", "WORKER", "北京工商大学工会" },
			// Judges of 延庆's singing competition: accounts with no powers of their own; rounds name them.
			new String[] { "judge1", "评委 王老师（音乐家协会）", "WORKER", "延庆区总工会" },
			new String[] { "judge2", "评委 李老师（文化馆）", "WORKER", "延庆区总工会" },
			new String[] { "judge3", "评委 赵老师（舞蹈家协会）", "WORKER", "延庆区总工会" },
			new String[] { "judge4", "评委 孙老师（戏剧家协会）", "WORKER", "延庆区总工会" },
			new String[] { "judge5", "评委 周老师（曲艺家协会）", "WORKER", "延庆区总工会" });

	private final AccountRepository accounts;
	private final OrganizationDirectory organizations;
	private final PasswordEncoder passwords;
	private final Environment environment;
	private final Clock clock;
	private final String adminUsername;
	private final String adminPassword;

	AccountBootstrap(AccountRepository accounts, OrganizationDirectory organizations, PasswordEncoder passwords,
			Environment environment, Clock clock, @Value("${gonghui.bootstrap.admin-username:admin}") String adminUsername,
			@Value("${gonghui.bootstrap.admin-password:}") String adminPassword) {
		this.accounts = accounts;
		this.organizations = organizations;
		this.passwords = passwords;
		this.environment = environment;
		this.clock = clock;
		this.adminUsername = adminUsername.strip().toLowerCase(Locale.ROOT);
		this.adminPassword = adminPassword;
	}

	@Override
	@Transactional
	public void load() {
		if (environment.acceptsProfiles(Profiles.of("demo"))) {
			createDemoAccounts();
		}
		if (!adminPassword.isEmpty() && !accounts.existsByRole(Role.ADMIN)) {
			createFirstAdmin();
		}
		if (!accounts.existsByRole(Role.ADMIN)) {
			log.warn("No administrator account exists. Start once with GONGHUI_BOOTSTRAP_ADMIN_PASSWORD=<password> "
					+ "(or --gonghui.bootstrap.admin-password=...) to create '{}'.", adminUsername);
		}
	}

	private void createFirstAdmin() {
		if (adminPassword.length() < AccountService.MIN_PASSWORD) {
			throw new IllegalStateException("gonghui.bootstrap.admin-password must have at least " + AccountService.MIN_PASSWORD + " characters");
		}
		if (!AccountService.USERNAME.matcher(adminUsername).matches()) {
			throw new IllegalStateException("gonghui.bootstrap.admin-username is not a valid username: " + adminUsername);
		}
		OrgRef root = organizations.roots().stream().findFirst()
			.orElseThrow(() -> new IllegalStateException("No root organisation exists for the first administrator"));
		accounts.insert(new Account(null, adminUsername, "系统管理员", passwords.encode(adminPassword), Role.ADMIN, root.id(), true, 0, null,
				clock.instant(), 0, false));
		log.info("Created the first administrator '{}' in {}", adminUsername, root.name());
	}

	private void createDemoAccounts() {
		String hash = null;
		for (String[] row : DEMO_ACCOUNTS) {
			if (accounts.findByUsername(row[0]).isPresent()) {
				continue;
			}
			OrgRef org = organizations.findByName(row[3]).orElse(null);
			if (org == null) {
				log.warn("Demo organisation {} missing; account {} not created", row[3], row[0]);
				continue;
			}
			if (hash == null) {
				hash = passwords.encode(DEMO_PASSWORD);
			}
			accounts.insert(new Account(null, row[0], row[1], hash, Role.valueOf(row[2]), org.id(), true, 0, null, clock.instant(), 0, false));
		}
	}
}
