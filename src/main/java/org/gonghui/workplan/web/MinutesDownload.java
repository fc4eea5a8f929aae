package org.gonghui.workplan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.workplan.internal.MeetingService;

/** The minutes' PDF for the page and the API alike: rendered first, so a refusal (404) is not a half-written file. */
final class MinutesDownload {

	private MinutesDownload() {
	}

	static void write(MeetingService meetings, long id, HttpServletResponse response) throws IOException {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		meetings.minutes(id, pdf);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"minutes-" + id + ".pdf\"");
		pdf.writeTo(response.getOutputStream());
	}
}
