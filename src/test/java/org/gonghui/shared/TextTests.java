package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

	@Test
	void cleansWhatPeoplePaste() {
		assertThat(Text.clean("\u3000 丰台区  总工会 \t")).isEqualTo("丰台区 总工会");
		assertThat(Text.clean("   ")).isNull();
		assertThat(Text.clean(null)).isNull();
	}

	@Test
	void turnsFullWidthIntoAscii() {
		assertThat(Text.toHalfWidth("ＡＢＣ１２３\u3000")).isEqualTo("ABC123 ");
	}

	@Test
	void findsControlCharacters() {
		assertThat(Text.hasControlCharacters("名称\u0000")).isTrue();
		assertThat(Text.hasControlCharacters("a\tb\nc")).isFalse();
		assertThat(Text.hasControlCharacters(null)).isFalse();
	}

	@Test
	void pagesCountAndClamp() {
		var page = new PageResult<>(java.util.List.of("a"), 0, 20, 41);
		assertThat(page.totalPages()).isEqualTo(3);
		assertThat(page.hasNext()).isTrue();
		assertThat(page.hasPrevious()).isFalse();
		assertThat(new PageResult.Request(-3, 100000)).isEqualTo(new PageResult.Request(0, PageResult.MAX_SIZE));
		assertThat(new PageResult.Request(2, 0).offset()).isEqualTo(40);
	}
}
