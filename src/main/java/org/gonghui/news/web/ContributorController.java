package org.gonghui.news.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

import org.gonghui.news.internal.ContributorFigures;
import org.gonghui.news.internal.ContributorFigures.Sort;
import org.gonghui.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The correspondents' points (通讯员积分): a staff page with a period of Beijing dates, sorting and paging, and the .xlsx (JSON: ArticleApiController). */
@Controller
class ContributorController {

	private static final int PAGE_SIZE = 20;

	private final ContributorFigures figures;

	ContributorController(ContributorFigures figures) {
		this.figures = figures;
	}

	@GetMapping("/articles/contributors")
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long organizationId, @RequestParam(required = false) Sort sort,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("figures", figures.figures(from, to, organizationId, sort, new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("sort", sort == null ? Sort.ARTICLES.name() : sort.name());
		model.addAttribute("activeNav", "/articles");
		return "articles/contributors";
	}

	@GetMapping("/articles/contributors.xlsx")
	void xlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long organizationId, @RequestParam(required = false) Sort sort, HttpServletResponse response)
			throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		figures.export(from, to, organizationId, sort, out);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"contributors.xlsx\"");
		out.writeTo(response.getOutputStream());
	}
}
