package org.gonghui.news.web;

import java.time.Duration;

import org.gonghui.news.internal.ArticlePhotoService;
import org.gonghui.news.internal.ArticlePhotoService.Image;
import org.gonghui.news.internal.ArticlePhotoService.PhotoInput;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An article's photos: writers add, reorder and remove them on the article's staff page while it is a draft; staff
 * in scope see them at {@code /articles/{id}/photos/{photoId}}, the public at {@code /news/{id}/photos/{photoId}}
 * while the article is published.
 */
@Controller
class ArticlePhotoController {

	private final ArticlePhotoService photos;
	private final MessageSource messages;

	ArticlePhotoController(ArticlePhotoService photos, MessageSource messages) {
		this.photos = photos;
		this.messages = messages;
	}

	@PostMapping("/articles/{id:\\d+}/photos")
	String add(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) String caption,
			@RequestParam(required = false) String creditName, @RequestParam(required = false) String creditUsername, RedirectAttributes redirect) {
		return change(id, redirect, "news.photo.added",
				() -> photos.add(id, new PhotoInput(Uploads.bytes(photo, photos.maxBytes(), "photo", "photo.tooLarge"), caption, creditName, creditUsername)));
	}

	@PostMapping("/articles/{id:\\d+}/photos/{photoId:\\d+}/up")
	String moveUp(@PathVariable long id, @PathVariable long photoId, RedirectAttributes redirect) {
		return change(id, redirect, "news.photo.moved", () -> photos.moveUp(id, photoId));
	}

	@PostMapping("/articles/{id:\\d+}/photos/{photoId:\\d+}/delete")
	String delete(@PathVariable long id, @PathVariable long photoId, RedirectAttributes redirect) {
		return change(id, redirect, "news.photo.deleted", () -> photos.delete(id, photoId));
	}

	private String change(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", e.code());
		}
		return "redirect:/articles/" + id + "#photos";
	}

	@GetMapping("/articles/{id:\\d+}/photos/{photoId:\\d+}")
	ResponseEntity<byte[]> staffPhoto(@PathVariable long id, @PathVariable long photoId) {
		return image(photos.staffPhoto(id, photoId), CacheControl.maxAge(Duration.ofHours(1)).cachePrivate());
	}

	@GetMapping("/news/{id:\\d+}/photos/{photoId:\\d+}")
	ResponseEntity<byte[]> publicPhoto(@PathVariable long id, @PathVariable long photoId) {
		// Asked again on every view: once the article is withdrawn the photo must be gone, from shared caches too.
		return image(photos.publicPhoto(id, photoId), CacheControl.noCache());
	}

	private static ResponseEntity<byte[]> image(Image image, CacheControl cache) {
		// The type was checked from the bytes on upload; nosniff (set by Spring Security) keeps browsers to it.
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(cache)
			.header("Content-Disposition", "inline")
			.body(image.content());
	}
}
