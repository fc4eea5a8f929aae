package org.gonghui.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.gonghui.GonghuiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans for the values hold for the transaction that asks and end with it, so a pooled connection goes back with
 * PostgreSQL's default; asked outside a transaction it is a mistake, not a silent no-op.
 */
@SpringBootTest(classes = GonghuiApplication.class)
@ActiveProfiles({ "demo", "test" })
abstract class QueryPlansContract {

	@Autowired
	QueryPlans plans;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	/** The setting as the database sees it, or null where there is none (H2). */
	abstract String setting();

	@Test
	void theTransactionThatAsksIsPlannedForItsValuesAndTheNextIsNot() {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		String before = transactions.execute(s -> setting());
		String inside = transactions.execute(s -> {
			plans.forValues();
			return setting();
		});
		String after = transactions.execute(s -> setting());
		if (before == null) {
			assertThat(inside).isNull();
			return;
		}
		assertThat(before).isEqualTo("auto");
		assertThat(inside).isEqualTo("force_custom_plan");
		assertThat(after).isEqualTo("auto");
	}

	@Test
	void outsideATransactionItIsRefused() {
		assertThatIllegalStateException().isThrownBy(plans::forValues);
	}
}
