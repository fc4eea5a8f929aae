package org.gonghui.facility.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.internal.SitePhotoService;
import org.gonghui.facility.internal.SiteQueries;
import org.gonghui.facility.internal.SiteQueries.SiteQuery;
import org.gonghui.facility.internal.SiteService;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.Uploads;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for sites in scope: the list with filters and counts, create and edit with a map picker, status, photos. */
@Controller
@RequestMapping("/sites/manage")
class SiteManageController {

	private static final int PAGE_SIZE = 20;

	private final SiteService sites;
	private final SiteQueries queries;
	private final SitePhotoService photos;
	private final MapPages maps;
	private final MessageSource messages;

	SiteManageController(SiteService sites, SiteQueries queries, SitePhotoService photos, MapPages maps, MessageSource messages) {
		this.sites = sites;
		this.queries = queries;
		this.photos = photos;
		this.maps = maps;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) SiteType type, @RequestParam(required = false) SiteStatus status,
			@RequestParam(required = false) String q, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model) {
		var query = new SiteQuery(type, status, q, organizationId, sort);
		model.addAttribute("query", query);
		model.addAttribute("sites", queries.search(query, new PageResult.Request(page, PAGE_SIZE)));
		model.addAttribute("tally", queries.tally());
		model.addAttribute("types", SiteType.values());
		model.addAttribute("statuses", SiteStatus.values());
		model.addAttribute("mayWrite", queries.mayWrite());
		model.addAttribute("activeNav", "/sites/manage");
		return "sites/manage/list";
	}

	@GetMapping("/new")
	String newForm(Model model, HttpServletResponse response) {
		var form = new SiteForm();
		form.setStatusSince(queries.today());
		model.addAttribute("form", form);
		return form(model, response, null);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") SiteForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = sites.create(form.command());
				redirect.addFlashAttribute("message", "site.saved");
				return "redirect:/sites/manage/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		response.setStatus(400);
		return form(model, response, null);
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		var site = queries.get(id);
		model.addAttribute("site", site);
		model.addAttribute("moves", sites.legalMoves(site.status()));
		model.addAttribute("history", queries.history(id));
		model.addAttribute("photoIds", photos.photoIds(id));
		model.addAttribute("statuses", SiteStatus.values());
		model.addAttribute("today", queries.today());
		model.addAttribute("activeNav", "/sites/manage");
		return "sites/manage/show";
	}

	@GetMapping("/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model, HttpServletResponse response) {
		model.addAttribute("form", SiteForm.of(queries.get(id)));
		return form(model, response, id);
	}

	@PostMapping("/{id:\\d+}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") SiteForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				sites.update(id, form.getVersion(), form.command());
				redirect.addFlashAttribute("message", "site.saved");
				return "redirect:/sites/manage/" + id;
			}
			catch (InvalidInputException e) {
				FormErrors.apply(e, result);
			}
		}
		response.setStatus(400);
		return form(model, response, id);
	}

	@PostMapping("/{id:\\d+}/status")
	String changeStatus(@PathVariable long id, @RequestParam(required = false) SiteStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			sites.changeStatus(id, status, effectiveOn, note);
			redirect.addFlashAttribute("message", "site.status.changed");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/sites/manage/" + id;
	}

	@PostMapping("/{id:\\d+}/photos")
	String addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) throws IOException {
		try {
			photos.add(id, Uploads.bytes(photo, photos.maxBytes(), "photo", "photo.tooLarge"));
			redirect.addFlashAttribute("message", "site.photo.added");
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/sites/manage/" + id;
	}

	@PostMapping("/{id:\\d+}/photos/{photoId:\\d+}/delete")
	String deletePhoto(@PathVariable long id, @PathVariable long photoId, RedirectAttributes redirect) {
		photos.delete(id, photoId);
		redirect.addFlashAttribute("message", "site.photo.deleted");
		return "redirect:/sites/manage/" + id;
	}

	private String form(Model model, HttpServletResponse response, Long id) {
		model.addAttribute("siteId", id);
		model.addAttribute("types", SiteType.values());
		model.addAttribute("statuses", SiteStatus.values());
		model.addAttribute("amenities", org.gonghui.facility.Amenity.values());
		model.addAttribute("activeNav", "/sites/manage");
		maps.prepare(model, response);
		return "sites/manage/form";
	}
}
