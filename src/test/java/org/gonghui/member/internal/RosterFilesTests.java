package org.gonghui.member.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.member.internal.RosterTestData.HEADER;
import static org.gonghui.member.internal.RosterTestData.row;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-level handling: type by content, CSV encodings, .xlsx streaming, zip bombs, limits, headers. */
class RosterFilesTests {

	private static final Charset GB18030 = Charset.forName("GB18030");

	@TempDir
	Path dir;

	private final RosterFiles files = new RosterFiles(RosterFiles.Limits.defaults());

	private static List<List<Object>> rows() {
		return List.of(row("王强", "男", RosterTestData.newId(true), "13800138000", "", "在职职工", "工程师", "", "2023-05-01"),
				row("李娜", "女", RosterTestData.newId(false), "13900139000", "", "新就业形态劳动者", "外卖骑手", "美团", "2024/1/2"));
	}

	private List<RosterRecord> readAll(Path file, String name) {
		RosterFiles.Format format = files.format(name, file);
		RosterFiles.Inspection inspection = files.inspect(file, format, true);
		List<RosterRecord> records = new ArrayList<>();
		try (RosterReader reader = files.open(file, inspection)) {
			RosterRecord r;
			while ((r = reader.next()) != null) {
				records.add(r);
			}
		}
		return records;
	}

	private static void assertFileProblem(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOf(RosterFileException.class).extracting(e -> ((RosterFileException) e).code()).isEqualTo(code);
	}

	@Test
	void csvInUtf8WithBomWithoutBomAndGb18030() throws IOException {
		for (var variant : List.of(new Object[] { StandardCharsets.UTF_8, true, org.gonghui.shared.spreadsheet.TextEncoding.UTF8_BOM },
				new Object[] { StandardCharsets.UTF_8, false, org.gonghui.shared.spreadsheet.TextEncoding.UTF8 }, new Object[] { GB18030, false, org.gonghui.shared.spreadsheet.TextEncoding.GB18030 })) {
			Path file = RosterTestData.csv(dir, "roster-" + variant[2] + ".csv", (Charset) variant[0], (boolean) variant[1], HEADER, rows());
			RosterFiles.Inspection inspection = files.inspect(file, files.format("名册.CSV", file), true);
			assertThat(inspection.encoding()).isEqualTo(variant[2]);
			assertThat(inspection.dataRows()).isEqualTo(2);
			List<RosterRecord> records = readAll(file, "名册.csv");
			assertThat(records).hasSize(2);
			assertThat(records.get(0).rowNumber()).isEqualTo(2);
			assertThat(records.get(0).cell(RosterColumn.NAME).text()).isEqualTo("王强");
			assertThat(records.get(1).cell(RosterColumn.WORK_FORM).text()).isEqualTo("新就业形态劳动者");
			assertThat(records.get(1).cell(RosterColumn.PLATFORM).text()).isEqualTo("美团");
		}
	}

	@Test
	void theFullPassDecidesTheEncodingOverTheWholeFile() throws IOException {
		// UTF-8 for the first 64 KiB (what the upload check sees), then a line written in GB18030: refused by the full pass.
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			rows.add(row("Wang Qiang", "", RosterTestData.newId(true), "13800138000", "", "EMPLOYEE", "engineer", "", "2023-05-01"));
		}
		Path file = RosterTestData.csv(dir, "mixed-encoding.csv", StandardCharsets.UTF_8, false, HEADER, rows);
		Files.write(file, ("李娜,女," + RosterTestData.newId(false) + ",,,灵活就业人员,,,\r\n").getBytes(GB18030), java.nio.file.StandardOpenOption.APPEND);
		assertThat(Files.size(file)).isGreaterThan(64 * 1024);
		assertThat(CsvSniffer.sniffEncoding(file)).isEqualTo(org.gonghui.shared.spreadsheet.TextEncoding.UTF8);
		assertThat(files.inspect(file, RosterFiles.Format.CSV, false).encoding()).isEqualTo(org.gonghui.shared.spreadsheet.TextEncoding.UTF8);
		assertFileProblem(() -> files.inspect(file, RosterFiles.Format.CSV, true), "member.import.file.encoding");
		// A GB18030 file is recognised from its Chinese header already.
		Path gb = RosterTestData.csv(dir, "gb.csv", GB18030, false, HEADER, rows.subList(0, 3));
		assertThat(CsvSniffer.sniffEncoding(gb)).isEqualTo(org.gonghui.shared.spreadsheet.TextEncoding.GB18030);
	}

	@Test
	void undecodableOrUtf16CsvIsRefused() throws IOException {
		Path bad = dir.resolve("bad.csv");
		byte[] header = String.join(",", HEADER).getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[header.length + 6];
		System.arraycopy(header, 0, content, 0, header.length);
		// \r\n then 0x80 0xFF: invalid in UTF-8 and in GB18030
		content[header.length] = '\r';
		content[header.length + 1] = '\n';
		content[header.length + 2] = (byte) 0x80;
		content[header.length + 3] = (byte) 0xFF;
		content[header.length + 4] = ',';
		content[header.length + 5] = 'x';
		Files.write(bad, content);
		assertFileProblem(() -> files.inspect(bad, RosterFiles.Format.CSV, true), "member.import.file.encoding");

		Path utf16 = dir.resolve("unicode.csv");
		Files.write(utf16, ("\uFEFF" + String.join("\t", HEADER)).getBytes(StandardCharsets.UTF_16LE));
		assertFileProblem(() -> files.inspect(utf16, files.format("unicode.csv", utf16), false), "member.import.file.utf16");
	}

	@Test
	void csvWithQuotedLineBreaksSemicolonsAndBlankLines() throws IOException {
		String id = RosterTestData.newId(true);
		Path file = dir.resolve("messy.csv");
		Files.writeString(file, "备注;姓名;身份证号;用工形式\r\n\"两行\n备注\";王强;" + id + ";在职职工\r\n\r\n;;;\r\n;李娜;" + RosterTestData.newId(false) + ";灵活就业人员\r\n",
				StandardCharsets.UTF_8);
		List<RosterRecord> records = readAll(file, "messy.csv");
		assertThat(records).extracting(RosterRecord::rowNumber).containsExactly(2, 3, 4, 5);
		assertThat(records.get(0).cell(RosterColumn.ID_NUMBER).text()).isEqualTo(id);
		assertThat(records.get(1).isBlank()).isTrue();
		assertThat(records.get(2).isBlank()).isTrue();
		assertThat(records.get(3).cell(RosterColumn.NAME).text()).isEqualTo("李娜");
	}

	@Test
	void unclosedQuoteIsAFileError() throws IOException {
		Path file = dir.resolve("quote.csv");
		Files.writeString(file, String.join(",", HEADER) + "\r\n王强,男,\"110106199003120011,13800138000\r\n", StandardCharsets.UTF_8);
		assertFileProblem(() -> files.inspect(file, RosterFiles.Format.CSV, true), "member.import.file.badCsv");
		var small = new RosterFiles(new RosterFiles.Limits(100L << 20, RosterFiles.EXCEL_MAX_ROWS, 1L << 30, 100, 150L << 20, 1000, 1000));
		StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append("\r\n王强,男,\"");
		sb.append("很长的备注\n".repeat(20_000));
		Path runaway = dir.resolve("runaway.csv");
		Files.writeString(runaway, sb, StandardCharsets.UTF_8);
		assertFileProblem(() -> small.inspect(runaway, RosterFiles.Format.CSV, true), "member.import.file.recordTooLong");
	}

	@Test
	void xlsxIsStreamedFromTheFirstSheetWithNumbersAndDates() throws IOException {
		String id = RosterTestData.newId(true);
		List<String> header = List.of("序号", "用工形式", "手机号", "姓名", "身份证号", "入会日期", "备注");
		Path file = RosterTestData.xlsx(dir, "名册.xlsx", "北京市丰台区会员登记表", 1, header,
				List.of(row(1, "在职职工", 13800138000L, "王强", id, LocalDate.of(2023, 5, 1), "x"), row(), row(3, "灵活就业人员", new BigDecimal("1.3900139E10"),
						"李娜", RosterTestData.newId(false), 45047, null)));
		RosterFiles.Inspection inspection = files.inspect(file, files.format("名册.xlsx", file), true);
		assertThat(inspection.format()).isEqualTo(RosterFiles.Format.XLSX);
		assertThat(inspection.header().rowNumber()).isEqualTo(2);
		List<RosterRecord> records = readAll(file, "名册.xlsx");
		RosterRecord first = records.get(0);
		assertThat(first.rowNumber()).isEqualTo(3);
		assertThat(first.cell(RosterColumn.NAME).text()).isEqualTo("王强");
		assertThat(first.cell(RosterColumn.ID_NUMBER).text()).isEqualTo(id);
		assertThat(first.cell(RosterColumn.PHONE)).isEqualTo(RosterCell.number("13800138000"));
		assertThat(first.cell(RosterColumn.JOIN_DATE).numeric()).isTrue();
		assertThat(RosterRowParser.date(first.cell(RosterColumn.JOIN_DATE), false)).isEqualTo(LocalDate.of(2023, 5, 1));
		RosterRecord last = records.get(records.size() - 1);
		assertThat(last.rowNumber()).isEqualTo(5);
		assertThat(org.gonghui.shared.PhoneNumber.parse(last.cell(RosterColumn.PHONE).text())).map(p -> p.value()).contains("13900139000");
		assertThat(RosterRowParser.date(last.cell(RosterColumn.JOIN_DATE), false)).isEqualTo(LocalDate.of(2023, 5, 1));
		assertThat(records).filteredOn(r -> !r.isBlank()).hasSize(2);
	}

	@Test
	void aMissingRequiredColumnRefusesTheWholeFile() throws IOException {
		Path csv = RosterTestData.csv(dir, "missing.csv", StandardCharsets.UTF_8, true, List.of("姓名", "身份证号", "手机号"), List.of());
		assertThatThrownBy(() -> files.inspect(csv, RosterFiles.Format.CSV, false)).isInstanceOf(RosterFileException.class)
			.satisfies(e -> {
				assertThat(((RosterFileException) e).code()).isEqualTo("member.import.file.missingColumns");
				assertThat(((RosterFileException) e).args()).containsExactly("用工形式");
			});
		Path xlsx = RosterTestData.xlsx(dir, "missing.xlsx", null, 0, List.of("姓名", "性别", "手机号"), List.of());
		assertThatThrownBy(() -> files.inspect(xlsx, RosterFiles.Format.XLSX, false)).isInstanceOf(RosterFileException.class)
			.satisfies(e -> assertThat(((RosterFileException) e).args()).containsExactly("身份证号、用工形式"));
		Path repeated = RosterTestData.csv(dir, "repeated.csv", StandardCharsets.UTF_8, false, List.of("姓名", "身份证号", "用工形式", "身份证号码"), List.of());
		assertFileProblem(() -> files.inspect(repeated, RosterFiles.Format.CSV, false), "member.import.file.repeatedColumn");
		Path noHeader = RosterTestData.csv(dir, "noheader.csv", StandardCharsets.UTF_8, false, List.of("a", "b"), List.of(row("1", "2")));
		assertFileProblem(() -> files.inspect(noHeader, RosterFiles.Format.CSV, false), "member.import.file.noHeader");
	}

	@Test
	void typeIsJudgedByContentNotByName() throws IOException {
		Path pdf = dir.resolve("roster.csv");
		Files.write(pdf, "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII));
		assertFileProblem(() -> files.format("roster.csv", pdf), "member.import.file.wrongType");
		Path xls = dir.resolve("old.xls");
		Files.write(xls, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 });
		assertFileProblem(() -> files.format("old.xls", xls), "member.import.file.legacyExcel");
		assertFileProblem(() -> files.format("renamed.xlsx", xls), "member.import.file.legacyExcel");
		Path text = RosterTestData.csv(dir, "text.csv", StandardCharsets.UTF_8, false, HEADER, rows());
		assertFileProblem(() -> files.format("roster.xlsx", text), "member.import.file.textNamedXlsx");
		assertFileProblem(() -> files.format("roster.txt", text), "member.import.file.wrongType");
		assertThat(files.format("blob", text)).isEqualTo(RosterFiles.Format.CSV);
		Path xlsx = RosterTestData.xlsx(dir, "real.xlsx", null, 0, HEADER, rows());
		assertFileProblem(() -> files.format("roster.csv", xlsx), "member.import.file.xlsxNamedCsv");
		assertThat(files.format("blob", xlsx)).isEqualTo(RosterFiles.Format.XLSX);
		Path binary = dir.resolve("binary.csv");
		Files.write(binary, new byte[] { 'a', 0, 'b', 0 });
		assertFileProblem(() -> files.format("binary.csv", binary), "member.import.file.wrongType");
		Path empty = dir.resolve("empty.csv");
		Files.write(empty, new byte[0]);
		assertFileProblem(() -> files.format("empty.csv", empty), "member.import.file.empty");
		Path notWorkbook = dir.resolve("document.xlsx");
		try (var zip = new ZipOutputStream(Files.newOutputStream(notWorkbook))) {
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
		}
		assertFileProblem(() -> files.inspect(notWorkbook, files.format("document.xlsx", notWorkbook), false), "member.import.file.notWorkbook");
		Path truncated = dir.resolve("truncated.xlsx");
		byte[] bytes = Files.readAllBytes(xlsx);
		Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		assertFileProblem(() -> files.inspect(truncated, RosterFiles.Format.XLSX, false), "member.import.file.damaged");
	}

	@Test
	void zipBombsAreRefusedBeforeTheyAreRead() throws IOException {
		Path bomb = dir.resolve("bomb.xlsx");
		Path real = RosterTestData.xlsx(dir, "base.xlsx", null, 0, HEADER, rows());
		try (var in = new java.util.zip.ZipFile(real.toFile()); var zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
			for (var entries = in.entries(); entries.hasMoreElements();) {
				ZipEntry e = entries.nextElement();
				zip.putNextEntry(new ZipEntry(e.getName()));
				in.getInputStream(e).transferTo(zip);
			}
			zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 40; i++) {
				zip.write(zeros);
			}
		}
		assertThat(Files.size(bomb)).isLessThan(1 << 20);
		// The directory declares the sizes: refused at upload.
		var archive = new XlsxArchiveCheck(RosterFiles.Limits.defaults());
		assertFileProblem(() -> archive.checkDirectory(bomb), "member.import.file.zipBomb");
		// Declared sizes can lie; the full pass counts the inflated bytes themselves.
		assertFileProblem(() -> archive.inflateAndCountRows(bomb), "member.import.file.zipBomb");
		var tinyTotal = new XlsxArchiveCheck(new RosterFiles.Limits(100L << 20, RosterFiles.EXCEL_MAX_ROWS, 4096, 100, 150L << 20, 1000, 100_000));
		assertFileProblem(() -> tinyTotal.inflateAndCountRows(real), "member.import.file.zipBomb");
		var fewStrings = new RosterFiles(new RosterFiles.Limits(100L << 20, RosterFiles.EXCEL_MAX_ROWS, 1L << 30, 100, 100, 1000, 100_000));
		assertFileProblem(() -> fewStrings.inspect(real, RosterFiles.Format.XLSX, true), "member.import.file.tooManyTexts");
	}

	@Test
	void moreRowsThanASheetAllowsAreRefusedBeforeAnythingIsRead() throws IOException {
		var fiveRows = new RosterFiles(new RosterFiles.Limits(100L << 20, 5, 1L << 30, 100, 150L << 20, 1000, 100_000));
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			rows.add(row("王强", "", RosterTestData.newId(true), "", "", "在职职工"));
		}
		Path csv = RosterTestData.csv(dir, "six.csv", StandardCharsets.UTF_8, false, HEADER, rows);
		assertFileProblem(() -> fiveRows.inspect(csv, RosterFiles.Format.CSV, true), "member.import.file.tooManyRows");
		assertThat(fiveRows.inspect(csv, RosterFiles.Format.CSV, false).dataRows()).isNull();
		Path xlsx = RosterTestData.xlsx(dir, "six.xlsx", null, 0, HEADER, rows);
		assertFileProblem(() -> fiveRows.inspect(xlsx, RosterFiles.Format.XLSX, true), "member.import.file.tooManyRows");
		assertThat(files.inspect(xlsx, RosterFiles.Format.XLSX, true).dataRows()).isEqualTo(5);
	}

	@Test
	void theTemplateIsAnImportableWorkbookWithDropDowns() throws IOException {
		Path template = dir.resolve("template.xlsx");
		try (OutputStream out = Files.newOutputStream(template)) {
			RosterWorkbooks.template(out, List.of("说明一", "说明二"));
		}
		RosterFiles.Inspection inspection = files.inspect(template, files.format("template.xlsx", template), true);
		for (RosterColumn c : RosterColumn.values()) {
			assertThat(inspection.header().position(c)).isEqualTo(c.ordinal());
		}
		List<RosterRecord> records = readAll(template, "template.xlsx");
		assertThat(records).hasSize(1);
		assertThat(records.get(0).cell(RosterColumn.ID_NUMBER).text()).isEqualTo(RosterWorkbooks.EXAMPLE_ID);
		try (var zip = new java.util.zip.ZipFile(template.toFile())) {
			String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
			// 性别 (column B) and 用工形式 (column F) offer the lists kept on the 代码表 sheet (its name is XML-escaped).
			assertThat(sheet).contains("sqref=\"B2:B20001\" type=\"list\"").contains("sqref=\"F2:F20001\" type=\"list\"")
				.contains("errorStyle=\"stop\"").contains("!$A$2:$A$3</formula1>").contains("!$B$2:$B$4</formula1>");
		}
	}
}
