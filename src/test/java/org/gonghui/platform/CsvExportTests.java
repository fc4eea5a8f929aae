package org.gonghui.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvExportTests {

	@Test
	void writesExcelFriendlyUtf8WithBomAndNeutralisesFormulas() {
		var response = CsvExport.download("单位.csv", List.of("名称", "人数"),
				List.of(List.of("良苑餐厅", 18), Arrays.asList("=HYPERLINK(\"x\")", null), List.of("-1+1", -5)));
		String body = new String(response.getBody(), StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFF\"名称\",\"人数\"\r\n");
		assertThat(body).contains("\"良苑餐厅\",\"18\"\r\n");
		assertThat(body).contains("\"'=HYPERLINK(\"\"x\"\")\",\r\n");
		assertThat(body).contains("\"'-1+1\",\"-5\"");
		assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("单位.csv");
		assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
	}
}
