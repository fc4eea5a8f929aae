package org.gonghui.honor.web;

import java.io.ByteArrayOutputStream;

import org.gonghui.honor.internal.NoticeService;
import org.gonghui.platform.FormErrors;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.TooManyAttemptsException;
import org.springframework.context.MessageSource;
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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The notice pages: staff run one (/notices/{id}); the public reads open ones and objects (/gongshi). */
@Controller
class NoticeController {

	private final NoticeService notices;
	private final MessageSource messages;

	NoticeController(NoticeService notices, MessageSource messages) {
		this.notices = notices;
		this.messages = messages;
	}

	/** The public objection form, as typed. */
	public static class ObjectionForm {
		private Long nominationId;
		private String name;
		private String phone;
		private String reason;

		public Long getNominationId() { return nominationId; }
		public void setNominationId(Long nominationId) { this.nominationId = nominationId; }
		public String getName() { return name; }
		public void setName(String name) { this.name = name; }
		public String getPhone() { return phone; }
		public void setPhone(String phone) { this.phone = phone; }
		public String getReason() { return reason; }
		public void setReason(String reason) { this.reason = reason; }
	}

	@GetMapping("/notices/{id:\\d+}")
	String notice(@PathVariable long id, Model model) {
		model.addAttribute("notice", notices.view(id));
		model.addAttribute("activeNav", "/campaigns");
		return "notices/detail";
	}

	@PostMapping("/notices/{id:\\d+}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			notices.close(id);
			redirect.addFlashAttribute("message", "honor.notice.closedNow");
		});
	}

	@PostMapping("/notices/{id:\\d+}/objections/{objection:\\d+}/assign")
	String assign(@PathVariable long id, @PathVariable long objection, @RequestParam(required = false) String assignee, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			notices.assign(objection, assignee);
			redirect.addFlashAttribute("message", "honor.objection.assigned");
		});
	}

	@PostMapping("/notices/{id:\\d+}/objections/{objection:\\d+}/resolve")
	String resolve(@PathVariable long id, @PathVariable long objection, @RequestParam(required = false) NoticeService.Finding outcome,
			@RequestParam(required = false) String finding, RedirectAttributes redirect) {
		return step(id, redirect, () -> {
			notices.resolve(objection, outcome, finding);
			redirect.addFlashAttribute("message", "honor.objection.resolvedNow");
		});
	}

	@PostMapping("/notices/{id:\\d+}/objections/{objection:\\d+}/reveal")
	String reveal(@PathVariable long id, @PathVariable long objection, RedirectAttributes redirect) {
		return step(id, redirect, () -> redirect.addFlashAttribute("revealed", java.util.Map.of(objection, notices.revealPhone(objection))));
	}

	@GetMapping("/notices/{id:\\d+}/objections/{objection:\\d+}/file")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long objection) {
		var file = notices.objectionFile(objection).orElseThrow(() -> new org.gonghui.shared.RecordNotFoundException("honor_objection", objection));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(file.content());
	}

	@GetMapping("/notices/{id:\\d+}/result.pdf")
	ResponseEntity<byte[]> result(@PathVariable long id) {
		var out = new ByteArrayOutputStream(32 * 1024);
		notices.resultPdf(id, out);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("notice-" + id + "-result.pdf").build().toString())
			.body(out.toByteArray());
	}

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
		return "redirect:/notices/" + id;
	}

	@GetMapping("/gongshi")
	String open(Model model) {
		model.addAttribute("notices", notices.openNotices());
		model.addAttribute("activeNav", "/gongshi");
		return "notices/public-list";
	}

	@GetMapping("/gongshi/{id:\\d+}")
	String publicNotice(@PathVariable long id, @RequestParam(required = false) Long candidate, Model model) {
		var form = new ObjectionForm();
		form.setNominationId(candidate);
		model.addAttribute("form", form);
		return publicPage(id, model);
	}

	@PostMapping("/gongshi/{id:\\d+}/objection")
	String object(@PathVariable long id, @ModelAttribute("form") ObjectionForm form, BindingResult result,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			byte[] bytes = org.gonghui.platform.Uploads.bytes(file, 10L * 1024 * 1024, "file", "honor.file.tooLarge");
			notices.object(id, new NoticeService.NewObjection(form.getNominationId(), form.getName(), form.getPhone(), form.getReason(), bytes,
					file == null ? null : file.getOriginalFilename()), request.getRemoteAddr());
			redirect.addFlashAttribute("message", "honor.objection.received");
			return "redirect:/gongshi/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			response.setStatus(400);
			return publicPage(id, model);
		}
		catch (TooManyAttemptsException e) {
			response.setStatus(429);
			model.addAttribute("error", "honor.objection.tooMany");
			return publicPage(id, model);
		}
	}

	private String publicPage(long id, Model model) {
		model.addAttribute("notice", notices.publicNotice(id));
		model.addAttribute("activeNav", "/gongshi");
		return "notices/public";
	}
}
