package org.gonghui.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.gonghui.member.WorkForm;
import org.gonghui.shared.IdNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every messy cell a real roster brings, and the reason the error report gives for it. */
class RosterRowParserTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
	private static final String MALE_ID = id("110106199003120", 11); // 17th digit odd: male
	private static final String FEMALE_ID = id("110106199507080", 22); // even: female
	private static final Properties ZH = bundle();

	private final RosterRowParser parser = new RosterRowParser(CLOCK);
	private final RosterRowParser.EmployerMatcher employers = text -> switch (text) {
		case "泛华集团", "91110106MA01FH0003" -> Optional.of(7L);
		default -> Optional.empty();
	};

	private static String id(String first15, int last2) {
		String first17 = first15 + String.format("%02d", last2);
		return first17 + IdNumber.checkCharacter(first17);
	}

	private static String withCheckX() {
		for (int seq = 0; seq < 1000; seq++) {
			String first17 = "11010519800101" + String.format("%03d", seq);
			if (IdNumber.checkCharacter(first17) == 'X') {
				return first17 + 'X';
			}
		}
		throw new IllegalStateException();
	}

	/** A row: column → text cell (numeric when the value is a Double or Long). */
	private RosterRowParser.Result parse(Map<RosterColumn, Object> cells) {
		RosterCell[] row = new RosterCell[RosterColumn.values().length];
		cells.forEach((c, v) -> row[c.ordinal()] = v instanceof Number n ? RosterCell.number(n.toString()) : RosterCell.text((String) v));
		return parser.parse(new RosterRecord(7, row), false, employers);
	}

	private RosterRowParser.Result parse(String name, String gender, String idNumber, String phone, String workForm) {
		return parse(Map.of(RosterColumn.NAME, name, RosterColumn.GENDER, gender, RosterColumn.ID_NUMBER, idNumber, RosterColumn.PHONE, phone,
				RosterColumn.WORK_FORM, workForm));
	}

	private static void assertProblem(RosterRowParser.Result result, RosterColumn column, String code, String chineseReason) {
		assertThat(result.ok()).isFalse();
		assertThat(result.rowNumber()).isEqualTo(7);
		assertThat(result.problems()).anySatisfy(p -> {
			assertThat(p.column()).isEqualTo(column);
			assertThat(p.code()).isEqualTo(code);
			assertThat(MessageFormat.format(ZH.getProperty(code), p.args())).isEqualTo(chineseReason);
		});
	}

	@Test
	void cleanRowBecomesACandidate() {
		var r = parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.GENDER, "男", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.PHONE,
				"13800138000", RosterColumn.EMPLOYER, "泛华集团", RosterColumn.WORK_FORM, "在职职工", RosterColumn.OCCUPATION, "工程师",
				RosterColumn.JOIN_DATE, "2023-05-01"));
		assertThat(r.ok()).isTrue();
		var c = r.candidate();
		assertThat(c.name()).isEqualTo("王强");
		assertThat(c.gender()).isEqualTo(IdNumber.Gender.MALE);
		assertThat(c.idNumber().value()).isEqualTo(MALE_ID);
		assertThat(c.phone().value()).isEqualTo("13800138000");
		assertThat(c.employerId()).isEqualTo(7L);
		assertThat(c.workForm()).isEqualTo(WorkForm.EMPLOYEE);
		assertThat(c.occupation()).isEqualTo("工程师");
		assertThat(c.platformCompany()).isNull();
		assertThat(c.joinDate()).isEqualTo(LocalDate.of(2023, 5, 1));
	}

	@Test
	void fullWidthDigitsStraySpacesAndLowerCaseXAreNormalised() {
		String fullWidth = MALE_ID.chars().mapToObj(ch -> String.valueOf((char) (ch + 0xFEE0))).reduce("", String::concat);
		var r = parse(Map.of(RosterColumn.NAME, " 张　三 ", RosterColumn.ID_NUMBER, "　" + fullWidth.substring(0, 6) + " " + fullWidth.substring(6) + " ",
				RosterColumn.PHONE, "１３８ ００１３ ８０００", RosterColumn.WORK_FORM, " 新就业形态劳动者 ", RosterColumn.PLATFORM, "  美团  ",
				RosterColumn.EMPLOYER, "９１１１０１０６ＭＡ０１ＦＨ０００３"));
		assertThat(r.problems()).isEmpty();
		assertThat(r.candidate().name()).isEqualTo("张三");
		assertThat(r.candidate().idNumber().value()).isEqualTo(MALE_ID);
		assertThat(r.candidate().phone().value()).isEqualTo("13800138000");
		assertThat(r.candidate().platformCompany()).isEqualTo("美团");
		assertThat(r.candidate().employerId()).isEqualTo(7L);
		String x = withCheckX();
		assertThat(x).endsWith("X");
		assertThat(parse("李四", "", x.toLowerCase(), "", "在职职工").candidate().idNumber().value()).isEqualTo(x);
		assertThat(parse("Mary Smith", "", FEMALE_ID, "", "灵活就业人员").candidate().name()).isEqualTo("Mary Smith");
	}

	@Test
	void legacyFifteenDigitNumbersAreConverted() {
		String eighteen = MALE_ID;
		String fifteen = eighteen.substring(0, 6) + eighteen.substring(8, 17);
		var r = parse("王强", "男", fifteen, "", "在职职工");
		assertThat(r.ok()).isTrue();
		assertThat(r.candidate().idNumber().value()).isEqualTo(eighteen);
	}

	@Test
	void phonesStoredAsNumbersAreRead() {
		for (Object phone : new Object[] { 1.3800138E10, "1.3800138E10", "13800138000.0", "+86 138-0013-8000", 13800138000L }) {
			var r = parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.PHONE, phone, RosterColumn.WORK_FORM, "在职职工"));
			assertThat(r.problems()).as(phone.toString()).isEmpty();
			assertThat(r.candidate().phone().value()).isEqualTo("13800138000");
		}
	}

	@ParameterizedTest
	@CsvSource({ "2023-05-01", "2023/5/1", "2023.5.1", "2023年5月1日", "2023 年 5 月 1 日", "20230501", "２０２３－０５－０１", "2023-05-01 00:00:00",
			"45047", "45047.0" })
	void textDatesAndSerialsAreRead(String text) {
		var r = parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.WORK_FORM, "在职职工", RosterColumn.JOIN_DATE, text));
		assertThat(r.problems()).isEmpty();
		assertThat(r.candidate().joinDate()).isEqualTo(LocalDate.of(2023, 5, 1));
	}

	@Test
	void excelDateSerialsInNumberCells() {
		assertThat(RosterRowParser.date(RosterCell.number("45047"), false)).isEqualTo(LocalDate.of(2023, 5, 1));
		assertThat(RosterRowParser.date(RosterCell.number("45047.75"), false)).isEqualTo(LocalDate.of(2023, 5, 1));
		assertThat(RosterRowParser.date(RosterCell.number("61"), false)).isEqualTo(LocalDate.of(1900, 3, 1));
		assertThat(RosterRowParser.date(RosterCell.number("43585"), true)).isEqualTo(LocalDate.of(2023, 5, 1));
		assertThat(RosterRowParser.date(RosterCell.number("20230501"), false)).isEqualTo(LocalDate.of(2023, 5, 1));
		assertThat(RosterRowParser.date(RosterCell.number("-3"), false)).isNull();
		assertThat(RosterRowParser.date(RosterCell.number("99999999"), false)).isNull();
	}

	@Test
	void blankOptionalCellsMeanNotGiven() {
		var r = parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.WORK_FORM, "EMPLOYEE"));
		assertThat(r.ok()).isTrue();
		assertThat(r.candidate().phone()).isNull();
		assertThat(r.candidate().employerId()).isNull();
		assertThat(r.candidate().joinDate()).isNull();
		assertThat(r.candidate().gender()).isEqualTo(IdNumber.Gender.MALE);
	}

	@Test
	void genderThatContradictsTheIdNumberIsAnError() {
		assertProblem(parse("王强", "女", MALE_ID, "", "在职职工"), RosterColumn.GENDER, "member.import.reason.gender.contradicts",
				"性别与身份证号不符（按身份证号应为“男”）");
		assertProblem(parse("李娜", "男性", FEMALE_ID, "", "在职职工"), RosterColumn.GENDER, "member.import.reason.gender.contradicts",
				"性别与身份证号不符（按身份证号应为“女”）");
		assertProblem(parse("王强", "M", MALE_ID, "", "在职职工"), RosterColumn.GENDER, "member.import.reason.gender.invalid", "性别只能填“男”或“女”");
		assertThat(parse("李娜", "女", FEMALE_ID, "", "在职职工").ok()).isTrue();
	}

	@Test
	void invalidIdNumbersSayWhatIsWrong() {
		String wrongCheck = MALE_ID.substring(0, 17) + (MALE_ID.charAt(17) == '0' ? '1' : '0');
		assertProblem(parse("王强", "", wrongCheck, "", "在职职工"), RosterColumn.ID_NUMBER, "member.import.reason.idNumber.checkDigit",
				"身份证号校验位不正确，请核对");
		assertProblem(parse("王强", "", "11010619900312", "", "在职职工"), RosterColumn.ID_NUMBER, "member.import.reason.idNumber.length",
				"身份证号应为 18 位（15 位旧号码会自动升位）");
		assertProblem(parse("王强", "", "11010619900312001A", "", "在职职工"), RosterColumn.ID_NUMBER, "member.import.reason.idNumber.characters",
				"身份证号只能包含数字，最后一位可以是 X");
		assertProblem(parse("王强", "", id("990106199003120", 11), "", "在职职工"), RosterColumn.ID_NUMBER, "member.import.reason.idNumber.region",
				"身份证号的地区码不存在");
		assertProblem(parse("王强", "", id("110106199002300", 11), "", "在职职工"), RosterColumn.ID_NUMBER, "member.import.reason.idNumber.birthDate",
				"身份证号中的出生日期不存在或晚于今天");
		assertProblem(parse("王强", "", id("110106203001010", 11), "", "在职职工"), RosterColumn.ID_NUMBER, "member.import.reason.idNumber.birthDate",
				"身份证号中的出生日期不存在或晚于今天");
		assertProblem(parse("王强", "", "", "", "在职职工"), RosterColumn.ID_NUMBER, "member.import.reason.required", "此项必填");
	}

	@Test
	void idNumbersThatExcelTurnedIntoNumbersAreRecognised() {
		assertProblem(parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, 1.10106199003121E17, RosterColumn.WORK_FORM, "在职职工")),
				RosterColumn.ID_NUMBER, "member.import.reason.idNumber.asNumber", "身份证号被 Excel 存成了数字，后几位已经丢失；请把该列设为“文本”格式后重新填写");
		assertProblem(parse("王强", "", "1.10106199003121E+17", "", "在职职工"), RosterColumn.ID_NUMBER, "member.import.reason.idNumber.asNumber",
				"身份证号被 Excel 存成了数字，后几位已经丢失；请把该列设为“文本”格式后重新填写");
	}

	@Test
	void badPhonesWorkFormsAndPlatforms() {
		assertProblem(parse("王强", "", MALE_ID, "1380013800", "在职职工"), RosterColumn.PHONE, "member.import.reason.phone.length", "手机号应为 11 位");
		assertProblem(parse("王强", "", MALE_ID, "12800138000", "在职职工"), RosterColumn.PHONE, "member.import.reason.phone.prefix",
				"不是大陆手机号（应以 13–19 开头）");
		assertProblem(parse("王强", "", MALE_ID, "138OO138OOO", "在职职工"), RosterColumn.PHONE, "member.import.reason.phone.characters",
				"手机号只能包含数字（可带 +86、空格或短横线）");
		assertProblem(parse("王强", "", MALE_ID, "", "临时工"), RosterColumn.WORK_FORM, "member.import.reason.workForm.invalid",
				"用工形式只能是“在职职工”“新就业形态劳动者”或“灵活就业人员”");
		assertProblem(parse("王强", "", MALE_ID, "", ""), RosterColumn.WORK_FORM, "member.import.reason.required", "此项必填");
		assertProblem(parse("王强", "", MALE_ID, "", "新就业形态劳动者"), RosterColumn.PLATFORM, "member.import.reason.platform.required",
				"用工形式为新就业形态劳动者时，须填写平台企业");
	}

	@Test
	void namesAndTextsAreChecked() {
		assertProblem(parse("", "", MALE_ID, "", "在职职工"), RosterColumn.NAME, "member.import.reason.required", "此项必填");
		assertProblem(parse("王".repeat(51), "", MALE_ID, "", "在职职工"), RosterColumn.NAME, "member.import.reason.tooLong", "不能超过 50 个字");
		assertProblem(parse("王\u0007强", "", MALE_ID, "", "在职职工"), RosterColumn.NAME, "member.import.reason.controlCharacters", "含有不可见的控制字符");
		assertProblem(parse("12345", "", MALE_ID, "", "在职职工"), RosterColumn.NAME, "member.import.reason.name.invalid", "姓名应为文字");
		assertProblem(parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.WORK_FORM, "在职职工", RosterColumn.OCCUPATION,
				"职".repeat(51))), RosterColumn.OCCUPATION, "member.import.reason.tooLong", "不能超过 50 个字");
		assertProblem(parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.WORK_FORM, "新就业形态劳动者",
				RosterColumn.PLATFORM, "平".repeat(51))), RosterColumn.PLATFORM, "member.import.reason.tooLong", "不能超过 50 个字");
	}

	@Test
	void unknownEmployerIsAnError() {
		assertProblem(parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.WORK_FORM, "在职职工", RosterColumn.EMPLOYER,
				"良苑餐厅")), RosterColumn.EMPLOYER, "member.import.reason.employer.unknown",
				"在所选工会及其下级中找不到该工作单位（按单位名称或统一社会信用代码），或有多个同名单位");
	}

	@Test
	void badJoinDates() {
		assertProblem(parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.WORK_FORM, "在职职工", RosterColumn.JOIN_DATE,
				"2023-02-30")), RosterColumn.JOIN_DATE, "member.import.reason.joinDate.invalid", "入会日期无法识别，请写成 2023-05-01 这样的格式");
		assertProblem(parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.WORK_FORM, "在职职工", RosterColumn.JOIN_DATE,
				"去年五月")), RosterColumn.JOIN_DATE, "member.import.reason.joinDate.invalid", "入会日期无法识别，请写成 2023-05-01 这样的格式");
		assertProblem(parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.WORK_FORM, "在职职工", RosterColumn.JOIN_DATE,
				"2027-01-01")), RosterColumn.JOIN_DATE, "member.import.reason.joinDate.future", "入会日期不能晚于今天");
		assertProblem(parse(Map.of(RosterColumn.NAME, "王强", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.WORK_FORM, "在职职工", RosterColumn.JOIN_DATE,
				"1989-01-01")), RosterColumn.JOIN_DATE, "member.import.reason.joinDate.beforeBirth", "入会日期早于出生日期");
	}

	@Test
	void everyProblemOfARowIsReported() {
		var r = parse(Map.of(RosterColumn.NAME, "", RosterColumn.GENDER, "女", RosterColumn.ID_NUMBER, MALE_ID, RosterColumn.PHONE, "123",
				RosterColumn.WORK_FORM, "零工"));
		assertThat(r.problems()).extracting(RosterRowParser.Problem::column)
			.containsExactly(RosterColumn.NAME, RosterColumn.GENDER, RosterColumn.PHONE, RosterColumn.WORK_FORM);
	}

	@Test
	void theTemplateExampleRowIsRefused() {
		assertProblem(parse("张三（示例，请删除）", "男", RosterWorkbooks.EXAMPLE_ID, "13800138000", "在职职工"), null, "member.import.reason.exampleRow",
				"这是模板中的示例行，请删除");
	}

	@Test
	void headersAreRecognisedWhateverTheirDecoration() {
		assertThat(RosterColumn.of(" 身份证号（必填） ")).contains(RosterColumn.ID_NUMBER);
		assertThat(RosterColumn.of("*姓　名")).contains(RosterColumn.NAME);
		assertThat(RosterColumn.of("手机号码")).contains(RosterColumn.PHONE);
		assertThat(RosterColumn.of("入会日期(yyyy-mm-dd)")).contains(RosterColumn.JOIN_DATE);
		assertThat(RosterColumn.of("\uFEFF姓名")).contains(RosterColumn.NAME);
		assertThat(RosterColumn.of("备注")).isEmpty();
	}

	private static Properties bundle() {
		Properties p = new Properties();
		try (InputStream in = RosterRowParserTests.class.getResourceAsStream("/messages_zh_CN.properties")) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return p;
	}
}
