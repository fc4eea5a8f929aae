package org.gonghui.care.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.gonghui.care.Instrument;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.Accounts;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo on-site assessment: ten days ago, at the care caravan's stop at 京东快递's 龙潭 station, 李静 of 北京安定医院
 * ran PHQ-9 for the couriers who wanted it. Twelve answered on their own phones — the demo courier 张伟 and eleven
 * colleagues (accounts of their own that nobody signs in to in the demo). 李静 sees the twelve results; 龙潭's and
 * 东城's staff see only counts, where twelve people make a total but no band reaches ten (each shows "<10").
 */
@Component
@Profile("demo")
@Order(535)
class AssessmentSessionBootstrap implements StartupData {

	static final String TITLE = "心理关爱大篷车走进京东快递龙潭站";
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String[] COLLEAGUES = { "王强", "李军", "赵磊", "孙浩", "周鹏", "吴迪", "郑凯", "冯涛", "陈晨", "褚亮", "卫东" };
	private static final int[][] ANSWERS = { { 1, 1, 0, 1, 1, 0, 0, 0, 0 }, { 0, 0, 1, 1, 0, 0, 0, 0, 0 }, { 1, 1, 2, 1, 1, 1, 0, 0, 0 },
			{ 0, 1, 1, 0, 0, 0, 0, 0, 0 }, { 2, 1, 2, 2, 1, 1, 1, 0, 0 }, { 0, 0, 0, 1, 0, 0, 0, 0, 0 }, { 1, 0, 1, 1, 1, 0, 1, 0, 0 },
			{ 1, 1, 1, 1, 0, 1, 0, 0, 0 }, { 0, 0, 1, 0, 1, 0, 0, 0, 0 }, { 2, 2, 2, 1, 1, 1, 1, 1, 0 }, { 0, 1, 0, 0, 0, 0, 0, 0, 0 },
			{ 1, 1, 1, 0, 1, 0, 0, 0, 0 } };

	private final JdbcClient jdbc;
	private final AssessmentSessionRepository sessions;
	private final AssessmentRepository assessments;
	private final Accounts accounts;
	private final PersonalDataCipher cipher;
	private final Clock clock;

	AssessmentSessionBootstrap(JdbcClient jdbc, AssessmentSessionRepository sessions, AssessmentRepository assessments, Accounts accounts,
			PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.assessments = assessments;
		this.accounts = accounts;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from care_assessment_session").query(Long.class).single() > 0) {
			return;
		}
		Optional<Long> li = jdbc.sql("select c.id from care_counsellor c join account a on a.id = c.account_id where a.username = 'counsellor'")
			.query(Long.class).optional();
		Optional<Long> longtan = jdbc.sql("select id from organization where name = '龙潭街道总工会'").query(Long.class).optional();
		var worker = jdbc.sql("select a.id, m.union_path from account a join member m on m.account_username = a.username where a.username = 'worker'")
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("union_path") }).optional();
		if (li.isEmpty() || longtan.isEmpty() || worker.isEmpty()) {
			return;
		}
		String path = jdbc.sql("select path from organization where id = :id").param("id", longtan.get()).query(String.class).single();
		Instant opens = LocalDate.now(clock.withZone(BEIJING)).minusDays(10).atTime(14, 0).atZone(BEIJING).toInstant();
		byte[] token = new byte[12];
		RANDOM.nextBytes(token);
		long session = sessions.insert(li.get(), TITLE, "京东快递龙潭站（北京市东城区龙潭街道）", HexFormat.of().formatHex(token), opens,
				opens.plus(Duration.ofHours(3)), opens.minus(Duration.ofMinutes(10)));
		take((Long) worker.get()[0], (String) worker.get()[1], ANSWERS[0], li.get(), session, opens.plus(Duration.ofMinutes(12)));
		for (int i = 0; i < COLLEAGUES.length; i++) {
			AccountRef colleague = colleague(i, longtan.get());
			take(colleague.id(), path, ANSWERS[i + 1], li.get(), session, opens.plus(Duration.ofMinutes(20 + 9L * i)));
		}
	}

	/** A colleague's own worker account; its password is random and shown to nobody, so nobody signs in with it. */
	private AccountRef colleague(int i, long union) {
		String username = String.format("1391010%04d", i + 1);
		return accounts.find(username).orElseGet(() -> accounts.createWorker(username, COLLEAGUES[i] + "（京东快递员）",
				"Dm" + HexFormat.of().formatHex(randomBytes()) + "!", union, List.of()));
	}

	private static byte[] randomBytes() {
		byte[] b = new byte[12];
		RANDOM.nextBytes(b);
		return b;
	}

	private void take(long account, String path, int[] answers, long counsellor, long session, Instant at) {
		List<Integer> list = java.util.Arrays.stream(answers).boxed().toList();
		var result = Scoring.score(Instrument.PHQ9, list);
		assessments.insert(account, path, Instrument.PHQ9, cipher.encrypt(String.join(",", list.stream().map(String::valueOf).toList())), result.score(),
				result.band(), result.safety(), counsellor, session, at);
	}
}
