package org.gonghui.honor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.TestOrganizations.count;
import static org.gonghui.TestOrganizations.id;

import java.util.List;
import java.util.function.Supplier;

import org.gonghui.TestUsers;
import org.gonghui.honor.internal.HonorQueries;
import org.gonghui.honor.internal.HonorQueries.HonoreeView;
import org.gonghui.honor.internal.HonorService;
import org.gonghui.honor.internal.HonorService.NewHonor;
import org.gonghui.honor.internal.HonorService.NewHonoree;
import org.gonghui.organization.internal.OrganizationService;
import org.gonghui.platform.SearchDocument;
import org.gonghui.platform.SearchKind;
import org.gonghui.platform.SearchSource;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/** The honours registry on a real database (H2 and PostgreSQL): scope, personal data, rules, the showcase. */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class HonorRegistryContract {

	@Autowired
	HonorService service;

	@Autowired
	HonorQueries queries;

	@Autowired
	OrganizationService organizations;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<SearchSource> searchSources;

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	private static String validId(String birth, int seq) {
		String first17 = "110106" + birth + String.format("%03d", seq);
		return first17 + IdNumber.checkCharacter(first17);
	}

	private long fengtaiCraftsman(String name, String idNumber, boolean isPublic) {
		return service.create(new NewHonoree(name, idNumber, null, id(jdbc, "泛华集团工会"), "泛华集团", "数控车工", "三十年扎根车间，带徒四十余人。", null, isPublic));
	}

	@Test
	void staffRecordAnHonoreeConferHonoursAndTheIdNumberIsEncryptedAndMasked() {
		String idNumber = validId("19750315", 31);
		long id = as("fengtai", () -> fengtaiCraftsman("刘铁军", idNumber, true));
		long honor = as("fengtai", () -> service.confer(id, new NewHonor("丰台区工匠", null, 2025, null, "FT-2025-007", true)));
		HonoreeView view = as("fengtai", () -> queries.get(id));
		assertThat(view.idNumber()).isEqualTo(IdNumber.parse(idNumber).orElseThrow().masked()).doesNotContain(idNumber.substring(6, 14));
		assertThat(view.honors()).singleElement().satisfies(h -> {
			assertThat(h.title()).isEqualTo("丰台区工匠");
			assertThat(h.level()).isEqualTo(HonorLevel.DISTRICT);
			assertThat(h.kind()).isEqualTo(HonorKind.CRAFTSMAN);
			assertThat(h.allowance()).isTrue();
		});
		assertThat(jdbc.sql("select count(*) from honoree where id_number_cipher like :p").param("p", "%" + idNumber + "%").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from audit_entry where action in ('honoree.create', 'honor.confer') and target_id in (:a, :b)")
			.param("a", String.valueOf(id)).param("b", String.valueOf(honor)).query(Long.class).single()).isEqualTo(2);
		// The same person twice, the same honour twice: refused, nothing stored.
		long honorees = count(jdbc, "honoree");
		assertProblem(() -> as("fengtai", () -> fengtaiCraftsman("刘铁军", idNumber, false)), "idNumber", "honor.idNumber.taken");
		assertProblem(() -> as("fengtai", () -> service.confer(id, new NewHonor("丰台区工匠", null, 2025, null, null, false))), "title", "honor.duplicate");
		assertThat(count(jdbc, "honoree")).isEqualTo(honorees);
	}

	@Test
	void badInputIsRefusedFieldByFieldAndStoresNothing() {
		long before = count(jdbc, "honoree");
		assertProblems(() -> as("fengtai", () -> service.create(new NewHonoree(" ", "110106197503150000", null, id(jdbc, "朝阳区总工会"), null, null,
				"x".repeat(501), null, false))), "name", "idNumber", "organizationId", "summary");
		assertProblems(() -> as("fengtai", () -> service.create(new NewHonoree("<b>张</b>", null, null, null, null, null, "事迹", "y".repeat(2001), false))),
				"name", "organizationId", "deeds");
		assertThat(count(jdbc, "honoree")).isEqualTo(before);
		long id = as("fengtai", () -> fengtaiCraftsman("马晓燕", null, false));
		long titles = count(jdbc, "honor_title");
		assertProblems(() -> as("fengtai", () -> service.confer(id, new NewHonor("丰台区金牌工人", null, 1900, null, null, false))), "year", "level");
		assertProblems(() -> as("fengtai", () -> service.confer(id, new NewHonor("全国劳动模范", HonorLevel.DISTRICT, 2020, null, null, false))), "level");
		assertThat(count(jdbc, "honor_title")).isEqualTo(titles);
		// A new title with its level and body joins the catalogue.
		as("fengtai", () -> service.confer(id, new NewHonor("丰台区金牌工人", HonorLevel.DISTRICT, 2024, "丰台区总工会", null, false)));
		assertThat(queries.titles()).extracting(HonorQueries.TitleView::name).contains("丰台区金牌工人");
	}

	@Test
	void anotherDistrictSeesNothingWorkersNothingAndAMovedUnionTakesItsHonoreesAlong() {
		long id = as("fengtai", () -> fengtaiCraftsman("范卫国", null, false));
		assertThat(as("fengtai", () -> names(null))).contains("范卫国").doesNotContain("时传祥", "赵国栋");
		assertThat(as("beijing", () -> names(null))).contains("范卫国", "赵国栋", "时传祥").doesNotContain("高凤林");
		assertThat(as("chaoyang", () -> names(null))).doesNotContain("范卫国", "赵国栋");
		assertThatThrownBy(() -> as("chaoyang", () -> queries.get(id))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> as("chaoyang", () -> service.confer(id, new NewHonor("先进职工", null, 2025, null, null, false))))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> as("worker", () -> queries.search(null, null, null, new PageResult.Request(0, 10))))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("counsellor", () -> fengtaiCraftsman("咨询师登记", null, false))).isInstanceOf(AccessDeniedException.class);
		as("admin", () -> {
			organizations.move(id(jdbc, "泛华集团工会"), null, id(jdbc, "朝阳区总工会"));
			return null;
		});
		assertThat(as("chaoyang", () -> names(null))).contains("范卫国");
		assertThat(as("fengtai", () -> names(null))).doesNotContain("范卫国");
	}

	@Test
	void revokingKeepsTheRecordStopsTheAllowanceAndLeavesTheShowcase() {
		long id = as("fengtai", () -> fengtaiCraftsman("白文斌", null, true));
		long honor = as("fengtai", () -> service.confer(id, new NewHonor("北京大工匠", null, 2022, null, null, true)));
		assertThat(publicTitles("白文斌")).containsExactly("2022 北京大工匠");
		assertProblem(() -> as("fengtai", () -> {
			service.revoke(honor, " ", null);
			return null;
		}), "reason", "validation.required");
		java.time.Instant beforeRevoking = java.time.Instant.now().minusMillis(1);
		as("fengtai", () -> {
			service.revoke(honor, "经核查申报材料不实", null);
			return null;
		});
		// Every instance's search poll hears of it: the honoree is reported changed, without the title.
		List<SearchDocument> changed = new java.util.ArrayList<>();
		searchSources.stream().filter(s -> s.kinds().contains(SearchKind.HONOREE)).forEach(s -> s.forEachChangedSince(beforeRevoking, changed::add));
		// (It may come twice, as changed and as honoured; the index keeps one document per key.)
		assertThat(changed).filteredOn(d -> d.id() == id).isNotEmpty().allSatisfy(d -> assertThat(d.body()).doesNotContain("北京大工匠"));
		var revoked = as("fengtai", () -> queries.get(id)).honors().get(0);
		assertThat(revoked.status()).isEqualTo("REVOKED");
		assertThat(revoked.allowance()).isFalse();
		assertThat(revoked.revokeReason()).isEqualTo("经核查申报材料不实");
		assertThat(publicTitles("白文斌")).isEmpty();
		assertThat(jdbc.sql("select kind from honor_event where honor_id = :h order by id").param("h", honor).query(String.class).list())
			.containsExactly("CONFERRED", "REVOKED");
		assertThatThrownBy(() -> as("fengtai", () -> {
			service.revoke(honor, "again", null);
			return null;
		})).isInstanceOf(org.gonghui.shared.StateConflictException.class);
	}

	@Test
	void theShowcaseShowsOnlyPublicHonoreesAndTheFiguresCountTheSubtree() {
		as("fengtai", () -> fengtaiCraftsman("不公开的人", null, false));
		var people = queries.showcase(null, null, new PageResult.Request(0, 100)).content();
		assertThat(people).extracting(HonorQueries.PublicHonoree::name).contains("高凤林", "时传祥", "赵国栋").doesNotContain("不公开的人");
		assertThat(queries.showcase("工匠", null, new PageResult.Request(0, 100)).content()).extracting(HonorQueries.PublicHonoree::name)
			.contains("高凤林");
		assertThat(queries.showcase("%", null, new PageResult.Request(0, 100)).content()).isEmpty();
		var beijing = as("beijing", () -> queries.figures());
		assertThat(beijing.totalHonorees()).isGreaterThanOrEqualTo(20);
		assertThat(beijing.honorees().get(HonorLevel.MUNICIPAL).get(HonorKind.MODEL_WORKER)).isEqualTo(2);
		assertThat(as("admin", () -> queries.figures()).craftsmen()).isGreaterThanOrEqualTo(1);
		assertThat(as("chaoyang", () -> queries.figures()).totalHonorees()).isZero();
	}

	private List<String> names(String text) {
		return queries.search(text, null, null, new PageResult.Request(0, 100)).content().stream().map(HonoreeView::name).toList();
	}

	private List<String> publicTitles(String name) {
		return queries.showcase(name, null, new PageResult.Request(0, 10)).content().stream().flatMap(p -> p.titles().stream()).toList();
	}

	private static void assertProblem(Runnable action, String field, String code) {
		assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).problems())
			.anySatisfy(p -> {
				assertThat(p.field()).isEqualTo(field);
				assertThat(p.code()).isEqualTo(code);
			}));
	}

	private static void assertProblems(Runnable action, String... fields) {
		assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(InvalidInputException.FieldProblem::field)
				.containsExactlyInAnyOrder(fields));
	}
}
