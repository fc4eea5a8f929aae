package org.gonghui.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV downloads that Excel in China opens correctly: UTF-8 with a byte-order mark, CRLF line ends,
 * quoted cells, and cells starting with {@code = + - @} prefixed so they are not run as formulas.
 */
public final class CsvExport {

	private CsvExport() {
	}

	public static ResponseEntity<byte[]> download(String filename, List<String> header, List<List<?>> rows) {
		StringBuilder sb = new StringBuilder("\uFEFF");
		line(sb, header);
		for (List<?> row : rows) {
			line(sb, row);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(sb.toString().getBytes(StandardCharsets.UTF_8));
	}

	static void line(StringBuilder sb, List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			sb.append(cell(cells.get(i)));
		}
		sb.append("\r\n");
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		return '"' + org.gonghui.shared.spreadsheet.SheetCells.neutralise(value).replace("\"", "\"\"") + '"';
	}
}
