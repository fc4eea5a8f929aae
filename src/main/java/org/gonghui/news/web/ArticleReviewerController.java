package org.gonghui.news.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gonghui.news.ReviewStage;
import org.gonghui.news.internal.ArticleService;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The reviewers page (三审人员): a federation's staff name the accounts that sign each stage (初审, 复审, 终审) for its
 * articles and those of the unions under it; a stage it leaves empty follows the nearest organisation above that
 * named any, else its staff in scope sign. Usernames are typed one per line, as a competition round's judges are.
 */
@Controller
class ArticleReviewerController {

	private final ArticleService articles;
	private final MessageSource messages;

	ArticleReviewerController(ArticleService articles, MessageSource messages) {
		this.articles = articles;
		this.messages = messages;
	}

	@GetMapping("/articles/reviewers")
	String page(@RequestParam(required = false) Long organizationId, Model model) {
		var settings = articles.reviewerSettings(organizationId);
		Map<ReviewStage, String> typed = new EnumMap<>(ReviewStage.class);
		settings.stages().forEach(s -> typed.put(s.stage(), String.join("\n", s.named().stream().map(ArticleService.ReviewerView::username).toList())));
		return show(settings, typed, model);
	}

	@PostMapping("/articles/reviewers")
	String save(@RequestParam long organizationId, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<ReviewStage, List<String>> byStage = new EnumMap<>(ReviewStage.class);
		Map<ReviewStage, String> typed = new EnumMap<>(ReviewStage.class);
		for (ReviewStage stage : ReviewStage.values()) {
			String text = form.getOrDefault(stage.name(), "");
			typed.put(stage, text);
			// One per line; commas, 、 and spaces separate too, as people paste lists.
			byStage.put(stage, Arrays.stream(text.split("[\\s,，、;；]+")).filter(u -> !u.isBlank()).toList());
		}
		try {
			articles.setReviewers(organizationId, byStage, null);
			redirect.addFlashAttribute("message", "news.reviewers.saved");
			return "redirect:/articles/reviewers?organizationId=" + organizationId;
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errorText", FormErrors.text(e, messages));
			model.addAttribute("invalid", e.problems().stream().map(InvalidInputException.FieldProblem::field).toList());
			return show(articles.reviewerSettings(organizationId), typed, model);
		}
	}

	private static String show(ArticleService.ReviewerSettings settings, Map<ReviewStage, String> typed, Model model) {
		model.addAttribute("settings", settings);
		model.addAttribute("typed", typed);
		if (!model.containsAttribute("invalid")) {
			model.addAttribute("invalid", List.of());
		}
		model.addAttribute("activeNav", "/articles");
		return "articles/reviewers";
	}
}
