package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.TestOrganizations.count;
import static org.gonghui.TestOrganizations.id;

import java.time.LocalDate;
import java.util.List;

import org.gonghui.member.internal.JoinService;
import org.gonghui.member.internal.JoinService.JoinRequest;
import org.gonghui.member.internal.MemberService;
import org.gonghui.member.internal.MemberService.MemberView;
import org.gonghui.member.internal.MemberService.RosterOutcome;
import org.gonghui.member.internal.MemberService.RosterRow;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.PhoneNumber;
import org.gonghui.shared.RecordNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member registry against a real database: scope, masking, encryption at rest, audited reveal,
 * join applications, roster rows, transfers. Run on H2 and on PostgreSQL; each test rolls back.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class MemberRegistryContract {

	@Autowired
	MemberService members;

	@Autowired
	JoinService joins;

	@Autowired
	JdbcClient jdbc;

	static String validId(String region, String birth, int seq) {
		String first17 = region + birth + String.format("%03d", seq);
		return first17 + IdNumber.checkCharacter(first17);
	}

	@Test
	@WithUserDetails("fengtai")
	void staffSeeMembersOfTheirSubtreeOnlyAndAlwaysMasked() {
		List<MemberView> all = members.search(null, null, null, new PageResult.Request(0, 100)).content();
		assertThat(all).extracting(MemberView::name).contains("王强", "李娜", "孙丽").doesNotContain("张伟", "陈静");
		assertThat(all).allSatisfy(m -> {
			assertThat(m.idNumber()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
			assertThat(m.phone()).matches("1\\d{2}\\*{4}\\d{4}");
		});
		long zhangWei = memberId("张伟");
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> members.detail(zhangWei));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> members.revealIdNumber(zhangWei));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> members.search(null, id(jdbc, "龙潭街道总工会"), null, new PageResult.Request(0, 10)));
	}

	@Test
	@WithUserDetails("chaoyang")
	void anotherDistrictSeesNoneOfThem() {
		assertThat(members.search(null, null, null, new PageResult.Request(0, 100)).content()).extracting(MemberView::name)
			.doesNotContain("王强", "张伟", "孙丽");
		assertThat(members.search("13800138001", null, null, new PageResult.Request(0, 10)).content()).isEmpty();
	}

	@Test
	@WithUserDetails("worker")
	void workersSeeNoMemberRecords() {
		assertThat(members.search(null, null, null, new PageResult.Request(0, 100)).content()).isEmpty();
	}

	@Test
	@WithUserDetails("fengtai")
	void searchesByExactIdNumberPhoneOrNamePrefix() {
		String wangQiangId = validId("110106", "19900312", 101);
		assertThat(names(wangQiangId)).containsExactly("王强");
		assertThat(names(wangQiangId.toLowerCase().replace("", " ").strip())).containsExactly("王强");
		assertThat(names("+86 138-0013-8001")).containsExactly("王强");
		assertThat(names("王")).containsExactly("王强");
		assertThat(names("强")).isEmpty();
		assertThat(names("%")).isEmpty();
		assertThat(names("_")).isEmpty();
	}

	@Test
	@WithUserDetails("fengtai")
	void identifiersAreEncryptedAtRestAndRevealIsAudited() {
		long id = memberId("王强");
		String plain = validId("110106", "19900312", 101);
		assertThat(jdbc.sql("select count(*) from member where id_number_cipher like :p or id_number_hash = :p or phone_cipher like '%13800138001%'")
			.param("p", "%" + plain + "%").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select id_number_cipher from member where id = :id").param("id", id).query(String.class).single()).startsWith("v1:");
		long audits = count(jdbc, "audit_entry");
		assertThat(members.revealIdNumber(id)).isEqualTo(plain);
		assertThat(members.revealPhone(id)).isEqualTo("13800138001");
		assertThat(count(jdbc, "audit_entry")).isEqualTo(audits + 2);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'member.reveal.idNumber' and actor = 'fengtai' and target_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		assertThat(members.export(null, null, null)).allSatisfy(m -> assertThat(m.idNumber()).contains("********"));
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'member.export'").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@WithUserDetails("counsellor")
	void counsellorsCannotRevealIdentifiers() {
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> members.revealIdNumber(memberId("王强")));
	}

	@Test
	void joinApplicationsAreValidatedAndStoreNothingWhenBad() {
		long riders = id(jdbc, "丰台区新就业形态劳动者联合工会");
		long before = count(jdbc, "join_application");
		assertProblems(() -> joins.apply(new JoinRequest(" ", "11010619900312101", "123", null, null, null, null, null, false)),
				"name", "idNumber", "phone", "workForm", "unionId", "consent");
		assertProblems(() -> joins.apply(new JoinRequest("骑手", "110106199003121011", "13800000000", WorkForm.PLATFORM, " ", null, riders, null, true)),
				"idNumber", "platform");
		assertProblems(() -> joins.apply(new JoinRequest("<b>x</b>", validId("110106", "19990101", 111), "13800000000", WorkForm.EMPLOYEE, null,
				null, id(jdbc, "丰台区总工会"), null, true)), "name", "unionId");
		// One person is one member: 王强 (with his own phone) is told so, 吴昊 has an application waiting.
		assertProblems(() -> joins.apply(new JoinRequest("王强", validId("110106", "19900312", 101), "13800138001", WorkForm.PLATFORM, "美团", null,
				riders, null, true)), "idNumber");
		assertProblems(() -> joins.apply(new JoinRequest("吴昊", validId("110106", "19980523", 101), "13600136001", WorkForm.PLATFORM, "美团", null,
				riders, null, true)), "idNumber");
		assertThat(count(jdbc, "join_application")).isEqualTo(before);
	}

	@Test
	@WithUserDetails("fengtai")
	void anIdNumberAloneDoesNotRevealMembershipButTheReviewerIsWarned() {
		long riders = id(jdbc, "丰台区新就业形态劳动者联合工会");
		// Someone who has 王强's ID number but not his phone learns nothing: the application is simply taken.
		var receipt = joins.apply(new JoinRequest("王强", validId("110106", "19900312", 101), "13800000000", WorkForm.PLATFORM, "美团", null, riders,
				null, true));
		assertThat(receipt.status()).isEqualTo("PENDING");
		assertThat(joins.get(receipt.id()).alreadyMember()).isTrue();
		// Approval fails clearly (and its transaction rolls back, so the application stays pending).
		assertThatThrownBy(() -> joins.approve(receipt.id())).isInstanceOf(InvalidInputException.class);
	}

	@Test
	@WithUserDetails("fengtai")
	void approvingRegistersTheMemberWithACard() {
		long riders = id(jdbc, "丰台区新就业形态劳动者联合工会");
		String idNumber = validId("110106", "20000229", 123);
		var receipt = joins.apply(new JoinRequest("新骑手", idNumber.toLowerCase(), "１３９ ００００ ０１２３", WorkForm.PLATFORM, "美团", "外卖骑手", riders,
				null, true));
		assertThat(receipt.status()).isEqualTo("PENDING");
		assertThat(joins.status(receipt.token())).hasValueSatisfying(s -> assertThat(s.idNumberMasked()).isEqualTo("110106********123" + idNumber.charAt(17)));
		assertThat(joins.status(receipt.token() + "x")).isEmpty();
		assertThat(joins.card(receipt.token())).isEmpty();

		long memberId = joins.approve(receipt.id());
		MemberView card = joins.card(receipt.token()).orElseThrow();
		assertThat(card.id()).isEqualTo(memberId);
		assertThat(card.cardNumber()).matches("GH\\d{4}\\d{9}\\d").startsWith("GH" + LocalDate.now().getYear());
		assertThat(card.phone()).isEqualTo("139****0123");
		assertThat(members.detail(memberId).events()).extracting(e -> e.kind()).containsExactly("JOINED");
		assertThatThrownBy(() -> joins.approve(receipt.id())).isInstanceOf(InvalidInputException.class);
		assertThat(members.checkCard(members.cardQrPayload(card.cardNumber()))).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(memberId));
		assertThat(members.checkCard("GONGHUI-CARD:" + card.cardNumber() + ":000000000000")).isEmpty();
		assertThat(members.checkCard("nonsense")).isEmpty();
	}

	@Test
	@WithUserDetails("fengtai")
	void rejectingNeedsAReasonAndApplicationsOutsideTheScopeAreInvisible() {
		long chenjinglun = id(jdbc, "陈经纶中学工会");
		var chaoyangReceipt = joins.apply(new JoinRequest("教师甲", validId("110105", "19850505", 121), "13700000001", WorkForm.EMPLOYEE, null,
				"教师", chenjinglun, null, true));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> joins.approve(chaoyangReceipt.id()));
		assertThat(joins.list(null, 100)).extracting(a -> a.id()).doesNotContain(chaoyangReceipt.id());

		long pending = joins.list("PENDING", 100).stream().filter(a -> a.name().equals("吴昊")).findFirst().orElseThrow().id();
		assertProblems(() -> joins.reject(pending, "  "), "reason");
		joins.reject(pending, "请先完善平台企业信息");
		assertThat(joins.get(pending).status()).isEqualTo("REJECTED");
	}

	@Test
	@WithUserDetails("fengtai")
	void rosterRowsCreateUpdateOrLeaveUnchanged() {
		long fanhua = id(jdbc, "泛华集团工会");
		IdNumber idNumber = IdNumber.of(validId("110106", "19910101", 131));
		var row = new RosterRow("钱七", idNumber.gender(), idNumber, PhoneNumber.of("13512345678"), null, WorkForm.EMPLOYEE, "技术员", null,
				LocalDate.of(2024, 1, 1));
		RosterOutcome created = members.applyRosterRow(fanhua, row);
		assertThat(created.kind()).isEqualTo(RosterOutcome.Kind.CREATED);
		assertThat(members.applyRosterRow(fanhua, row).kind()).isEqualTo(RosterOutcome.Kind.UNCHANGED);
		var changed = new RosterRow("钱七", idNumber.gender(), idNumber, PhoneNumber.of("13512345679"), null, WorkForm.EMPLOYEE, "高级技术员", null,
				LocalDate.of(2024, 1, 1));
		assertThat(members.applyRosterRow(fanhua, changed).kind()).isEqualTo(RosterOutcome.Kind.UPDATED);
		assertThat(members.detail(created.memberId()).member().occupation()).isEqualTo("高级技术员");
		// The same person cannot be imported into a second union while active there.
		assertThatThrownBy(() -> members.applyRosterRow(id(jdbc, "丰台区新就业形态劳动者联合工会"), changed)).isInstanceOf(InvalidInputException.class);
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> members.applyRosterRow(id(jdbc, "陈经纶中学工会"), row));
	}

	@Test
	@WithUserDetails("fengtai")
	void transferAndLeaveKeepTheHistory() {
		long id = memberId("赵磊");
		long fanhua = id(jdbc, "泛华集团工会");
		assertProblems(() -> members.transfer(id, id(jdbc, "陈经纶中学工会"), null), "toUnionId");
		members.transfer(id, fanhua, "换工作");
		assertThat(members.detail(id).member().unionName()).isEqualTo("泛华集团工会");
		assertProblems(() -> members.leave(id, ""), "reason");
		members.leave(id, "离开北京");
		var detail = members.detail(id);
		assertThat(detail.member().status()).isEqualTo(MemberStatus.LEFT);
		assertThat(detail.events()).extracting(e -> e.kind()).containsExactly("JOINED", "TRANSFERRED", "LEFT");
		assertThat(detail.events().get(1).fromUnion()).isEqualTo("丰台区新就业形态劳动者联合工会");
		assertThatThrownBy(() -> members.leave(id, "again")).isInstanceOf(InvalidInputException.class);

		// Rejoining later keeps the same record and card, with the history.
		IdNumber idNumber = IdNumber.of(validId("110106", "19881121", 103));
		var outcome = members.applyRosterRow(id(jdbc, "丰台区新就业形态劳动者联合工会"), new RosterRow("赵磊", idNumber.gender(), idNumber,
				PhoneNumber.of("13800138003"), null, WorkForm.PLATFORM, "快递员", "顺丰", LocalDate.of(2026, 6, 1)));
		assertThat(outcome.memberId()).isEqualTo(id);
		var rejoined = members.detail(id);
		assertThat(rejoined.member().status()).isEqualTo(MemberStatus.ACTIVE);
		assertThat(rejoined.member().cardNumber()).isEqualTo(detail.member().cardNumber());
		assertThat(rejoined.events()).extracting(e -> e.kind()).containsExactly("JOINED", "TRANSFERRED", "LEFT", "REJOINED");
	}

	@Test
	@WithUserDetails("fengtai")
	void membersOnlyBelongToGrassrootsOrJointUnions() {
		long id = memberId("王强");
		assertProblems(() -> members.transfer(id, id(jdbc, "六里桥街道总工会"), null), "toUnionId");
		IdNumber idNumber = IdNumber.of(validId("110106", "19930303", 135));
		assertProblems(() -> members.applyRosterRow(id(jdbc, "丰台区总工会"), new RosterRow("某人", idNumber.gender(), idNumber, null, null,
				WorkForm.EMPLOYEE, null, null, LocalDate.of(2024, 1, 1))), "unionId");
	}

	private List<String> names(String q) {
		return members.search(q, null, null, new PageResult.Request(0, 50)).content().stream().map(MemberView::name).toList();
	}

	private long memberId(String name) {
		return jdbc.sql("select id from member where name = :n").param("n", name).query(Long.class).single();
	}

	static void assertProblems(Runnable action, String... fields) {
		assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field()).contains(fields));
	}
}
