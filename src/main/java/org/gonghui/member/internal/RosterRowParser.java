package org.gonghui.member.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gonghui.member.WorkForm;
import org.gonghui.shared.IdNumber;
import org.gonghui.shared.PhoneNumber;
import org.gonghui.shared.Text;

/**
 * Turns one roster row into a validated candidate or the list of its problems (every problem of the
 * row, so one correction round fixes them all). Normalises what spreadsheets and Chinese input methods
 * produce: full-width digits and letters, stray and full-width spaces, Excel date serials and text dates,
 * phone numbers stored as numbers.
 * <p>
 * Rules beyond the cell types: 性别, when given, must agree with the 身份证号; 平台企业 is required for
 * 新就业形态劳动者; 工作单位, when given, must name (or give the credit code of) exactly one employer in the
 * target union's subtree; 入会日期 may not lie in the future nor before the birth date. Blank optional
 * cells mean "not given": a new member gets nothing (入会日期: the import day), an existing member keeps
 * what the registry has (see {@link RosterWriter}).
 */
final class RosterRowParser {

	static final int MAX_NAME = MemberService.MAX_NAME;
	static final int MAX_TEXT = MemberService.MAX_TEXT;
	static final int MAX_EMPLOYER = 100;
	private static final LocalDate EARLIEST_JOIN = LocalDate.of(1900, 1, 1);

	// 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, optionally followed by a time of day (exports from other systems).
	private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
	private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(\\.\\d+)?");
	// What Excel makes of an 18-digit number: 1.10105199001011E+17 (the last digits are gone).
	private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");
	private static final Pattern HAN_GAP = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");

	/** Finds the employer a 工作单位 cell names within the target union's subtree. */
	@FunctionalInterface
	interface EmployerMatcher {
		Optional<Long> match(String nameOrCreditCode);
	}

	/** A problem with one cell ({@code column} null: the whole row); {@code code} is a message key. */
	record Problem(RosterColumn column, String code, Object... args) {
	}

	/** A row that passed every check. Blank optional cells are null. */
	record Candidate(int rowNumber, String name, IdNumber.Gender gender, IdNumber idNumber, PhoneNumber phone, Long employerId,
			WorkForm workForm, String occupation, String platformCompany, LocalDate joinDate) {
	}

	record Result(int rowNumber, Candidate candidate, List<Problem> problems) {

		boolean ok() {
			return candidate != null;
		}
	}

	private final Clock clock;

	RosterRowParser(Clock clock) {
		this.clock = clock;
	}

	Result parse(RosterRecord row, boolean date1904, EmployerMatcher employers) {
		List<Problem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);

		String name = name(row.cell(RosterColumn.NAME), problems);

		IdNumber id = null;
		RosterCell idCell = row.cell(RosterColumn.ID_NUMBER);
		String idText = halfWidth(idCell.text()).strip();
		if (idCell.numeric() && idText.endsWith(".0")) {
			idText = idText.substring(0, idText.length() - 2);
		}
		if (SCIENTIFIC.matcher(idText).matches()) {
			problems.add(new Problem(RosterColumn.ID_NUMBER, "member.import.reason.idNumber.asNumber"));
		}
		else {
			Optional<IdNumber.Problem> idProblem = IdNumber.problem(idText, clock);
			if (idProblem.isPresent()) {
				problems.add(new Problem(RosterColumn.ID_NUMBER, idReason(idProblem.get())));
			}
			else if (IdNumber.of(idText, clock).value().equals(RosterWorkbooks.EXAMPLE_ID)) {
				problems.add(new Problem(null, "member.import.reason.exampleRow"));
			}
			else {
				id = IdNumber.of(idText, clock);
			}
		}

		IdNumber.Gender gender = null;
		String genderText = clean(row.cell(RosterColumn.GENDER).text());
		if (genderText != null) {
			gender = switch (genderText) {
				case "男", "男性" -> IdNumber.Gender.MALE;
				case "女", "女性" -> IdNumber.Gender.FEMALE;
				default -> null;
			};
			if (gender == null) {
				problems.add(new Problem(RosterColumn.GENDER, "member.import.reason.gender.invalid"));
			}
			else if (id != null && id.gender() != gender) {
				problems.add(new Problem(RosterColumn.GENDER, "member.import.reason.gender.contradicts",
						id.gender() == IdNumber.Gender.MALE ? "男" : "女"));
			}
		}

		PhoneNumber phone = null;
		RosterCell phoneCell = row.cell(RosterColumn.PHONE);
		if (!phoneCell.isBlank()) {
			Optional<PhoneNumber.Problem> phoneProblem = PhoneNumber.problem(phoneCell.text());
			if (phoneProblem.isPresent()) {
				problems.add(new Problem(RosterColumn.PHONE, phoneReason(phoneProblem.get())));
			}
			else {
				phone = PhoneNumber.of(phoneCell.text());
			}
		}

		WorkForm workForm = null;
		String workFormText = clean(row.cell(RosterColumn.WORK_FORM).text());
		if (workFormText == null) {
			problems.add(new Problem(RosterColumn.WORK_FORM, "member.import.reason.required"));
		}
		else {
			workForm = workForm(workFormText);
			if (workForm == null) {
				problems.add(new Problem(RosterColumn.WORK_FORM, "member.import.reason.workForm.invalid"));
			}
		}

		String occupation = text(row.cell(RosterColumn.OCCUPATION), RosterColumn.OCCUPATION, MAX_TEXT, problems);
		String platform = text(row.cell(RosterColumn.PLATFORM), RosterColumn.PLATFORM, MAX_TEXT, problems);
		if (workForm == WorkForm.PLATFORM && platform == null && !hasProblem(problems, RosterColumn.PLATFORM)) {
			problems.add(new Problem(RosterColumn.PLATFORM, "member.import.reason.platform.required"));
		}

		Long employerId = null;
		String employer = text(row.cell(RosterColumn.EMPLOYER), RosterColumn.EMPLOYER, MAX_EMPLOYER, problems);
		if (employer != null) {
			employerId = employers.match(employer).orElse(null);
			if (employerId == null) {
				problems.add(new Problem(RosterColumn.EMPLOYER, "member.import.reason.employer.unknown"));
			}
		}

		LocalDate joinDate = null;
		RosterCell joinCell = row.cell(RosterColumn.JOIN_DATE);
		if (!joinCell.isBlank()) {
			joinDate = date(joinCell, date1904);
			if (joinDate == null) {
				problems.add(new Problem(RosterColumn.JOIN_DATE, "member.import.reason.joinDate.invalid"));
			}
			else if (joinDate.isAfter(today)) {
				problems.add(new Problem(RosterColumn.JOIN_DATE, "member.import.reason.joinDate.future"));
				joinDate = null;
			}
			else if (id != null && joinDate.isBefore(id.birthDate())) {
				problems.add(new Problem(RosterColumn.JOIN_DATE, "member.import.reason.joinDate.beforeBirth"));
				joinDate = null;
			}
		}

		if (!problems.isEmpty()) {
			return new Result(row.rowNumber(), null, List.copyOf(problems));
		}
		return new Result(row.rowNumber(),
				new Candidate(row.rowNumber(), name, id.gender(), id, phone, employerId, workForm, occupation, platform, joinDate), List.of());
	}

	private static String name(RosterCell cell, List<Problem> problems) {
		String name = clean(cell.text());
		if (name == null) {
			problems.add(new Problem(RosterColumn.NAME, "member.import.reason.required"));
			return null;
		}
		// "张　三", "张 三": spaces between Chinese characters are typing noise; "Mary Smith" keeps hers.
		name = HAN_GAP.matcher(name).replaceAll("");
		if (name.length() > MAX_NAME) {
			problems.add(new Problem(RosterColumn.NAME, "member.import.reason.tooLong", MAX_NAME));
		}
		else if (Text.hasControlCharacters(name)) {
			problems.add(new Problem(RosterColumn.NAME, "member.import.reason.controlCharacters"));
		}
		else if (name.codePoints().noneMatch(Character::isLetter)) {
			problems.add(new Problem(RosterColumn.NAME, "member.import.reason.name.invalid"));
		}
		return name;
	}

	private static String text(RosterCell cell, RosterColumn column, int max, List<Problem> problems) {
		String text = clean(cell.text());
		if (text == null) {
			return null;
		}
		if (text.length() > max) {
			problems.add(new Problem(column, "member.import.reason.tooLong", max));
			return null;
		}
		if (Text.hasControlCharacters(text)) {
			problems.add(new Problem(column, "member.import.reason.controlCharacters"));
			return null;
		}
		return text;
	}

	private static boolean hasProblem(List<Problem> problems, RosterColumn column) {
		return problems.stream().anyMatch(p -> p.column() == column);
	}

	private static String idReason(IdNumber.Problem problem) {
		return switch (problem) {
			case EMPTY -> "member.import.reason.required";
			case LENGTH -> "member.import.reason.idNumber.length";
			case CHARACTERS -> "member.import.reason.idNumber.characters";
			case REGION -> "member.import.reason.idNumber.region";
			case BIRTH_DATE -> "member.import.reason.idNumber.birthDate";
			case CHECK_DIGIT -> "member.import.reason.idNumber.checkDigit";
		};
	}

	private static String phoneReason(PhoneNumber.Problem problem) {
		return switch (problem) {
			case EMPTY, CHARACTERS -> "member.import.reason.phone.characters";
			case LENGTH -> "member.import.reason.phone.length";
			case PREFIX -> "member.import.reason.phone.prefix";
		};
	}

	static WorkForm workForm(String text) {
		return switch (text.replace(" ", "").toUpperCase(Locale.ROOT)) {
			case "在职职工", "职工", "在职", "EMPLOYEE" -> WorkForm.EMPLOYEE;
			case "新就业形态劳动者", "新就业形态", "PLATFORM" -> WorkForm.PLATFORM;
			case "灵活就业人员", "灵活就业", "FLEXIBLE" -> WorkForm.FLEXIBLE;
			default -> null;
		};
	}

	/**
	 * A date from a cell: a number cell is an Excel serial (days since 1899-12-30, or since 1904-01-01 in a
	 * 1904 workbook; a time of day is dropped); text may be 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日,
	 * 20230501, with or without a time, or a serial number typed as text (CSV saved from Excel shows the
	 * date as text, but a cell formatted as number shows the serial). Null when it is none of these.
	 */
	static LocalDate date(RosterCell cell, boolean date1904) {
		String text = halfWidth(cell.text()).strip();
		if (cell.numeric() && text.endsWith(".0")) {
			text = text.substring(0, text.length() - 2);
		}
		try {
			Matcher m = COMPACT.matcher(text);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
			if (cell.numeric() || SERIAL.matcher(text).matches()) {
				return serial(text, date1904);
			}
			m = YMD.matcher(text);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
		}
		catch (DateTimeException | NumberFormatException | ArithmeticException e) {
			return null;
		}
		return null;
	}

	private static LocalDate serial(String text, boolean date1904) {
		BigDecimal value = new BigDecimal(text);
		if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
			return null; // Excel's dates end at 9999-12-31
		}
		long days = value.longValue();
		if (date1904) {
			return LocalDate.of(1904, 1, 1).plusDays(days);
		}
		// Excel counts a 29 February 1900 that never was (serial 60), so serials from 61 on are one day ahead.
		LocalDate date = days < 60 ? LocalDate.of(1899, 12, 31).plusDays(days) : LocalDate.of(1899, 12, 30).plusDays(days);
		return date.isBefore(EARLIEST_JOIN) ? null : date;
	}

	private static String clean(String text) {
		return text == null ? null : Text.clean(halfWidth(text));
	}

	private static String halfWidth(String text) {
		return text == null ? "" : Text.toHalfWidth(text).replace("\u00A0", " ");
	}
}
