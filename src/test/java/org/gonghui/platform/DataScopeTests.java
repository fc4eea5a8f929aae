package org.gonghui.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.gonghui.shared.OrgPath;
import org.junit.jupiter.api.Test;

class DataScopeTests {

	private final OrgPath fengtai = new OrgPath("/1/3/8/");

	@Test
	void subtreeIncludesItselfAndDescendantsOnly() {
		DataScope scope = DataScope.subtree(fengtai);
		assertThat(scope.includes(fengtai)).isTrue();
		assertThat(scope.includes(new OrgPath("/1/3/8/10/"))).isTrue();
		assertThat(scope.includes(new OrgPath("/1/3/"))).isFalse();
		assertThat(scope.includes(new OrgPath("/1/3/14/"))).isFalse();
		assertThat(scope.includes(new OrgPath("/1/3/80/"))).isFalse();
		assertThat(scope.pathPattern()).isEqualTo("/1/3/8/%");
	}

	@Test
	void allAndNone() {
		assertThat(DataScope.all().includes(fengtai)).isTrue();
		assertThat(DataScope.all().pathPattern()).isEqualTo("/%");
		assertThat(DataScope.none().includes(fengtai)).isFalse();
		// The empty pattern matches no path, so a query bound to it returns nothing.
		assertThat(DataScope.none().pathPattern()).isEmpty();
	}

	@Test
	void subtreeNeedsARoot() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DataScope(DataScope.Kind.SUBTREE, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new DataScope(DataScope.Kind.ALL, fengtai));
	}

	@Test
	void staffMayNotGrantAdmin() {
		assertThat(Role.STAFF.mayGrant(Role.ADMIN)).isFalse();
		assertThat(Role.STAFF.mayGrant(Role.UNION_CHAIR)).isTrue();
		assertThat(Role.ADMIN.mayGrant(Role.ADMIN)).isTrue();
		assertThat(Role.UNION_CHAIR.mayGrant(Role.WORKER)).isFalse();
	}
}
