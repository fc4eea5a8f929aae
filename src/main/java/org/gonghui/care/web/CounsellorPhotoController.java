package org.gonghui.care.web;

import java.time.Duration;

import org.gonghui.care.internal.CounsellorPhotoService;
import org.gonghui.care.internal.CounsellorPhotoService.Image;
import org.gonghui.care.internal.CounsellorService;
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
 * Counsellors' photos: staff upload and remove them on the counsellor's page, the counsellor on their desk; the
 * workers the counsellor serves see them next to the profile ({@code /care/counsellors/{id}/photo?v=}).
 */
@Controller
class CounsellorPhotoController {

	private final CounsellorPhotoService photos;
	private final CounsellorService counsellors;
	private final MessageSource messages;

	CounsellorPhotoController(CounsellorPhotoService photos, CounsellorService counsellors, MessageSource messages) {
		this.photos = photos;
		this.counsellors = counsellors;
		this.messages = messages;
	}

	@PostMapping("/care/counsellors/manage/{id:\\d+}/photo")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) {
		store(id, photo, redirect);
		return "redirect:/care/counsellors/manage/" + id;
	}

	@PostMapping("/care/counsellors/manage/{id:\\d+}/photo/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		photos.delete(id);
		redirect.addFlashAttribute("message", "care.photo.deleted");
		return "redirect:/care/counsellors/manage/" + id;
	}

	@PostMapping("/care/desk/photo")
	String uploadOwn(@RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) {
		counsellors.mine().ifPresent(me -> store(me.id(), photo, redirect));
		return "redirect:/care/desk/slots";
	}

	@PostMapping("/care/desk/photo/delete")
	String deleteOwn(RedirectAttributes redirect) {
		counsellors.mine().ifPresent(me -> {
			photos.delete(me.id());
			redirect.addFlashAttribute("message", "care.photo.deleted");
		});
		return "redirect:/care/desk/slots";
	}

	@GetMapping("/care/counsellors/{id:\\d+}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		Image image = photos.photo(id);
		// The type was checked from the bytes on upload; only the browser keeps a copy, and a new photo has a new address.
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.header("Content-Disposition", "inline")
			.body(image.content());
	}

	private void store(long id, MultipartFile photo, RedirectAttributes redirect) {
		try {
			photos.replace(id, Uploads.bytes(photo, photos.maxBytes(), "photo", "photo.tooLarge"));
			redirect.addFlashAttribute("message", "care.photo.saved");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
	}
}
