package org.gonghui.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.TestOrganizations.count;
import static org.gonghui.TestOrganizations.employerId;
import static org.gonghui.TestOrganizations.id;
import static org.gonghui.TestOrganizations.path;

import java.util.List;

import org.gonghui.organization.internal.EmployerService;
import org.gonghui.organization.internal.EmployerService.EmployerCommand;
import org.gonghui.organization.internal.OrganizationService;
import org.gonghui.organization.internal.OrganizationService.OrganizationCommand;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree and employers against a real database: migrations, SQL, materialised paths,
 * the data-scope criterion and bad input. Run on H2 ({@link OrganizationTreeH2Tests}) and on PostgreSQL
 * ({@link OrganizationTreePostgresTests}). Each test rolls back.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class OrganizationTreeContract {

	@Autowired
	OrganizationService organizations;

	@Autowired
	EmployerService employers;

	@Autowired
	JdbcClient jdbc;

	@Test
	@WithUserDetails("admin")
	void demoTreeHasTheSeedUnionsWithConsistentPaths() {
		assertThat(jdbc.sql("select name from organization").query(String.class).list()).contains("中华全国总工会", "北京市总工会", "丰台区总工会",
				"丰台区教育工会", "六里桥街道总工会", "泛华集团工会", "延庆区总工会", "朝阳区总工会", "陈经纶中学工会", "东城区总工会", "龙潭街道总工会", "北京工商大学工会",
				"北京公交集团工会", "物业管理中心工会", "中国劳动关系学院工会");
		assertThat(path(jdbc, id(jdbc, "六里桥街道总工会"))).startsWith(path(jdbc, id(jdbc, "丰台区总工会")));
		assertThat(employers.get(employerId(jdbc, "泛华集团")).organizationName()).isEqualTo("泛华集团工会");
		assertPathsConsistent();
	}

	@Test
	@WithUserDetails("fengtai")
	void staffSeeTheirSubtreeOnly() {
		List<String> names = organizations.search(null, new PageResult.Request(0, 100)).content().stream().map(OrganizationSummary::name).toList();
		assertThat(names).containsExactlyInAnyOrder("丰台区总工会", "丰台区教育工会", "六里桥街道总工会", "泛华集团工会", "丰台区新就业形态劳动者联合工会");
		assertThat(organizations.tops()).extracting(n -> n.organization().name()).containsExactly("丰台区总工会");
		long chaoyang = id(jdbc, "朝阳区总工会");
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> organizations.get(chaoyang));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> organizations.children(chaoyang));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> organizations.exportSubtree(chaoyang));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> organizations.get(id(jdbc, "北京市总工会")));
		assertThat(employers.search(null, null, new PageResult.Request(0, 100)).content()).extracting(EmployerService.EmployerView::name)
			.containsExactlyInAnyOrder("泛华集团", "美团外卖丰台站点", "北京恒通达物流有限公司", "北京云图互联科技有限公司", "北京康惠家政服务有限公司")
			.doesNotContain("良苑餐厅", "京东快递（龙潭站）", "北京市陈经纶中学");
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> employers.get(employerId(jdbc, "良苑餐厅")));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> employers.export(chaoyang));
	}

	@Test
	@WithUserDetails("fengtai")
	void detailShowsOnlyTheVisiblePartOfTheBreadcrumb() {
		var detail = organizations.detail(id(jdbc, "六里桥街道总工会"));
		assertThat(detail.breadcrumb()).extracting(OrganizationSummary::name).containsExactly("丰台区总工会");
		var fengtai = organizations.detail(id(jdbc, "丰台区总工会"));
		assertThat(fengtai.breadcrumb()).isEmpty();
		assertThat(fengtai.descendantCount()).isEqualTo(4);
		// 泛华集团 and 美团外卖丰台站点 (both with a union), plus the three firms of the founding drive demo.
		assertThat(fengtai.employerCount()).isEqualTo(5);
		assertThat(fengtai.foundedEmployerCount()).isEqualTo(2);
		assertThat(fengtai.headcount()).isEqualTo(1200 + 260 + 86 + 140 + 52);
	}

	@Test
	@WithUserDetails("fengtai")
	void createsAChildWithItsPathAndAnAuditEntry() {
		long parent = id(jdbc, "六里桥街道总工会");
		long auditBefore = count(jdbc, "audit_entry");
		long id = organizations.create(new OrganizationCommand(parent, "  六里桥　快递 联合工会 ", OrganizationLevel.STREET, OrganizationType.JOINT_UNION, null));
		OrganizationSummary created = organizations.get(id);
		assertThat(created.name()).isEqualTo("六里桥 快递 联合工会");
		assertThat(created.path()).isEqualTo(path(jdbc, parent) + id + "/");
		assertThat(count(jdbc, "audit_entry")).isEqualTo(auditBefore + 1);
		assertThat(jdbc.sql("select actor from audit_entry where action = 'organization.create' and target_id = :id").param("id", String.valueOf(id))
			.query(String.class).single()).isEqualTo("fengtai");
	}

	@Test
	@WithUserDetails("fengtai")
	void badInputIsRejectedAndNothingIsStored() {
		long parent = id(jdbc, "丰台区总工会");
		long before = count(jdbc, "organization");
		long auditBefore = count(jdbc, "audit_entry");
		assertProblem(() -> organizations.create(new OrganizationCommand(parent, "   ", OrganizationLevel.STREET, OrganizationType.JOINT_UNION, null)),
				"name", "validation.required");
		assertProblem(() -> organizations.create(new OrganizationCommand(parent, "工".repeat(101), OrganizationLevel.STREET, OrganizationType.JOINT_UNION, null)),
				"name", "validation.tooLong");
		assertProblem(() -> organizations.create(new OrganizationCommand(parent, "坏\u0007名字", OrganizationLevel.STREET, OrganizationType.JOINT_UNION, null)),
				"name", "validation.controlCharacters");
		assertProblem(() -> organizations.create(new OrganizationCommand(parent, "六里桥街道总工会", OrganizationLevel.STREET, OrganizationType.REGIONAL_FEDERATION, null)),
				"name", "organization.name.taken");
		assertProblem(() -> organizations.create(new OrganizationCommand(parent, "某市总工会", OrganizationLevel.MUNICIPAL, OrganizationType.REGIONAL_FEDERATION, null)),
				"level", "organization.level.aboveParent");
		assertProblem(() -> organizations.create(new OrganizationCommand(parent, "无级别", null, null, "地".repeat(201))), "level", "validation.required");
		assertProblem(() -> organizations.create(new OrganizationCommand(null, "新的根", OrganizationLevel.NATIONAL, OrganizationType.REGIONAL_FEDERATION, null)),
				"parentId", "validation.required");
		assertProblem(() -> organizations.create(new OrganizationCommand(id(jdbc, "朝阳区总工会"), "越界工会", OrganizationLevel.GRASSROOTS, OrganizationType.WORKPLACE_UNION, null)),
				"parentId", "organization.parent.notFound");
		assertThat(count(jdbc, "organization")).isEqualTo(before);
		assertThat(count(jdbc, "audit_entry")).isEqualTo(auditBefore);
	}

	@Test
	@WithUserDetails("fengtai")
	void htmlInNamesIsStoredAsText() {
		String name = "<script>alert('工会')</script>";
		long id = organizations.create(new OrganizationCommand(id(jdbc, "丰台区总工会"), name, OrganizationLevel.GRASSROOTS, OrganizationType.WORKPLACE_UNION, null));
		assertThat(organizations.get(id).name()).isEqualTo(name);
	}

	@Test
	@WithUserDetails("fengtai")
	void movingASubtreeRewritesEveryPathBelowIt() {
		long liuliqiao = id(jdbc, "六里桥街道总工会");
		long fanhua = id(jdbc, "泛华集团工会");
		long a = organizations.create(new OrganizationCommand(liuliqiao, "甲公司工会", OrganizationLevel.GRASSROOTS, OrganizationType.WORKPLACE_UNION, null));
		long b = organizations.create(new OrganizationCommand(a, "甲公司一分厂工会", OrganizationLevel.GRASSROOTS, OrganizationType.WORKPLACE_UNION, null));
		long c = organizations.create(new OrganizationCommand(b, "甲公司一分厂车间工会", OrganizationLevel.GRASSROOTS, OrganizationType.WORKPLACE_UNION, null));
		long auditBefore = count(jdbc, "audit_entry");

		organizations.move(a, null, fanhua);

		String fanhuaPath = path(jdbc, fanhua);
		assertThat(organizations.get(a).parentId()).isEqualTo(fanhua);
		assertThat(path(jdbc, a)).isEqualTo(fanhuaPath + a + "/");
		assertThat(path(jdbc, b)).isEqualTo(fanhuaPath + a + "/" + b + "/");
		assertThat(path(jdbc, c)).isEqualTo(fanhuaPath + a + "/" + b + "/" + c + "/");
		assertThat(count(jdbc, "audit_entry")).isEqualTo(auditBefore + 1);
		assertPathsConsistent();
	}

	@Test
	@WithUserDetails("fengtai")
	void aSubtreeCannotMoveUnderItselfOrOutOfScope() {
		long fengtai = id(jdbc, "丰台区总工会");
		long liuliqiao = id(jdbc, "六里桥街道总工会");
		long a = organizations.create(new OrganizationCommand(liuliqiao, "乙公司工会", OrganizationLevel.GRASSROOTS, OrganizationType.WORKPLACE_UNION, null));
		String before = path(jdbc, liuliqiao);
		assertProblem(() -> organizations.move(liuliqiao, null, liuliqiao), "parentId", "organization.move.intoItself");
		assertProblem(() -> organizations.move(liuliqiao, null, a), "parentId", "organization.move.intoItself");
		assertProblem(() -> organizations.move(fengtai, null, liuliqiao), "parentId", "organization.move.intoItself");
		assertProblem(() -> organizations.move(liuliqiao, null, id(jdbc, "朝阳区总工会")), "parentId", "organization.parent.notFound");
		assertProblem(() -> organizations.move(liuliqiao, null, id(jdbc, "泛华集团工会")), "parentId", "organization.level.aboveParent");
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> organizations.move(id(jdbc, "龙潭街道总工会"), null, liuliqiao));
		assertThat(path(jdbc, liuliqiao)).isEqualTo(before);
		assertPathsConsistent();
	}

	@Test
	@WithUserDetails("fengtai")
	void staleEditsAreRefused() {
		long id = id(jdbc, "六里桥街道总工会");
		var detail = organizations.detail(id);
		var command = new OrganizationCommand(null, "六里桥街道总工会", OrganizationLevel.STREET, OrganizationType.REGIONAL_FEDERATION, "新地址");
		organizations.update(id, detail.version(), command);
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> organizations.update(id, detail.version(), command));
		assertThat(organizations.detail(id).address()).isEqualTo("新地址");
	}

	@Test
	@WithUserDetails("fengtai")
	void levelChangesMustFitParentAndChildren() {
		long fengtai = id(jdbc, "丰台区总工会");
		assertProblem(() -> organizations.update(fengtai, null, new OrganizationCommand(null, "丰台区总工会", OrganizationLevel.GRASSROOTS, OrganizationType.REGIONAL_FEDERATION, null)),
				"level", "organization.level.belowChildren");
		assertProblem(() -> organizations.update(fengtai, null, new OrganizationCommand(null, "丰台区总工会", OrganizationLevel.NATIONAL, OrganizationType.REGIONAL_FEDERATION, null)),
				"level", "organization.level.aboveParent");
		assertProblem(() -> organizations.update(id(jdbc, "泛华集团工会"), null, new OrganizationCommand(null, "六里桥街道总工会", OrganizationLevel.GRASSROOTS, OrganizationType.WORKPLACE_UNION, null)),
				"name", "organization.name.taken");
	}

	@Test
	@WithUserDetails("fanhua")
	void unionChairsReadButDoNotReshapeTheTree() {
		long fanhua = id(jdbc, "泛华集团工会");
		assertThat(organizations.get(fanhua).name()).isEqualTo("泛华集团工会");
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> organizations.get(id(jdbc, "丰台区总工会")));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> organizations.create(new OrganizationCommand(fanhua, "分会", OrganizationLevel.GRASSROOTS, OrganizationType.WORKPLACE_UNION, null)));
		// but they keep their own employers up to date
		String code = "91110106MA01FH010" + org.gonghui.shared.CreditCode.checkCharacter("91110106MA01FH010");
		long id = employers.create(new EmployerCommand("泛华集团物业分公司", code, Ownership.PRIVATE, 10, null, fanhua));
		assertThat(id).isPositive();
	}

	@Test
	@WithUserDetails("worker")
	void workersSeeNoOrganisationRecords() {
		assertThat(organizations.search(null, new PageResult.Request(0, 50)).content()).isEmpty();
		assertThat(organizations.tops()).isEmpty();
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> organizations.get(id(jdbc, "龙潭街道总工会")));
	}

	@Test
	@WithUserDetails("fengtai")
	void employersAreValidated() {
		long fanhua = id(jdbc, "泛华集团工会");
		long before = count(jdbc, "employer");
		assertProblem(() -> employers.create(new EmployerCommand("某公司", "914403001922038217", Ownership.PRIVATE, 10, null, fanhua)),
				"creditCode", "employer.creditCode.invalid");
		assertProblem(() -> employers.create(new EmployerCommand("某公司", "", Ownership.PRIVATE, 10, null, fanhua)), "creditCode", "validation.required");
		String existing = employers.get(employerId(jdbc, "泛华集团")).creditCode();
		assertProblem(() -> employers.create(new EmployerCommand("泛华集团二号", existing.toLowerCase(), Ownership.PRIVATE, 10, null, fanhua)),
				"creditCode", "employer.creditCode.taken");
		assertProblem(() -> employers.create(new EmployerCommand("某公司", "914403001922038216", Ownership.PRIVATE, -1, null, fanhua)),
				"headcount", "employer.headcount.range");
		assertProblem(() -> employers.create(new EmployerCommand("某公司", "914403001922038216", null, 1, null, fanhua)), "ownership", "validation.required");
		assertProblem(() -> employers.create(new EmployerCommand("某公司", "914403001922038216", Ownership.PRIVATE, 1, null, id(jdbc, "龙潭街道总工会"))),
				"organizationId", "organization.parent.notFound");
		assertThat(count(jdbc, "employer")).isEqualTo(before);

		long id = employers.create(new EmployerCommand(" 华为某分公司 ", "９１４４０３００１９２２０３８２１６", Ownership.PRIVATE, 30, "丰台", fanhua));
		assertThat(employers.get(id).creditCode()).isEqualTo("914403001922038216");
		assertThat(employers.get(id).name()).isEqualTo("华为某分公司");
	}

	@Test
	@WithUserDetails("fengtai")
	void searchEscapesWildcards() {
		assertThat(organizations.search("%", new PageResult.Request(0, 50)).content()).isEmpty();
		assertThat(organizations.search("_", new PageResult.Request(0, 50)).content()).isEmpty();
		assertThat(organizations.search("六里", new PageResult.Request(0, 50)).content()).extracting(OrganizationSummary::name)
			.containsExactly("六里桥街道总工会");
	}

	private void assertPathsConsistent() {
		List<String> broken = jdbc.sql("select c.name from organization c left join organization p on p.id = c.parent_id"
				+ " where (p.id is null and c.path <> concat('/', cast(c.id as varchar), '/'))"
				+ " or (p.id is not null and c.path <> concat(p.path, cast(c.id as varchar), '/'))")
			.query(String.class)
			.list();
		assertThat(broken).isEmpty();
	}

	static void assertProblem(Runnable action, String field, String code) {
		assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems())
				.anySatisfy(p -> {
					assertThat(p.field()).isEqualTo(field);
					assertThat(p.code()).isEqualTo(code);
				}));
	}
}
