package org.gonghui.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.organization.FoundingStatus.CONTACTED;
import static org.gonghui.organization.FoundingStatus.FOUNDED;
import static org.gonghui.organization.FoundingStatus.NOT_STARTED;
import static org.gonghui.organization.FoundingStatus.PREPARING;

import org.gonghui.organization.FoundingStatus;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

/** The founding status rule on its own: every step between the four statuses, for staff and administrators. */
class FoundingTransitionsTests {

	private static final Long UNION = 7L;
	private static final Long OTHER_UNION = 8L;

	@Test
	void forwardStepsAreFreeAndMaySkip() {
		for (FoundingStatus from : FoundingStatus.values()) {
			for (FoundingStatus to : FoundingStatus.values()) {
				if (to.ordinal() > from.ordinal()) {
					assertThat(problem(from, null, to, to == FOUNDED ? UNION : null, false, false)).as(from + " → " + to).isNull();
				}
			}
		}
	}

	@Test
	void stepsBackBeforeFoundingNeedANote() {
		assertThat(problem(PREPARING, null, CONTACTED, null, false, false)).isEqualTo("note:employer.founding.noteRequired");
		assertThat(problem(CONTACTED, null, NOT_STARTED, null, false, false)).isEqualTo("note:employer.founding.noteRequired");
		assertThat(problem(PREPARING, null, NOT_STARTED, null, false, true)).isNull();
	}

	@Test
	void aFoundedEmployerChangesOnlyByAnAdministratorWithANote() {
		for (FoundingStatus to : new FoundingStatus[] { NOT_STARTED, CONTACTED, PREPARING }) {
			assertThat(problem(FOUNDED, UNION, to, null, false, true)).isEqualTo("status:employer.founding.foundedIsFinal");
			assertThat(problem(FOUNDED, UNION, to, null, true, false)).isEqualTo("note:employer.founding.noteRequired");
			assertThat(problem(FOUNDED, UNION, to, null, true, true)).isNull();
		}
		// Another union is a correction too.
		assertThat(problem(FOUNDED, UNION, FOUNDED, OTHER_UNION, false, true)).isEqualTo("status:employer.founding.foundedIsFinal");
		assertThat(problem(FOUNDED, UNION, FOUNDED, OTHER_UNION, true, true)).isNull();
	}

	@Test
	void repeatingTheCurrentStatusIsRefused() {
		for (FoundingStatus s : FoundingStatus.values()) {
			Long union = s == FOUNDED ? UNION : null;
			assertThat(problem(s, union, s, union, true, true)).as(s.name()).isEqualTo("status:employer.founding.unchanged");
		}
	}

	private static String problem(FoundingStatus from, Long fromUnion, FoundingStatus to, Long toUnion, boolean admin, boolean note) {
		FieldProblem p = FoundingService.transitionProblem(from, fromUnion, to, toUnion, admin, note);
		return p == null ? null : p.field() + ":" + p.code();
	}
}
