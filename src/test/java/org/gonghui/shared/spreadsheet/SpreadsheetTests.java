package org.gonghui.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.spreadsheet.SheetReader.SheetLimits;
import org.junit.jupiter.api.Test;

/** The shared spreadsheet rules: encodings, header aliases, limits, formula-safe cells. */
class SpreadsheetTests {

	private static final SheetLimits LIMITS = new SheetLimits(1024 * 1024, 4 * 1024 * 1024, 3);

	enum Column implements SheetColumn {
		NAME("姓名", true, "名字"), ID("身份证号", true, "身份证号码"), HOURS("开放时间", false, "opening_hours");

		private final String header;
		private final boolean required;
		private final List<String> aliases;

		Column(String header, boolean required, String... aliases) {
			this.header = header;
			this.required = required;
			this.aliases = List.of(aliases);
		}

		@Override
		public String header() {
			return header;
		}

		@Override
		public List<String> aliases() {
			return aliases;
		}

		@Override
		public boolean required() {
			return required;
		}
	}

	@Test
	void encodingsAreGuessedTheWayExcelInChinaSavesThem() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a' };
		assertThat(TextEncoding.guess(bom, true)).contains(TextEncoding.UTF8_BOM);
		assertThat(TextEncoding.guess("姓名,身份证号".getBytes(StandardCharsets.UTF_8), true)).contains(TextEncoding.UTF8);
		assertThat(TextEncoding.guess("姓名,身份证号".getBytes(Charset.forName("GB18030")), true)).contains(TextEncoding.GB18030);
		assertThat(TextEncoding.guess(new byte[] { (byte) 0xFF, (byte) 0xFE, 'a', 0 }, true)).isEmpty();
		// A character cut at the end of a sniffed head is no evidence against UTF-8.
		byte[] cut = java.util.Arrays.copyOf("王".getBytes(StandardCharsets.UTF_8), 2);
		assertThat(TextEncoding.guess(cut, false)).contains(TextEncoding.UTF8);
		assertThat(TextEncoding.decode("王强".getBytes(Charset.forName("GB18030")))).get()
			.extracting(TextEncoding.Decoded::text).isEqualTo("王强");
	}

	@Test
	void headersAreFoundByAliasesWithFullWidthFormsSpacesMarkersAndNotes() {
		SheetHeader<Column> header = SheetHeader.match(Column.class, List.of("备注", " *名 字 ", "身份证号（必填）", "OPENING_HOURS"));
		assertThat(header.position(Column.NAME)).isEqualTo(1);
		assertThat(header.position(Column.ID)).isEqualTo(2);
		assertThat(header.position(Column.HOURS)).isEqualTo(3);
		assertThat(header.text(Column.ID)).isEqualTo("身份证号(必填)");
		assertThat(header.missing()).isEmpty();
		SheetHeader<Column> bad = SheetHeader.match(Column.class, List.of("姓名", "名字"));
		assertThat(bad.repeated()).containsExactly(Column.NAME);
		assertThat(bad.missing()).containsExactly(Column.ID);
		assertThat(SheetHeader.names(bad.missing())).isEqualTo("身份证号");
	}

	@Test
	void aCsvIsReadWithExcelRowNumbersAndItsLimitsHold() {
		byte[] csv = "站点登记表\n\n姓名,身份证号\n王强,1\n,\n李娜,2\n".getBytes(Charset.forName("GB18030"));
		SheetReader.Sheet sheet = SheetReader.read("sites.csv", csv, LIMITS);
		assertThat(sheet.header()).containsExactly("站点登记表");
		byte[] plain = "姓名,身份证号\n王强,1\n,\n李娜,2\n".getBytes(StandardCharsets.UTF_8);
		sheet = SheetReader.read("sites.csv", plain, LIMITS);
		assertThat(sheet.header()).containsExactly("姓名", "身份证号");
		assertThat(sheet.rows()).extracting(SheetReader.SheetRow::number).containsExactly(2, 4);
		assertThat(sheet.rows().get(1).cell(0)).isEqualTo("李娜");
		assertThat(sheet.rows().get(1).cell(9)).isNull();
		assertProblem(() -> SheetReader.read("x.csv", "a\n1\n2\n3\n4\n".getBytes(StandardCharsets.UTF_8), LIMITS), "sheet.tooManyRows");
		assertProblem(() -> SheetReader.read("x.csv", new byte[0], LIMITS), "sheet.empty");
		assertProblem(() -> SheetReader.read("x.csv", new byte[2 * 1024 * 1024], LIMITS), "sheet.tooLarge");
		assertProblem(() -> SheetReader.read("old.xls", "not a zip".getBytes(StandardCharsets.UTF_8), LIMITS), "sheet.type");
		assertProblem(() -> SheetReader.read("x.csv", new byte[] { (byte) 0xFF, (byte) 0xFE, 'a', 0 }, LIMITS), "sheet.encoding");
	}

	@Test
	void aZipBombIsRefusedBeforeACellIsRead() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 8; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(bytes.size()).isLessThan(100_000);
		assertProblem(() -> SheetReader.read("bomb.xlsx", bytes.toByteArray(), LIMITS), "sheet.unpackedTooLarge");
	}

	@Test
	void exportedCellsNeverRunAsFormulas() {
		assertThat(SheetCells.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(SheetCells.neutralise("+86 138")).isEqualTo("'+86 138");
		assertThat(SheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SheetCells.neutralise(-5)).isEqualTo("-5");
		assertThat(SheetCells.neutralise("王强")).isEqualTo("王强");
		assertThat(SheetCells.neutralise(null)).isEmpty();
	}

	private static void assertProblem(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.code()).containsExactly(code));
	}
}
