package org.gonghui.care.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gonghui.care.Instrument;
import org.gonghui.platform.PersonalDataCipher;
import org.gonghui.platform.StartupData;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo self-assessments: the demo courier's own history (two GAD-7 a month apart, improving), so 我的 shows a
 * trend; care leads for 朝阳 and 龙潭, whom a missed follow-up reaches. The figures page then shows what unions
 * see of so few people: nothing but "<10".
 */
@Component
@Profile("demo")
@Order(520)
class AssessmentBootstrap implements StartupData {

	private final JdbcClient jdbc;
	private final AssessmentRepository assessments;
	private final PersonalDataCipher cipher;
	private final Clock clock;

	AssessmentBootstrap(JdbcClient jdbc, AssessmentRepository assessments, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.assessments = assessments;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void load() {
		if (jdbc.sql("select count(*) from care_assessment").query(Long.class).single() > 0) {
			return;
		}
		lead("朝阳区总工会", "chaoyang");
		lead("龙潭街道总工会", "longtan");
		var worker = jdbc.sql("select a.id, m.union_path from account a join member m on m.account_username = a.username where a.username = 'worker'")
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("union_path") }).optional();
		if (worker.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		take((Long) worker.get()[0], (String) worker.get()[1], List.of(2, 1, 2, 1, 1, 1, 1), now.minus(Duration.ofDays(35)));
		take((Long) worker.get()[0], (String) worker.get()[1], List.of(1, 0, 1, 1, 0, 1, 0), now.minus(Duration.ofDays(5)));
	}

	private void take(long account, String path, List<Integer> answers, Instant at) {
		var result = Scoring.score(Instrument.GAD7, answers);
		assessments.insert(account, path, Instrument.GAD7, cipher.encrypt(String.join(",", answers.stream().map(String::valueOf).toList())),
				result.score(), result.band(), false, null, at);
	}

	private void lead(String organization, String username) {
		jdbc.sql("insert into care_lead (organization_id, account_id) select o.id, a.id from organization o, account a where o.name = :o and a.username = :u")
			.param("o", organization).param("u", username).update();
	}
}
