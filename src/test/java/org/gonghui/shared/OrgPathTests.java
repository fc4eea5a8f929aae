package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgPathTests {

	@Test
	void buildsPathsFromIds() {
		OrgPath path = OrgPath.root(1).child(3).child(17);
		assertThat(path.value()).isEqualTo("/1/3/17/");
		assertThat(path.ids()).containsExactly(1L, 3L, 17L);
		assertThat(path.leafId()).isEqualTo(17);
		assertThat(path.depth()).isEqualTo(3);
		assertThat(path.subtreePattern()).isEqualTo("/1/3/17/%");
	}

	@Test
	void withinMeansSelfOrBelowAndNotANamePrefix() {
		OrgPath district = new OrgPath("/1/3/");
		assertThat(new OrgPath("/1/3/").isWithin(district)).isTrue();
		assertThat(new OrgPath("/1/3/17/").isWithin(district)).isTrue();
		assertThat(new OrgPath("/1/").isWithin(district)).isFalse();
		// "/1/35/" starts with "/1/3" but not with "/1/3/": the trailing slash keeps siblings apart.
		assertThat(new OrgPath("/1/35/").isWithin(district)).isFalse();
	}

	@Test
	void rebaseMovesASubtree() {
		OrgPath node = new OrgPath("/1/3/17/20/");
		assertThat(node.rebase(new OrgPath("/1/3/17/"), new OrgPath("/1/8/17/")).value()).isEqualTo("/1/8/17/20/");
		assertThatIllegalArgumentException().isThrownBy(() -> node.rebase(new OrgPath("/1/4/"), new OrgPath("/2/")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/", "1/2/", "/1/2", "/a/", "/1//2/", "/1/%/", "/1/ 2/" })
	void rejectsMalformedPaths(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrgPath(value));
	}
}
