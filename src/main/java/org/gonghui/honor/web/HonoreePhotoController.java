package org.gonghui.honor.web;

import java.time.Duration;

import org.gonghui.honor.internal.HonoreePhotoService;
import org.gonghui.honor.internal.HonoreePhotoService.Image;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
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
 * Honoree photos: staff upload, replace and remove them on the honoree's page and see them in scope
 * ({@code /honorees/{id}/photo}); the showcase serves the photo of a public honoree ({@code /showcase/{id}/photo}).
 * Addresses carry the photo's version, so a replaced photo may be cached for long.
 */
@Controller
class HonoreePhotoController {

	private final HonoreePhotoService photos;
	private final MessageSource messages;

	HonoreePhotoController(HonoreePhotoService photos, MessageSource messages) {
		this.photos = photos;
		this.messages = messages;
	}

	@PostMapping("/honorees/{id:\\d+}/photo")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) {
		try {
			photos.replace(id, Uploads.bytes(photo, photos.maxBytes(), "photo", "photo.tooLarge"));
			redirect.addFlashAttribute("message", "honor.photo.saved");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/honorees/" + id;
	}

	@PostMapping("/honorees/{id:\\d+}/photo/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		photos.delete(id);
		redirect.addFlashAttribute("message", "honor.photo.deleted");
		return "redirect:/honorees/" + id;
	}

	@GetMapping("/honorees/{id:\\d+}/photo")
	ResponseEntity<byte[]> staffPhoto(@PathVariable long id) {
		return image(photos.staffPhoto(id));
	}

	@GetMapping("/showcase/{id:\\d+}/photo")
	ResponseEntity<byte[]> publicPhoto(@PathVariable long id) {
		return image(photos.publicPhoto(id));
	}

	private static ResponseEntity<byte[]> image(Image image) {
		// The type was checked from the bytes on upload; nosniff (set by Spring Security) keeps browsers to it. Only the
		// browser keeps a copy (an honoree made non-public must drop out of shared caches); a new photo has a new address.
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.header("Content-Disposition", "inline")
			.body(image.content());
	}
}
