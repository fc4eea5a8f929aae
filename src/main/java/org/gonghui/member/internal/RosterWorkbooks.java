package org.gonghui.member.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.WorkForm;
import org.gonghui.shared.IdNumber;

/**
 * The .xlsx files of the roster work, written with fastexcel: the import template, the export of a
 * member list (identifiers masked) and an import's error report. Text cells are written as text, so
 * nothing a member typed can become a formula.
 */
final class RosterWorkbooks {

	/** 在职职工 / 新就业形态劳动者 / 灵活就业人员, the template's drop-down values. */
	static final List<String> WORK_FORM_LABELS = List.of("在职职工", "新就业形态劳动者", "灵活就业人员");
	static final List<String> GENDER_LABELS = List.of("男", "女");

	/**
	 * The template's example row. Its 身份证号 (a valid number of a fictitious person) is refused by the
	 * import with a hint, so an example left in the file never becomes a member.
	 */
	static final String EXAMPLE_ID = example();

	private static final String APP = "Gonghui";
	private static final String VERSION = "1.0";
	private static final int TEMPLATE_ROWS = 20_000;
	private static final String HEADER_FILL = "E8EEF4";

	private RosterWorkbooks() {
	}

	private static String example() {
		String first17 = "11010619900307001";
		return first17 + IdNumber.checkCharacter(first17);
	}

	/** The import template: a sheet with the columns, drop-down lists and an example row, notes, and the code lists. */
	static void template(OutputStream out, List<String> notes) throws IOException {
		Workbook wb = new Workbook(out, APP, VERSION);
		Worksheet sheet = wb.newWorksheet("会员名册");
		Worksheet help = wb.newWorksheet("填写说明");
		Worksheet codes = wb.newWorksheet("代码表");
		RosterColumn[] columns = RosterColumn.values();
		for (int c = 0; c < columns.length; c++) {
			sheet.value(0, c, columns[c].header());
			sheet.width(c, switch (columns[c]) {
				case ID_NUMBER -> 22;
				case EMPLOYER, PLATFORM -> 24;
				case WORK_FORM -> 18;
				case PHONE, JOIN_DATE -> 14;
				default -> 10;
			});
		}
		sheet.range(0, 0, 0, columns.length - 1).style().bold().fillColor(HEADER_FILL).set();
		// Text format for the identifier columns, so Excel keeps all 18 digits and the leading digits of phones.
		// Column styles, not cell styles: the sheet holds no empty formatted rows that an import would have to read.
		sheet.style(RosterColumn.ID_NUMBER.ordinal()).format("@").set();
		sheet.style(RosterColumn.PHONE.ordinal()).format("@").set();
		sheet.style(RosterColumn.JOIN_DATE.ordinal()).format("yyyy-mm-dd").set();
		Object[] example = { "张三（示例，请删除）", "男", EXAMPLE_ID, "13800138000", "泛华集团", "在职职工", "工程师", "", LocalDate.of(2023, 5, 1) };
		for (int c = 0; c < example.length; c++) {
			if (example[c] instanceof LocalDate d) {
				sheet.value(1, c, d);
			}
			else {
				sheet.value(1, c, (String) example[c]);
			}
		}
		sheet.range(1, 0, 1, columns.length - 1).style().fontColor("808080").italic().set();
		sheet.range(1, RosterColumn.JOIN_DATE.ordinal(), 1, RosterColumn.JOIN_DATE.ordinal()).style().format("yyyy-mm-dd").fontColor("808080")
			.italic().set();
		sheet.freezePane(0, 1);

		codes.value(0, 0, "性别");
		codes.value(0, 1, "用工形式");
		for (int i = 0; i < GENDER_LABELS.size(); i++) {
			codes.value(i + 1, 0, GENDER_LABELS.get(i));
		}
		for (int i = 0; i < WORK_FORM_LABELS.size(); i++) {
			codes.value(i + 1, 1, WORK_FORM_LABELS.get(i));
		}
		codes.width(1, 20);
		codes.setVisibilityState(VisibilityState.HIDDEN);
		sheet.range(1, RosterColumn.GENDER.ordinal(), TEMPLATE_ROWS, RosterColumn.GENDER.ordinal())
			.validateWithList(codes.range(1, 0, GENDER_LABELS.size(), 0))
			.allowBlank(true)
			.errorStyle(DataValidationErrorStyle.STOP)
			.showErrorMessage(true)
			.errorTitle("性别")
			.error("请从下拉列表中选择：男 或 女");
		sheet.range(1, RosterColumn.WORK_FORM.ordinal(), TEMPLATE_ROWS, RosterColumn.WORK_FORM.ordinal())
			.validateWithList(codes.range(1, 1, WORK_FORM_LABELS.size(), 1))
			.allowBlank(false)
			.errorStyle(DataValidationErrorStyle.STOP)
			.showErrorMessage(true)
			.errorTitle("用工形式")
			.error("请从下拉列表中选择：在职职工、新就业形态劳动者 或 灵活就业人员");

		help.value(0, 0, "填写说明");
		help.style(0, 0).bold().fontSize(14).set();
		for (int i = 0; i < notes.size(); i++) {
			help.value(i + 2, 0, notes.get(i));
		}
		help.width(0, 110);
		wb.finish();
	}

	/** A member list as the export shows it: identifiers masked, codes in Chinese. */
	static void members(OutputStream out, List<MemberService.MemberView> rows) throws IOException {
		Workbook wb = new Workbook(out, APP, VERSION);
		Worksheet sheet = wb.newWorksheet("会员名册");
		List<String> headers = List.of("姓名", "性别", "身份证号(已脱敏)", "手机号(已脱敏)", "工会", "工作单位", "用工形式", "职业", "平台企业", "入会日期", "状态",
				"会员卡号");
		writeHeader(sheet, headers);
		int[] widths = { 10, 6, 22, 14, 24, 24, 18, 12, 14, 12, 8, 20 };
		for (int c = 0; c < widths.length; c++) {
			sheet.width(c, widths[c]);
		}
		int r = 1;
		for (MemberService.MemberView m : rows) {
			text(sheet, r, 0, m.name());
			text(sheet, r, 1, m.gender() == IdNumber.Gender.MALE ? "男" : "女");
			text(sheet, r, 2, m.idNumber());
			text(sheet, r, 3, m.phone());
			text(sheet, r, 4, m.unionName());
			text(sheet, r, 5, m.employerName());
			text(sheet, r, 6, workForm(m.workForm()));
			text(sheet, r, 7, m.occupation());
			text(sheet, r, 8, m.platformCompany());
			if (m.joinDate() != null) {
				sheet.value(r, 9, m.joinDate());
				sheet.style(r, 9).format("yyyy-mm-dd").set();
			}
			text(sheet, r, 10, status(m.status()));
			text(sheet, r, 11, m.cardNumber());
			if (r % 1000 == 0) {
				sheet.flush();
			}
			r++;
		}
		sheet.freezePane(0, 1);
		wb.finish();
	}

	/** An import's rejected rows: row number as Excel shows it, column, reason. Pages through the errors. */
	static void errors(OutputStream out, String title, Function<Long, List<MemberImportRepository.ErrorRow>> page) throws IOException {
		Workbook wb = new Workbook(out, APP, VERSION);
		Worksheet sheet = wb.newWorksheet("错误报告");
		sheet.inlineString(0, 0, title);
		sheet.style(0, 0).bold().set();
		writeHeader(sheet, 1, List.of("行号", "列", "原因"));
		sheet.width(0, 8);
		sheet.width(1, 14);
		sheet.width(2, 80);
		int r = 2;
		long after = 0;
		List<MemberImportRepository.ErrorRow> rows;
		while (!(rows = page.apply(after)).isEmpty()) {
			for (MemberImportRepository.ErrorRow row : rows) {
				sheet.value(r, 0, row.error().rowNumber());
				if (row.error().column() != null) {
					sheet.inlineString(r, 1, row.error().column());
				}
				sheet.inlineString(r, 2, row.error().reason());
				r++;
				after = row.id();
			}
			sheet.flush();
		}
		wb.finish();
	}

	static String workForm(WorkForm workForm) {
		return workForm == null ? null : WORK_FORM_LABELS.get(workForm.ordinal());
	}

	static String status(MemberStatus status) {
		return switch (status) {
			case ACTIVE -> "在册";
			case TRANSFERRED_OUT -> "已转出";
			case LEFT -> "已退会";
		};
	}

	private static void writeHeader(Worksheet sheet, List<String> headers) {
		writeHeader(sheet, 0, headers);
	}

	private static void writeHeader(Worksheet sheet, int row, List<String> headers) {
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(row, c, headers.get(c));
		}
		sheet.range(row, 0, row, headers.size() - 1).style().bold().fillColor(HEADER_FILL).set();
	}

	private static void text(Worksheet sheet, int r, int c, String value) {
		if (value != null && !value.isEmpty()) {
			sheet.value(r, c, value);
		}
	}
}
