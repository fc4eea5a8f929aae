import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Synthetic member rosters for bench/member-import.sh: valid 身份证号 (real province codes, real dates,
 * GB 11643 check character, gender parity matching 性别), unique mainland mobile numbers, Chinese names,
 * the three work forms with platforms for gig workers, join dates, and an employer named by name or by
 * credit code for some rows. Deterministic: row i always gives the same person, and disjoint index
 * ranges give disjoint people.
 *
 * Usage: java -cp fastexcel.jar:opczip.jar MemberRosterGenerator.java csv|xlsx|queries OUT FIRST COUNT EMPLOYER CREDIT_CODE
 */
public class MemberRosterGenerator {

	static final String[] REGIONS = { "110101", "110105", "110106", "110229", "120101", "130102", "310101", "320102", "330102", "370102",
			"410102", "420102", "440103", "440305", "510104", "610102" };
	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
	static final String GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鑫斌宇浩凯健俊帆帅旭宁龙林欣佳悦琳晨阳博文";
	static final String[] WORK_FORMS = { "在职职工", "在职职工", "在职职工", "在职职工", "在职职工", "在职职工", "新就业形态劳动者", "新就业形态劳动者",
			"新就业形态劳动者", "灵活就业人员" };
	static final String[] PLATFORMS = { "美团", "饿了么", "京东", "顺丰", "滴滴", "闪送" };
	static final String[] OCCUPATIONS = { "工程师", "会计", "教师", "外卖骑手", "快递员", "网约车司机", "厨师", "保洁员", "销售", "护士" };
	static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static final String CHECK = "10X98765432";
	static final LocalDate BIRTH_BASE = LocalDate.of(1962, 1, 1);
	static final LocalDate JOIN_BASE = LocalDate.of(2010, 1, 1);

	record Person(String name, String gender, String id, long phone, String employer, String workForm, String occupation, String platform,
			LocalDate joinDate) {
	}

	static Person person(long i, String employer, String creditCode) {
		String region = REGIONS[(int) (i % REGIONS.length)];
		long j = i / REGIONS.length;
		// (j / 500) * 37 mod 15000 is one-to-one below 15,000, so region, birth date and sequence never repeat.
		LocalDate birth = BIRTH_BASE.plusDays((j / 500) * 37 % 15000);
		int male = (int) (mix(i) & 1);
		int seq = (int) (j % 500) * 2 + male;
		String first17 = region + birth.toString().replace("-", "") + String.format("%03d", seq);
		int sum = 0;
		for (int k = 0; k < 17; k++) {
			sum += (first17.charAt(k) - '0') * WEIGHTS[k];
		}
		String id = first17 + CHECK.charAt(sum % 11);
		long h = mix(i * 31 + 7);
		String name = "" + SURNAMES.charAt((int) (h % SURNAMES.length())) + GIVEN.charAt((int) (h / 97 % GIVEN.length()))
				+ ((h / 9973) % 3 == 0 ? "" : String.valueOf(GIVEN.charAt((int) (h / 13 % GIVEN.length()))));
		long phone = 13_000_000_000L + (i * 37L) % 6_000_000_000L;
		String workForm = WORK_FORMS[(int) (h / 7 % WORK_FORMS.length)];
		String platform = workForm.equals("新就业形态劳动者") ? PLATFORMS[(int) (h / 11 % PLATFORMS.length)] : "";
		String occupation = OCCUPATIONS[(int) (h / 17 % OCCUPATIONS.length)];
		String emp = switch ((int) (h / 19 % 10)) {
			case 0, 1, 2 -> employer;
			case 3 -> creditCode;
			default -> "";
		};
		LocalDate join = JOIN_BASE.plusDays(h / 23 % 5800);
		if (join.isBefore(birth.plusYears(16))) {
			join = birth.plusYears(16);
		}
		return new Person(name, male == 1 ? "男" : "女", id, phone, emp, workForm, occupation, platform, join);
	}

	static long mix(long x) {
		x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
		x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return (x ^ (x >>> 33)) & Long.MAX_VALUE;
	}

	static final String[] HEADER = { "姓名", "性别", "身份证号", "手机号", "工作单位", "用工形式", "职业", "平台企业", "入会日期" };

	public static void main(String[] args) throws IOException {
		String format = args[0];
		if (format.equals("creditcode")) {
			// GB 32100 check character for the given 17 characters.
			String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
			int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
			int sum = 0;
			for (int k = 0; k < 17; k++) {
				sum += alphabet.indexOf(args[1].charAt(k)) * weights[k];
			}
			System.out.println(args[1] + alphabet.charAt((31 - sum % 31) % 31));
			return;
		}
		Path out = Path.of(args[1]);
		long first = Long.parseLong(args[2]);
		long count = Long.parseLong(args[3]);
		String employer = args[4];
		String creditCode = args[5];
		if (format.equals("queries")) {
			// Search texts for MemberSearchLoad: people of the imported range, spread over it.
			try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
				for (int k = 0; k < 50; k++) {
					Person p = person(first + mix(k + 1_000_003L) % count, employer, creditCode);
					w.write("namePrefix\t" + p.name().substring(0, 2) + "\n");
					w.write("surname\t" + p.name().substring(0, 1) + "\n");
					w.write("idNumber\t" + p.id() + "\n");
					w.write("phone\t" + p.phone() + "\n");
				}
			}
			return;
		}
		if (format.equals("csv")) {
			// UTF-8 with BOM and CRLF, as Excel's "CSV UTF-8" writes it.
			try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
				w.write('\uFEFF');
				w.write(String.join(",", HEADER));
				w.write("\r\n");
				for (long i = first; i < first + count; i++) {
					Person p = person(i, employer, creditCode);
					w.write(String.join(",", p.name(), p.gender(), p.id(), Long.toString(p.phone()), p.employer(), p.workForm(), p.occupation(),
							p.platform(), p.joinDate().toString()));
					w.write("\r\n");
				}
			}
			return;
		}
		// .xlsx as Excel writes it: shared strings for text, phones as numbers, join dates as date cells.
		try (OutputStream os = Files.newOutputStream(out)) {
			Workbook wb = new Workbook(os, "Bench", "1.0");
			Worksheet ws = wb.newWorksheet("会员名册");
			for (int c = 0; c < HEADER.length; c++) {
				ws.value(0, c, HEADER[c]);
			}
			int r = 1;
			for (long i = first; i < first + count; i++) {
				Person p = person(i, employer, creditCode);
				ws.value(r, 0, p.name());
				ws.value(r, 1, p.gender());
				ws.value(r, 2, p.id());
				ws.value(r, 3, p.phone());
				if (!p.employer().isEmpty()) {
					ws.value(r, 4, p.employer());
				}
				ws.value(r, 5, p.workForm());
				ws.value(r, 6, p.occupation());
				if (!p.platform().isEmpty()) {
					ws.value(r, 7, p.platform());
				}
				ws.value(r, 8, p.joinDate());
				ws.style(r, 8).format("yyyy-mm-dd").set();
				if (r % 10_000 == 0) {
					ws.flush();
				}
				r++;
			}
			wb.finish();
		}
	}
}
