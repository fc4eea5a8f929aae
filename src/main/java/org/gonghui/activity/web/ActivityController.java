package org.gonghui.activity.web;

import java.util.EnumSet;

import org.gonghui.activity.internal.ActivityQueries;
import org.gonghui.activity.internal.RegistrationService;
import org.gonghui.honor.PublicHonorees;
import org.gonghui.member.MemberSummary;
import org.gonghui.platform.FormErrors;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.QrCodes;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worker's activity pages, phone first: activities I may join, one activity with its sessions and my
 * registration, and my registrations with their check-in QR codes.
 */
@Controller
class ActivityController {

	private final ActivityQueries activities;
	private final RegistrationService registrations;
	private final MessageSource messages;
	private final org.gonghui.activity.internal.CertificateService certificates;
	private final PublicHonorees honorees;

	ActivityController(ActivityQueries activities, RegistrationService registrations, MessageSource messages,
			org.gonghui.activity.internal.CertificateService certificates, PublicHonorees honorees) {
		this.certificates = certificates;
		this.honorees = honorees;
		this.activities = activities;
		this.registrations = registrations;
		this.messages = messages;
	}

	@GetMapping("/activities")
	String open(Model model) {
		model.addAttribute("activities", activities.openFor(self()));
		return "activities/open";
	}

	@GetMapping("/activities/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		MemberSummary member = self();
		var activity = activities.getFor(member, id);
		model.addAttribute("activity", activity);
		model.addAttribute("expertProfiles", honorees.byName(activity.experts().stream().map(e -> e.name()).toList()));
		model.addAttribute("mine", registrations.mine().stream().filter(r -> r.registration().activityId() == id).findFirst().orElse(null));
		model.addAttribute("consentVersion", RegistrationService.CONSENT_VERSION);
		return "activities/show";
	}

	/** Signs the worker up; group counselling needs the consent box ticked ({@code consent=true}), else nothing is stored. */
	@PostMapping("/activities/{id:\\d+}/register")
	String register(@PathVariable long id, @RequestParam(required = false) Boolean consent,
			RedirectAttributes redirect) {
		try {
			var view = registrations.register(id, null, Boolean.TRUE.equals(consent));
			redirect.addFlashAttribute("message", "activity.registered." + view.status());
		}
		catch (InvalidInputException e) {
			var missingConsent = e.problems().stream().filter(p -> "consent".equals(p.field())).findFirst();
			if (missingConsent.isPresent()) {
				// Said next to the box, and the phone lands there rather than at the top of a long page.
				var p = missingConsent.get();
				redirect.addFlashAttribute("consentError",
						messages.getMessage(p.code(), p.args(), p.code(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
				return "redirect:/activities/" + id + "#register-form";
			}
			FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/activities/" + id;
	}

	@GetMapping("/my/registrations")
	String mine(Model model) {
		self();
		model.addAttribute("registrations", registrations.mine());
		model.addAttribute("certificates", certificates.mine());
		return "activities/mine";
	}

	@GetMapping(path = "/my/registrations/{id:\\d+}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> qr(@PathVariable long id) {
		var registration = registrations.get(id);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noStore())
			.body(QrCodes.svg("GONGHUI-CHECKIN:" + registration.checkInCode()));
	}

	@PostMapping("/my/registrations/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		try {
			long activityId = registrations.cancel(id, null).activityId();
			redirect.addFlashAttribute("message", "activity.cancelled");
			return "redirect:/activities/" + activityId;
		}
		catch (InvalidInputException e) {
			FormErrors.flash(e, redirect, messages);
			return "redirect:/my/registrations";
		}
	}

	private MemberSummary self() {
		return registrations.self().orElseThrow(() -> new AccessDeniedException("Only members registered for an account can join activities"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem activitiesNavigation() {
			return new NavigationItem("nav.activities", "/activities", 400, EnumSet.of(Role.WORKER));
		}

		@Bean
		NavigationItem myRegistrationsNavigation() {
			return new NavigationItem("nav.myRegistrations", "/my/registrations", 410, EnumSet.of(Role.WORKER));
		}
	}
}
