package org.gonghui.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.gonghui.GonghuiApplication;
import org.gonghui.TestUsers;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.workplan.internal.PlanService;
import org.gonghui.workplan.internal.PlanService.PlanInput;
import org.gonghui.workplan.internal.PlanService.TargetInput;
import org.gonghui.workplan.internal.ProgressService;
import org.gonghui.workplan.internal.SnapshotService;
import org.gonghui.workplan.internal.SnapshotService.FrozenFigure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Period-end snapshots on a real database over {@link MetricFixture}: the figures and the records counted are
 * frozen, a station opened afterwards moves the live figure but not the snapshot, the snapshot is audited, and it
 * is seen in scope only.
 */
@SpringBootTest(classes = GonghuiApplication.class)
@ActiveProfiles({ "demo", "test" })
@Transactional
abstract class SnapshotContract {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanService plans;

	@Autowired
	ProgressService progress;

	@Autowired
	SnapshotService snapshots;

	@Autowired
	UserDetailsService users;

	MetricFixture f;

	@BeforeEach
	void fixture() {
		f = new MetricFixture(jdbc);
		f.site(f.streetA, "OUTDOOR_WORKER_STATION", "甲站一", "OPEN", LocalDate.of(2026, 1, 1));
		f.site(f.unionA1, "OUTDOOR_WORKER_STATION", "甲一站", "OPEN", LocalDate.of(2026, 3, 1));
		f.site(f.streetB, "OUTDOOR_WORKER_STATION", "乙站", "OPEN", LocalDate.of(2026, 4, 1));
		f.site(f.streetB, "OUTDOOR_WORKER_STATION", "乙站旧", "OPEN", LocalDate.of(2025, 12, 31));
		f.staff("jiastreet", f.streetA);
	}

	private <T> T as(String username, Supplier<T> action) {
		return TestUsers.runAs(users, username, action);
	}

	private FrozenFigure stations(long snapshot) {
		return as("beijing", () -> snapshots.detail(snapshot)).targets().stream().filter(t -> t.metric().equals("sites-opened.OUTDOOR_WORKER_STATION"))
			.findFirst().orElseThrow();
	}

	@Test
	void aSnapshotFreezesTheFiguresAndTheRecordsCountedAndALaterStationDoesNotChangeIt() {
		long plan = as("beijing", () -> plans.create(new PlanInput(f.district, 2026, null, List.of(),
				List.of(new TargetInput("sites-opened.OUTDOOR_WORKER_STATION", 10L, "新建户外劳动者服务站点", true, null, null)))));
		long audits = jdbc.sql("select count(*) from audit_entry where action = 'workplan.snapshot.take'").query(Long.class).single();
		long snapshot = as("beijing", () -> snapshots.take(plan));
		FrozenFigure frozen = stations(snapshot);
		assertThat(frozen.actual()).isEqualTo(3);
		assertThat(frozen.value()).isEqualTo(10);
		assertThat(frozen.records()).isEqualTo(3);
		assertThat(as("beijing", () -> snapshots.records(snapshot, frozen.id()))).extracting(r -> r.name())
			.containsExactlyInAnyOrder("甲站一", "甲一站", "乙站");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'workplan.snapshot.take'").query(Long.class).single()).isEqualTo(audits + 1);

		// A mass import after the snapshot: the live figure moves, the snapshot does not.
		f.site(f.streetA, "OUTDOOR_WORKER_STATION", "甲站二", "OPEN", LocalDate.of(2026, 5, 1));
		f.site(f.streetB, "OUTDOOR_WORKER_STATION", "乙站二", "OPEN", LocalDate.of(2026, 5, 2));
		assertThat(as("beijing", () -> progress.progress(plan)).targets().get(0).actual()).isEqualTo(5);
		assertThat(stations(snapshot).actual()).isEqualTo(3);
		assertThat(stations(snapshot).records()).isEqualTo(3);
		assertThat(as("beijing", () -> snapshots.records(snapshot, frozen.id()))).hasSize(3);

		// A second snapshot is a new one; the first stays as it was.
		long second = as("beijing", () -> snapshots.take(plan));
		assertThat(stations(second).actual()).isEqualTo(5);
		assertThat(stations(snapshot).actual()).isEqualTo(3);
		assertThat(as("beijing", () -> snapshots.list(plan))).hasSize(2);
	}

	@Test
	void aSnapshotIsTakenAndSeenInScopeOnly() {
		long plan = as("beijing", () -> plans.create(new PlanInput(f.district, 2026, null, List.of(),
				List.of(new TargetInput("sites-opened.OUTDOOR_WORKER_STATION", 10L, null, false, null, null)))));
		long snapshot = as("beijing", () -> snapshots.take(plan));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("jiastreet", () -> snapshots.take(plan)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("jiastreet", () -> snapshots.detail(snapshot)));
		assertThatExceptionOfType(RecordNotFoundException.class).isThrownBy(() -> as("chaoyang", () -> snapshots.detail(snapshot)));
	}
}
