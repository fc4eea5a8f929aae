package org.gonghui.activity.web;

import org.gonghui.activity.internal.ActivitySummaryService;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page of an activity's summary (desktop): the figures, the text, the photos. Every form answers
 * with a redirect; a refused text comes back in the form (flashed), so nothing typed is lost.
 */
@Controller
class ActivitySummaryController {

	private final ActivitySummaryService summaries;
	private final MessageSource messages;

	ActivitySummaryController(ActivitySummaryService summaries, MessageSource messages) {
		this.summaries = summaries;
		this.messages = messages;
	}

	@GetMapping("/activities/manage/{id:\\d+}/summary")
	String page(@PathVariable long id, Model model) {
		var summary = summaries.get(id);
		model.addAttribute("summary", summary);
		// After a refusal the flashed draft wins over the stored text.
		if (!model.containsAttribute("draftText")) {
			model.addAttribute("draftText", summary.text());
		}
		model.addAttribute("maxPhotoMegabytes", summaries.maxPhotoBytes() / (1024 * 1024));
		return "activities/summary";
	}

	@PostMapping("/activities/manage/{id:\\d+}/summary")
	String write(@PathVariable long id, @RequestParam(required = false) String text, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		try {
			summaries.write(id, text, version);
			redirect.addFlashAttribute("message", "activity.summary.saved");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
			redirect.addFlashAttribute("draftText", text);
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("errorText", messages.getMessage("activity.summary.stale", null, LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("draftText", text);
		}
		return back(id);
	}

	@PostMapping("/activities/manage/{id:\\d+}/summary/photos")
	String addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) String caption,
			RedirectAttributes redirect) {
		try {
			summaries.addPhoto(id, Uploads.bytes(photo, summaries.maxPhotoBytes(), "photo", "photo.tooLarge"), caption);
			redirect.addFlashAttribute("message", "activity.summary.photo.added");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return back(id);
	}

	@PostMapping("/activities/manage/{id:\\d+}/summary/photos/{photoId:\\d+}/delete")
	String deletePhoto(@PathVariable long id, @PathVariable long photoId, RedirectAttributes redirect) {
		summaries.deletePhoto(id, photoId);
		redirect.addFlashAttribute("message", "activity.summary.photo.deleted");
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/activities/manage/" + id + "/summary";
	}
}
