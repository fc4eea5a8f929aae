package org.gonghui.news.web;

import java.util.EnumSet;

import org.gonghui.news.ArticleStatus;
import org.gonghui.news.internal.ArticlePhotoService;
import org.gonghui.news.internal.ArticleService;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.StateConflictException;
import org.springframework.context.MessageSource;
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
 * Staff pages of articles (稿件): the list by status, the form (new and edit while a draft), and an article's page
 * with its bylines, the review stages signed so far and the moves the caller may make now.
 */
@Controller
class ArticleController {

	private static final int PAGE_SIZE = 20;

	private final ArticleService articles;
	private final org.gonghui.news.internal.DraftService drafts;
	private final ArticlePhotoService photos;
	private final MessageSource messages;

	ArticleController(ArticleService articles, org.gonghui.news.internal.DraftService drafts, ArticlePhotoService photos, MessageSource messages) {
		this.articles = articles;
		this.photos = photos;
		this.drafts = drafts;
		this.messages = messages;
	}

	/**
	 * One click on a record's page (a finished activity's summary, a meeting, a competition's results, a conferment):
	 * a house-style draft, opened for the editor to rewrite; when none can be made, back to the record with the reason.
	 */
	@PostMapping("/articles/drafts")
	String draft(@RequestParam(required = false) String kind, @RequestParam(required = false) Long id,
			@RequestParam(required = false) Long activityId, RedirectAttributes redirect) {
		String k = activityId != null ? "ACTIVITY" : kind;
		Long recordId = activityId != null ? activityId : id;
		try {
			long article = drafts.from(k, recordId);
			redirect.addFlashAttribute("message", "news.draft.made");
			return "redirect:/articles/" + article + "/edit";
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
			String back = drafts.page(k, recordId);
			return "redirect:" + (back == null ? "/articles" : back);
		}
	}

	@GetMapping("/articles")
	String list(@RequestParam(required = false) ArticleStatus status, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("articles", articles.list(status, null, new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("status", status);
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("mayReview", articles.mayReview());
		model.addAttribute("activeNav", "/articles");
		return "articles/list";
	}

	@GetMapping("/articles/new")
	String newForm(@RequestParam(required = false) Long organizationId, Model model) {
		var form = new ArticleForm();
		form.setOrganizationId(organizationId);
		model.addAttribute("form", form);
		model.addAttribute("activeNav", "/articles");
		return "articles/form";
	}

	@PostMapping("/articles")
	String create(@ModelAttribute("form") ArticleForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			long id = articles.create(form.input());
			redirect.addFlashAttribute("message", "news.article.created");
			return "redirect:/articles/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			response.setStatus(400);
			model.addAttribute("activeNav", "/articles");
			return "articles/form";
		}
	}

	@GetMapping("/articles/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("article", articles.get(id));
		model.addAttribute("maxPhotoMegabytes", photos.maxBytes() / (1024 * 1024));
		model.addAttribute("activeNav", "/articles");
		return "articles/detail";
	}

	@GetMapping("/articles/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model) {
		var article = articles.get(id);
		model.addAttribute("form", ArticleForm.of(article));
		model.addAttribute("articleId", id);
		model.addAttribute("activeNav", "/articles");
		return "articles/form";
	}

	@PostMapping("/articles/{id:\\d+}")
	String update(@PathVariable long id, @ModelAttribute("form") ArticleForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			articles.update(id, form.input(), form.getVersion());
			redirect.addFlashAttribute("message", "common.saved");
			return "redirect:/articles/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			response.setStatus(400);
			model.addAttribute("articleId", id);
			model.addAttribute("activeNav", "/articles");
			return "articles/form";
		}
	}

	@PostMapping("/articles/{id:\\d+}/{move:submit|review|return|publish|withdraw}")
	String move(@PathVariable long id, @PathVariable String move, @RequestParam(required = false) String note,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			switch (move) {
				case "submit" -> articles.submit(id);
				case "review" -> articles.review(id, true, note);
				case "return" -> articles.review(id, false, note);
				case "publish" -> articles.publish(id);
				default -> articles.withdraw(id, reason);
			}
			redirect.addFlashAttribute("message", "news.move.done." + move);
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", e.code());
		}
		return "redirect:/articles/" + id;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem articlesNavigation() {
			return new NavigationItem("nav.articles", "/articles", 700, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}
	}
}
