package org.gonghui.honor.web;

import java.util.EnumSet;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.internal.BookletService;
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

/**
 * Staff pages of the profile booklets (风采录): the list, the chooser (a unit's honorees, narrowed by a search or a
 * level, ticked one by one) with title, cover union, year and paper, and a booklet's page with its download.
 */
@Controller
class BookletController {

	private static final int PAGE_SIZE = 20;

	private final BookletService booklets;

	BookletController(BookletService booklets) {
		this.booklets = booklets;
	}

	@GetMapping("/booklets")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("booklets", booklets.list(new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("activeNav", "/booklets");
		return "booklets/list";
	}

	@GetMapping("/booklets/new")
	String newForm(@RequestParam(required = false) Long unit, @RequestParam(required = false) String q,
			@RequestParam(required = false) HonorLevel level, Model model, HttpServletResponse response) {
		var form = new BookletForm();
		form.setOrganizationId(unit);
		model.addAttribute("form", form);
		return chooser(unit, q, level, true, model, response);
	}

	@PostMapping("/booklets")
	String create(@ModelAttribute("form") BookletForm form, BindingResult result, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String q, @RequestParam(required = false) HonorLevel level, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			long id = booklets.create(form.command());
			redirect.addFlashAttribute("message", "honor.booklet.created");
			return "redirect:/booklets/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			response.setStatus(400);
			return chooser(unit, q, level, false, model, response);
		}
	}

	@GetMapping("/booklets/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("booklet", booklets.get(id));
		model.addAttribute("activeNav", "/booklets");
		return "booklets/detail";
	}

	/** The chooser with its candidates; {@code tickAll} on a fresh page, the ticks as sent after an error. */
	private String chooser(Long unit, String q, HonorLevel level, boolean tickAll, Model model, HttpServletResponse response) {
		model.addAttribute("unit", unit);
		model.addAttribute("q", q);
		model.addAttribute("level", level);
		model.addAttribute("levels", HonorLevel.values());
		model.addAttribute("activeNav", "/booklets");
		model.addAttribute("maxCandidates", booklets.maxCandidates());
		try {
			var candidates = booklets.candidates(unit, q, level);
			model.addAttribute("candidates", candidates);
			model.addAttribute("candidateCount", booklets.candidateCount(unit, q, level));
			if (tickAll) {
				((BookletForm) model.getAttribute("form")).setHonoreeIds(candidates.stream().map(BookletService.Candidate::id).toList());
			}
		}
		catch (InvalidInputException e) {
			// A unit outside the scope (a hand-made address): the page says so and lists no one.
			model.addAttribute("candidates", java.util.List.of());
			model.addAttribute("candidateCount", 0L);
			model.addAttribute("unitError", true);
			response.setStatus(400);
		}
		return "booklets/new";
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem bookletsNavigation() {
			return new NavigationItem("nav.booklets", "/booklets", 445, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}
	}
}
