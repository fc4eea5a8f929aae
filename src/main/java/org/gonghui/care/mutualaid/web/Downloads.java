package org.gonghui.care.mutualaid.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Response headers for the files mutual aid hands out: never cached (personal data), names in UTF-8. */
final class Downloads {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Downloads() {
	}

	static ResponseEntity<byte[]> inline(String fileName, String contentType, byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"document\"; filename*=UTF-8''" + encoded(fileName))
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	static void xlsx(HttpServletResponse response, String fileName) {
		response.setContentType(XLSX);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''" + encoded(fileName));
	}

	private static String encoded(String name) {
		return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
