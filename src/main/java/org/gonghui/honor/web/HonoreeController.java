package org.gonghui.honor.web;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.internal.HonorQueries;
import org.gonghui.honor.internal.HonorService;
import org.gonghui.honor.internal.HonoreePhotoService;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Staff pages of the honours registry (/honorees) and the public showcase (/showcase). */
@Controller
class HonoreeController {

	private static final int PAGE_SIZE = 20;

	private final HonorService service;
	private final HonorQueries queries;
	private final HonoreePhotoService photos;

	HonoreeController(HonorService service, HonorQueries queries, HonoreePhotoService photos) {
		this.service = service;
		this.queries = queries;
		this.photos = photos;
	}

	@GetMapping("/honorees")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) HonorLevel level,
			@RequestParam(required = false) Long title, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("level", level);
		model.addAttribute("title", title);
		model.addAttribute("levels", HonorLevel.values());
		model.addAttribute("titles", queries.titles());
		model.addAttribute("honorees", queries.search(q, level, title, new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("figures", queries.figures());
		model.addAttribute("kinds", org.gonghui.honor.HonorKind.values());
		model.addAttribute("mayWrite", service.mayWrite());
		model.addAttribute("activeNav", "/honorees");
		return "honorees/list";
	}

	@GetMapping("/honorees/new")
	String newForm(Model model) {
		model.addAttribute("form", new HonoreeForm());
		return form(model);
	}

	@PostMapping("/honorees")
	String create(@ModelAttribute("form") HonoreeForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			long id = service.create(form.command());
			redirect.addFlashAttribute("message", "honor.honoree.created");
			return "redirect:/honorees/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			response.setStatus(400);
			return form(model);
		}
	}

	@GetMapping("/honorees/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("honoree", queries.get(id));
		if (!model.containsAttribute("honor")) {
			model.addAttribute("honor", new HonorForm());
		}
		return detailPage(model);
	}

	@PostMapping("/honorees/{id:\\d+}/honours")
	String confer(@PathVariable long id, @ModelAttribute("honor") HonorForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			service.confer(id, form.command());
			redirect.addFlashAttribute("message", "honor.conferred");
			return "redirect:/honorees/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			response.setStatus(400);
			model.addAttribute("honoree", queries.get(id));
			return detailPage(model);
		}
	}

	@PostMapping("/honorees/{id:\\d+}/honours/{honorId:\\d+}/revoke")
	String revoke(@PathVariable long id, @PathVariable long honorId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			service.revoke(honorId, reason, null);
			redirect.addFlashAttribute("message", "honor.revoked");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", "honor.revoke.reasonRequired");
		}
		return "redirect:/honorees/" + id;
	}

	@GetMapping("/showcase")
	String showcase(@RequestParam(required = false) String q, @RequestParam(required = false) HonorLevel level,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("level", level);
		model.addAttribute("levels", HonorLevel.values());
		var people = queries.showcase(q, level, new PageResult.Request(page, PAGE_SIZE));
		model.addAttribute("people", people);
		model.addAttribute("photoVersions", photos.versions(people.content().stream().map(HonorQueries.PublicHonoree::id).toList()));
		model.addAttribute("activeNav", "/showcase");
		return "showcase/list";
	}

	@GetMapping("/showcase/{id:\\d+}")
	String profile(@PathVariable long id, Model model) {
		model.addAttribute("person", queries.publicProfile(id));
		model.addAttribute("photoVersion", photos.versions(java.util.List.of(id)).get(id));
		model.addAttribute("activeNav", "/showcase");
		return "showcase/profile";
	}

	private String form(Model model) {
		model.addAttribute("activeNav", "/honorees");
		return "honorees/form";
	}

	private String detailPage(Model model) {
		long id = ((HonorQueries.HonoreeView) model.getAttribute("honoree")).id();
		model.addAttribute("photoVersion", photos.versions(java.util.List.of(id)).get(id));
		model.addAttribute("maxPhotoMegabytes", photos.maxBytes() / (1024 * 1024));
		model.addAttribute("levels", HonorLevel.values());
		model.addAttribute("titles", queries.titles());
		model.addAttribute("mayWrite", service.mayWrite());
		model.addAttribute("activeNav", "/honorees");
		return "honorees/detail";
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem honoreesNavigation() {
			return new NavigationItem("nav.honorees", "/honorees", 440, java.util.EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}

		@Bean
		NavigationItem showcaseNavigation() {
			return new NavigationItem("nav.showcase", "/showcase", 450, java.util.EnumSet.allOf(Role.class));
		}
	}
}
