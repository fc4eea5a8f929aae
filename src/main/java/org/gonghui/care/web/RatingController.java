package org.gonghui.care.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.gonghui.platform.FormErrors;
import org.gonghui.care.CommentStatus;
import org.gonghui.care.ServiceType;
import org.gonghui.care.internal.RatingModeration;
import org.gonghui.care.internal.RatingService;
import org.gonghui.care.internal.RatingService.MyService;
import org.gonghui.care.internal.SatisfactionFigures;
import org.gonghui.platform.ChartPages;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Satisfaction pages. The worker's, phone first: the services they took part in (待评价 first, then 已评价) and the rating
 * page of one (1–5 stars, an optional comment, sent once). Staff: the figures of their scope with the ranking of forms
 * of service as a table and a chart, and the comments to moderate. The counsellor: their own appointments' ratings.
 */
@Controller
class RatingController {

	private final RatingService ratings;
	private final RatingModeration moderation;
	private final SatisfactionFigures figures;
	private final MessageSource messages;

	RatingController(RatingService ratings, RatingModeration moderation, SatisfactionFigures figures, MessageSource messages) {
		this.ratings = ratings;
		this.moderation = moderation;
		this.figures = figures;
		this.messages = messages;
	}

	@GetMapping("/care/ratings")
	String mine(Model model) {
		List<MyService> services = ratings.mine();
		model.addAttribute("toRate", services.stream().filter(s -> !s.rated()).toList());
		model.addAttribute("rated", services.stream().filter(MyService::rated).toList());
		return "care/ratings";
	}

	@GetMapping("/care/ratings/{type:activity|appointment}/{id:\\d+}")
	String service(@PathVariable String type, @PathVariable long id, Model model) {
		return page(type(type), id, null, null, model);
	}

	@PostMapping("/care/ratings/{type:activity|appointment}/{id:\\d+}")
	String rate(@PathVariable String type, @PathVariable long id, @RequestParam(required = false) String score,
			@RequestParam(required = false) String comment, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ServiceType serviceType = type(type);
		try {
			ratings.rate(serviceType, id, parse(score), comment);
			redirect.addFlashAttribute("message", "care.rating.thanks");
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errorText", FormErrors.text(e, messages));
			return page(serviceType, id, parse(score), comment, model);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", text(e));
		}
		return "redirect:/care/ratings/" + type + "/" + id;
	}

	private String page(ServiceType type, long id, Integer score, String comment, Model model) {
		MyService s = ratings.mineOne(type, id);
		model.addAttribute("s", s);
		model.addAttribute("typePath", type.name().toLowerCase(Locale.ROOT));
		model.addAttribute("score", score);
		model.addAttribute("comment", comment);
		model.addAttribute("maxComment", 500);
		// Other participants' approved comments on an activity, once this worker has given theirs.
		model.addAttribute("others", type == ServiceType.ACTIVITY && s.rated() ? moderation.ofActivity(id).stream()
			.filter(c -> c.status() == CommentStatus.APPROVED && c.id() != s.rating().id()).toList() : List.of());
		model.addAttribute("activeNav", "/care/ratings");
		return "care/rate";
	}

	@GetMapping("/care/satisfaction")
	String figures(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model, HttpServletResponse response) {
		ChartPages.allowChartStyles(response);
		try {
			model.addAttribute("figures", figures.figures(organizationId, from, to));
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			model.addAttribute("errorText", FormErrors.text(e, messages));
		}
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "care/satisfaction";
	}

	@GetMapping("/care/satisfaction/comments")
	String comments(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long activityId, Model model) {
		// Without a choice the queue shows what waits; "ALL" (or a service's own list) shows every status.
		CommentStatus chosen = status == null ? (activityId == null ? CommentStatus.PENDING : null) : parseStatus(status);
		model.addAttribute("comments", moderation.forModeration(organizationId, chosen, activityId));
		model.addAttribute("status", chosen == null ? "ALL" : chosen.name());
		model.addAttribute("statuses", List.of(CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.REJECTED));
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("activityId", activityId);
		model.addAttribute("activeNav", "/care/satisfaction");
		return "care/satisfaction-comments";
	}

	@PostMapping("/care/satisfaction/comments/{id:\\d+}/{action:approve|reject}")
	String moderate(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			if (action.equals("approve")) {
				moderation.approve(id);
				redirect.addFlashAttribute("message", "care.comment.approved");
			}
			else {
				moderation.reject(id);
				redirect.addFlashAttribute("message", "care.comment.rejected");
			}
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", text(e));
		}
		// Back to the list the button was on (a path of this page only, never an address from outside).
		return "redirect:" + (back != null && back.matches("/care/satisfaction/comments(\\?[\\w=&%.-]*)?") ? back : "/care/satisfaction/comments");
	}

	@GetMapping("/care/desk/ratings")
	String counsellor(Model model) {
		try {
			model.addAttribute("figures", figures.counsellor());
		}
		catch (org.springframework.security.access.AccessDeniedException e) {
			// A counsellor account without a profile: the desk pages say so rather than answering 403.
			model.addAttribute("figures", null);
		}
		model.addAttribute("minCell", 10);
		return "care/desk-ratings";
	}

	private static ServiceType type(String path) {
		return path.equals("activity") ? ServiceType.ACTIVITY : ServiceType.APPOINTMENT;
	}

	/** A score as the form sends it; anything but a whole number is no score (the service says it is required). */
	private static Integer parse(String score) {
		if (score == null || score.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(score.strip());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	private static CommentStatus parseStatus(String status) {
		if (status.equals("ALL")) {
			return null;
		}
		try {
			return CommentStatus.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			throw new RecordNotFoundException("status", status);
		}
	}

	private String text(StateConflictException e) {
		return FormErrors.text(e, messages);
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem careRatingsNavigation() {
			return new NavigationItem("nav.careRatings", "/care/ratings", 606, EnumSet.of(Role.WORKER));
		}

		@Bean
		NavigationItem careDeskRatingsNavigation() {
			return new NavigationItem("nav.careDeskRatings", "/care/desk/ratings", 607, EnumSet.of(Role.COUNSELLOR));
		}

		@Bean
		NavigationItem careSatisfactionNavigation() {
			return new NavigationItem("nav.careSatisfaction", "/care/satisfaction", 625, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}
	}
}
