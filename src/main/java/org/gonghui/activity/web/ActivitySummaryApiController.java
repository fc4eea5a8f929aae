package org.gonghui.activity.web;

import java.net.URI;
import java.time.Duration;

import org.gonghui.activity.internal.ActivitySummaryService;
import org.gonghui.activity.internal.ActivitySummaryService.Image;
import org.gonghui.activity.internal.ActivitySummaryService.PhotoView;
import org.gonghui.activity.internal.ActivitySummaryService.SummaryView;
import org.gonghui.platform.Uploads;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API for the summary after an activity (staff writers in scope; outside it, 404), and the photos'
 * bytes for the staff page.
 */
@RestController
@Tag(name = "Activity summaries", description = "活动总结：文字、照片与数据（报名、到场、按单位）")
class ActivitySummaryApiController {

	private final ActivitySummaryService summaries;

	ActivitySummaryApiController(ActivitySummaryService summaries) {
		this.summaries = summaries;
	}

	@GetMapping("/api/activities/{id}/summary")
	@Operation(summary = "The summary: text (null until written), version, photos and figures",
			description = "Figures: capacity, registered (holding a seat), attended (people checked in, walk-ins included), noShows, walkIns, "
					+ "cancelled, and byEmployer (people per employer, null name for none given).")
	SummaryView get(@PathVariable long id) {
		return summaries.get(id);
	}

	@PutMapping("/api/activities/{id}/summary")
	@Operation(summary = "Write or replace the summary text (activity ONGOING or FINISHED)",
			description = "text up to 4000 characters; version as read (0 before the first write). A stale version answers 409.")
	SummaryView write(@PathVariable long id, @RequestBody SummaryRequest request) {
		return summaries.write(id, request.text(), request.version());
	}

	@PostMapping(path = "/api/activities/{id}/summary/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Add a photo (multipart: photo, caption)",
			description = "JPEG or PNG by content, up to 5 MB, at most 9 per activity; EXIF and other metadata (GPS position) are removed.")
	ResponseEntity<PhotoView> addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo,
			@RequestParam(required = false) String caption) {
		PhotoView added = summaries.addPhoto(id, Uploads.bytes(photo, summaries.maxPhotoBytes(), "photo", "photo.tooLarge"), caption);
		return ResponseEntity.created(URI.create("/activities/" + id + "/summary/photos/" + added.id())).body(added);
	}

	@DeleteMapping("/api/activities/{id}/summary/photos/{photoId}")
	@Operation(summary = "Remove a photo")
	ResponseEntity<Void> deletePhoto(@PathVariable long id, @PathVariable long photoId) {
		summaries.deletePhoto(id, photoId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/activities/{id:\\d+}/summary/photos/{photoId:\\d+}")
	@Operation(summary = "A photo's bytes (staff in scope)")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		Image image = summaries.image(id, photoId);
		// The type was checked from the bytes on upload; nosniff (set by Spring Security) keeps browsers to it.
		// Private: only staff in scope may see it, so no shared cache may keep it.
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate())
			.header("Content-Disposition", "inline")
			.body(image.content());
	}

	record SummaryRequest(String text, Integer version) {
	}
}
