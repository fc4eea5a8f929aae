package org.gonghui.facility.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.facility.internal.SiteFeedbackService;
import org.gonghui.facility.internal.SitePhotoService;
import org.gonghui.facility.internal.SitePhotoService.Image;
import org.gonghui.facility.internal.SiteQueries;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One site's public page: where, when open, what it offers, photos, approved feedback, and the feedback form. */
@Controller
class SitePageController {

	private final SiteQueries sites;
	private final SitePhotoService photos;
	private final SiteFeedbackService feedback;
	private final MapPages maps;

	SitePageController(SiteQueries sites, SitePhotoService photos, SiteFeedbackService feedback, MapPages maps) {
		this.sites = sites;
		this.photos = photos;
		this.feedback = feedback;
		this.maps = maps;
	}

	@GetMapping("/sites/{id:\\d+}")
	String show(@PathVariable long id, Model model, HttpServletResponse response) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new FeedbackForm());
		}
		return page(id, model, response);
	}

	@PostMapping("/sites/{id:\\d+}/feedback")
	String feedback(@PathVariable long id, @ModelAttribute("form") FeedbackForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		if (!result.hasErrors()) {
			try {
				byte[] photo = Uploads.bytes(form.getPhoto(), photos.maxBytes(), "photo", "photo.tooLarge");
				feedback.submit(id, form.getRating(), form.getComment(), photo);
				redirect.addFlashAttribute("message", "site.feedback.thanks");
				return "redirect:/sites/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		response.setStatus(400);
		return page(id, model, response);
	}

	@GetMapping("/sites/{id:\\d+}/photos/{photoId:\\d+}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		return image(photos.get(id, photoId));
	}

	@GetMapping("/sites/feedback/{feedbackId:\\d+}/photo")
	ResponseEntity<byte[]> feedbackPhoto(@PathVariable long feedbackId) {
		return image(feedback.photo(feedbackId));
	}

	static ResponseEntity<byte[]> image(Image image) {
		// The type was checked from the bytes on upload; nosniff (set by Spring Security) keeps browsers to it.
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
			.header("Content-Disposition", "inline")
			.body(image.content());
	}

	private String page(long id, Model model, HttpServletResponse response) {
		var site = sites.getPublic(id);
		model.addAttribute("site", site);
		model.addAttribute("photoIds", photos.photoIds(id));
		model.addAttribute("feedback", feedback.summary(id));
		model.addAttribute("activeNav", "/sites");
		maps.prepare(model, response);
		return "sites/show";
	}

	/** The feedback form as the page binds it. */
	public static class FeedbackForm {

		private Integer rating;
		private String comment;
		private MultipartFile photo;

		public Integer getRating() {
			return rating;
		}

		public void setRating(Integer rating) {
			this.rating = rating;
		}

		public String getComment() {
			return comment;
		}

		public void setComment(String comment) {
			this.comment = comment;
		}

		public MultipartFile getPhoto() {
			return photo;
		}

		public void setPhoto(MultipartFile photo) {
			this.photo = photo;
		}
	}
}
