package org.gonghui.workplan.standard.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.facility.MapPage;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.StateConflictException;
import org.gonghui.workplan.standard.internal.RankingWorkbook;
import org.gonghui.workplan.standard.internal.StandardService;
import org.gonghui.workplan.standard.internal.StandardService.AppealInput;
import org.gonghui.workplan.standard.internal.StandardService.Points;
import org.gonghui.workplan.standard.internal.StandardService.ReviewInput;
import org.gonghui.workplan.standard.internal.StandardService.SelfInput;
import org.gonghui.workplan.standard.internal.StandardService.VersionInput;
import org.gonghui.workplan.standard.internal.StarMap;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff pages of the standardisation assessment: the campaigns, a campaign's ranking with stars per street, and one
 * union's assessment where the union assesses itself and appeals, and the street or district reviews and makes it
 * final. A refused move shows the page again with the reason and stores nothing.
 */
@Controller
class StandardController {

	private static final String NAV = "/standard";

	private final StandardService standard;
	private final RankingWorkbook workbook;
	private final MessageSource messages;
	private final StarMap starMap;
	private final MapPage maps;

	StandardController(StandardService standard, RankingWorkbook workbook, MessageSource messages, StarMap starMap, MapPage maps) {
		this.standard = standard;
		this.workbook = workbook;
		this.messages = messages;
		this.starMap = starMap;
		this.maps = maps;
	}

	@GetMapping("/standard")
	String campaigns(Model model) {
		model.addAttribute("campaigns", standard.campaigns());
		model.addAttribute("mine", standard.mine());
		boolean mayCreate = standard.mayCreate();
		model.addAttribute("mayCreate", mayCreate);
		model.addAttribute("templates", mayCreate ? standard.templates() : java.util.List.of());
		model.addAttribute("activeNav", NAV);
		return "standard/campaigns";
	}

	@GetMapping("/standard/campaigns/{id:\\d+}")
	String ranking(@PathVariable long id, @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletResponse response) {
		String order = sort == null || sort.isEmpty() ? "score" : sort;
		model.addAttribute("campaign", standard.campaign(id));
		model.addAttribute("ranking", standard.ranking(id, order, new PageResult.Request(page, 20)));
		// One read of the campaign's rows for the table of streets and the map (each union's street is a lookup).
		var rows = standard.rankingRows(id, "name");
		model.addAttribute("streets", standard.streetStars(rows));
		model.addAttribute("starMap", starMap.of(rows));
		maps.prepare(model, response);
		model.addAttribute("sort", order);
		model.addAttribute("activeNav", NAV);
		return "standard/ranking";
	}

	@GetMapping("/standard/campaigns/{id:\\d+}/ranking.xlsx")
	void rankingXlsx(@PathVariable long id, @RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
		standard.campaign(id);
		StandardApiController.xlsx(response, "规范化建设排名.xlsx");
		workbook.write(id, sort, response.getOutputStream());
	}

	@GetMapping("/standard/assessments/{id:\\d+}")
	String assessment(@PathVariable long id, Model model) {
		return page(id, model, null);
	}

	private String page(long id, Model model, String error) {
		model.addAttribute("a", standard.assessment(id));
		model.addAttribute("activeNav", NAV);
		if (error != null) {
			model.addAttribute("errorText", error);
		}
		return "standard/assessment";
	}

	@PostMapping("/standard/assessments/{id:\\d+}/self")
	String self(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		return move(id, model, response, () -> standard.selfAssess(id, new SelfInput(version(form), points(form), form.containsKey("submit"))));
	}

	@PostMapping("/standard/assessments/{id:\\d+}/review")
	String review(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		return move(id, model, response, () -> standard.review(id, new ReviewInput(version(form), points(form))));
	}

	@PostMapping("/standard/assessments/{id:\\d+}/appeal")
	String appeal(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		return move(id, model, response, () -> standard.appeal(id, new AppealInput(version(form), form.get("reason"))));
	}

	@PostMapping("/standard/assessments/{id:\\d+}/final")
	String finalise(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		return move(id, model, response, () -> standard.finalise(id, new VersionInput(version(form))));
	}

	@PostMapping("/standard/assessments/{id:\\d+}/items/{itemId:\\d+}/evidence")
	String evidence(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String version,
			@RequestParam(required = false) String note, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) {
		return move(id, model, response, () -> {
			byte[] bytes = Uploads.bytes(file, StandardService.MAX_FILE_BYTES, "file", "document.tooLarge");
			return standard.evidence(id, itemId, number(version, "version"), note, bytes, file == null ? null : file.getOriginalFilename());
		});
	}

	@GetMapping("/standard/assessments/{id:\\d+}/items/{itemId:\\d+}/evidence")
	void file(@PathVariable long id, @PathVariable long itemId, HttpServletResponse response) throws IOException {
		EvidenceDownload.write(standard.file(id, itemId), response);
	}

	private String move(long id, Model model, HttpServletResponse response, java.util.function.Supplier<?> action) {
		try {
			action.get();
			return "redirect:/standard/assessments/" + id;
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(id, model, FormErrors.text(e, messages));
		}
		catch (StateConflictException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(id, model, FormErrors.text(e, messages));
		}
	}

	private static Integer version(Map<String, String> form) {
		return number(form.get("version"), "version");
	}

	/** Fields {@code points.<itemId>}; an empty one is left out (not scored). */
	private static List<Points> points(Map<String, String> form) {
		List<Points> points = new ArrayList<>();
		for (var e : form.entrySet()) {
			if (e.getKey().startsWith("points.") && e.getValue() != null && !e.getValue().isBlank()) {
				long item;
				try {
					item = Long.parseLong(e.getKey().substring("points.".length()));
				}
				catch (NumberFormatException ex) {
					throw InvalidInputException.of(e.getKey(), "standard.item.unknown");
				}
				points.add(new Points(item, number(e.getValue(), e.getKey())));
			}
		}
		return points;
	}

	private static Integer number(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "standard.points.number");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem standardNavigation() {
			return new NavigationItem("nav.standard", NAV, 680, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}
	}
}
