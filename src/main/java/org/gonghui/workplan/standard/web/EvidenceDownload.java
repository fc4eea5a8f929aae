package org.gonghui.workplan.standard.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.workplan.standard.internal.StandardService.EvidenceFile;

/** Sends an evidence file as a download of the type read from its content, never rendered in the page's origin. */
final class EvidenceDownload {

	private EvidenceDownload() {
	}

	static void write(EvidenceFile file, HttpServletResponse response) throws IOException {
		response.setContentType(file.fileType());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"evidence\"; filename*=UTF-8''" + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
		response.getOutputStream().write(file.content());
	}
}
