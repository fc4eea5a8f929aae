package org.gonghui.member.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gonghui.shared.IdNumber;

/** Rosters for tests: fresh valid ID numbers and phones, CSV in any encoding, .xlsx written with fastexcel. */
public final class RosterTestData {

	public static final List<String> HEADER = List.of("姓名", "性别", "身份证号", "手机号", "工作单位", "用工形式", "职业", "平台企业", "入会日期");

	// Tianjin numbers, a counter spread over birth dates and sequence numbers: unique within a test JVM and
	// distinct from the demo members (Beijing numbers).
	private static final AtomicInteger COUNTER = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 1000) * 1000);

	private RosterTestData() {
	}

	/** A valid 身份证号 nobody else in this JVM gets; {@code male} picks the parity of the sequence. */
	public static String newId(boolean male) {
		int n = COUNTER.incrementAndGet();
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n / 500 % 14000);
		int seq = (n % 500) * 2 + (male ? 1 : 0);
		String first17 = "120101" + birth.toString().replace("-", "") + String.format("%03d", seq);
		return first17 + IdNumber.checkCharacter(first17);
	}

	public static String newPhone() {
		return "139" + String.format("%08d", COUNTER.incrementAndGet() % 100_000_000);
	}

	/** A row in template column order. */
	public static List<Object> row(Object... cells) {
		return new ArrayList<>(Arrays.asList(cells));
	}

	public static Path csv(Path dir, String name, Charset charset, boolean bom, List<String> header, List<List<Object>> rows) throws IOException {
		StringBuilder sb = new StringBuilder();
		line(sb, new ArrayList<>(header));
		for (List<Object> r : rows) {
			line(sb, r);
		}
		Path file = dir.resolve(name);
		try (OutputStream out = Files.newOutputStream(file)) {
			if (bom) {
				out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			}
			out.write(sb.toString().getBytes(charset));
		}
		return file;
	}

	private static void line(StringBuilder sb, List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			Object c = cells.get(i);
			String text = c == null ? "" : c.toString();
			if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
				text = '"' + text.replace("\"", "\"\"") + '"';
			}
			sb.append(text);
		}
		sb.append("\r\n");
	}

	/**
	 * An .xlsx with the header in {@code headerRow} (0-based; rows above it hold {@code title}) and the
	 * rows below: String cells as text, Number cells as numbers, LocalDate as date cells, null empty.
	 */
	public static Path xlsx(Path dir, String name, String title, int headerRow, List<String> header, List<List<Object>> rows) throws IOException {
		Path file = dir.resolve(name);
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook wb = new Workbook(out, "Test", "1.0");
			Worksheet ws = wb.newWorksheet("名册");
			if (title != null) {
				ws.value(0, 0, title);
			}
			for (int c = 0; c < header.size(); c++) {
				ws.value(headerRow, c, header.get(c));
			}
			int r = headerRow + 1;
			for (List<Object> row : rows) {
				for (int c = 0; c < row.size(); c++) {
					Object v = row.get(c);
					if (v instanceof String s) {
						ws.value(r, c, s);
					}
					else if (v instanceof BigDecimal b) {
						ws.value(r, c, b);
					}
					else if (v instanceof Number n) {
						ws.value(r, c, n);
					}
					else if (v instanceof LocalDate d) {
						ws.value(r, c, d);
						ws.style(r, c).format("yyyy-mm-dd").set();
					}
				}
				r++;
			}
			wb.newWorksheet("第二张表").value(0, 0, "不读取");
			wb.finish();
		}
		return file;
	}
}
