package org.gonghui.honor.web;

import java.time.LocalDate;
import java.util.EnumSet;

import org.gonghui.honor.HonorLevel;
import org.gonghui.honor.internal.SelectionCampaignService;
import org.gonghui.honor.internal.NominationQueries;
import org.gonghui.honor.internal.NominationService;
import org.gonghui.honor.NominationStage;
import org.gonghui.honor.internal.NoticeService;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.StateConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Staff pages of selection campaigns (/campaigns) and nominations (/nominations/{id}). */
@Controller
class SelectionCampaignController {

	private final SelectionCampaignService campaigns;
	private final NominationService nominations;
	private final NominationQueries queries;
	private final NoticeService notices;
	private final MessageSource messages;

	SelectionCampaignController(SelectionCampaignService campaigns, NominationService nominations, NominationQueries queries, NoticeService notices,
			MessageSource messages) {
		this.campaigns = campaigns;
		this.nominations = nominations;
		this.queries = queries;
		this.notices = notices;
		this.messages = messages;
	}

	@GetMapping("/campaigns")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("campaigns", campaigns.list(new PageResult.Request(page, 20)));
		model.addAttribute("mayCreate", campaigns.mayCreate());
		model.addAttribute("activeNav", "/campaigns");
		return "campaigns/list";
	}

	@GetMapping("/campaigns/new")
	String newForm(Model model) {
		if (!campaigns.mayCreate()) {
			throw new org.springframework.security.access.AccessDeniedException("Only federation staff open selection campaigns");
		}
		model.addAttribute("form", new SelectionCampaignForm());
		return form(model);
	}

	@PostMapping("/campaigns")
	String create(@ModelAttribute("form") SelectionCampaignForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			long id = campaigns.create(form.command());
			redirect.addFlashAttribute("message", "honor.campaign.created");
			return "redirect:/campaigns/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			response.setStatus(400);
			return form(model);
		}
	}

	private String form(Model model) {
		model.addAttribute("levels", HonorLevel.values());
		model.addAttribute("activeNav", "/campaigns");
		return "campaigns/form";
	}

	@GetMapping("/campaigns/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		var campaign = campaigns.get(id);
		var list = queries.ofCampaign(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("nominations", list);
		model.addAttribute("notices", notices.ofCampaign(id));
		model.addAttribute("today", campaignsToday());
		model.addAttribute("readyForNotice", list.stream().filter(n -> n.stage() == NominationStage.PANEL_PASSED).count());
		model.addAttribute("activeNav", "/campaigns");
		return "campaigns/detail";
	}

	private LocalDate campaignsToday() {
		return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
	}

	@GetMapping("/campaigns/{id:\\d+}/nominate")
	String nominateForm(@PathVariable long id, Model model) {
		model.addAttribute("form", new NominationForm());
		return nominationForm(id, model);
	}

	@PostMapping("/campaigns/{id:\\d+}/nominate")
	String nominate(@PathVariable long id, @ModelAttribute("form") NominationForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			long nomination = nominations.submit(id, form.command());
			redirect.addFlashAttribute("message", "honor.nomination.submitted");
			return "redirect:/nominations/" + nomination;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			response.setStatus(400);
			return nominationForm(id, model);
		}
	}

	private String nominationForm(long id, Model model) {
		var campaign = campaigns.get(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("meetingKinds", NominationService.MeetingKind.values());
		model.addAttribute("mayOverride", campaigns.mayCreate());
		// The picker searches the caller's scope; a unit's chair sits inside the campaign, staff above narrow it to the campaign.
		model.addAttribute("pickerUrl", "/api/organizations/picker?kind=UNION" + (campaign.mayManage() ? "&within=" + campaign.organizationId() : ""));
		model.addAttribute("activeNav", "/campaigns");
		return "campaigns/nominate";
	}

	@PostMapping("/campaigns/{id:\\d+}/notices")
	String startNotice(@PathVariable long id, @RequestParam(required = false) String startsOn, RedirectAttributes redirect) {
		try {
			var problems = new java.util.ArrayList<InvalidInputException.FieldProblem>();
			LocalDate start = SelectionCampaignForm.date(startsOn, "startsOn", problems);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			var notice = notices.start(id, start, null);
			redirect.addFlashAttribute("message", "honor.notice.started");
			return "redirect:/notices/" + notice.id();
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", e.code());
		}
		return "redirect:/campaigns/" + id;
	}

	@GetMapping("/nominations/{id:\\d+}")
	String nomination(@PathVariable long id, Model model) {
		var n = queries.get(id);
		model.addAttribute("n", n);
		model.addAttribute("campaign", campaigns.get(n.campaignId()));
		model.addAttribute("agencies", NominationService.AGENCIES);
		model.addAttribute("activeNav", "/campaigns");
		return "campaigns/nomination";
	}

	@PostMapping("/nominations/{id:\\d+}/advance")
	String advance(@PathVariable long id, @RequestParam(required = false) NominationService.Decision decision,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer votesFor,
			@RequestParam(required = false) Integer votesAgainst, @RequestParam(required = false) Integer votesAbstain, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			NominationStage stage = nominations.advance(id, new NominationService.Advance(decision, note, votesFor, votesAgainst, votesAbstain));
			redirect.addFlashAttribute("message", "honor.stage.now." + stage.name());
		});
	}

	@PostMapping("/nominations/{id:\\d+}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			nominations.withdraw(id, reason);
			redirect.addFlashAttribute("message", "honor.stage.now.WITHDRAWN");
		});
	}

	@PostMapping("/nominations/{id:\\d+}/sign-offs")
	String signOff(@PathVariable long id, @RequestParam(required = false) String agency,
			@RequestParam(required = false) NominationService.SignOffOutcome outcome, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			nominations.signOff(id, agency, outcome, note);
			redirect.addFlashAttribute("message", "honor.signOff.recorded");
		});
	}

	@PostMapping("/nominations/{id:\\d+}/documents")
	String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			byte[] bytes = org.gonghui.platform.Uploads.bytes(file, 10L * 1024 * 1024, "file", "honor.file.tooLarge");
			nominations.addDocument(id, bytes, file == null ? null : file.getOriginalFilename());
			redirect.addFlashAttribute("message", "honor.file.added");
		});
	}

	@GetMapping("/nominations/{id:\\d+}/documents/{document:\\d+}")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long document) {
		var d = nominations.document(id, document);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(d.content());
	}

	/** Runs a step from a nomination's page; a refusal comes back as the page's error banner. */
	private String step(long id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("errorText", FormErrors.text(e, messages));
		}
		return "redirect:/nominations/" + id;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem campaignsNavigation() {
			return new NavigationItem("nav.campaigns", "/campaigns", 455, EnumSet.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR));
		}

		@Bean
		NavigationItem noticesNavigation() {
			return new NavigationItem("nav.gongshi", "/gongshi", 456, EnumSet.allOf(Role.class));
		}
	}
}
