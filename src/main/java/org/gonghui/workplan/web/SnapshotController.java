package org.gonghui.workplan.web;

import org.gonghui.workplan.internal.SnapshotService;
import org.gonghui.workplan.internal.SnapshotService.SnapshotView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Period-end snapshots on the pages: the button on the dashboard, the frozen figures and the records they counted. */
@Controller
class SnapshotController {

	private final SnapshotService snapshots;

	SnapshotController(SnapshotService snapshots) {
		this.snapshots = snapshots;
	}

	@PostMapping("/workplan/plans/{id:\\d+}/snapshots")
	String takeFromPage(@PathVariable long id, RedirectAttributes redirect) {
		long snapshot = snapshots.take(id);
		redirect.addFlashAttribute("message", "workplan.snapshot.taken");
		return "redirect:/workplan/snapshots/" + snapshot;
	}

	@GetMapping("/workplan/snapshots/{id:\\d+}")
	String page(@PathVariable long id, Model model) {
		SnapshotView view = snapshots.detail(id);
		model.addAttribute("snapshot", view);
		model.addAttribute("activeNav", "/workplan/dashboard");
		return "workplan/snapshot";
	}

	@GetMapping("/workplan/snapshots/{id:\\d+}/targets/{targetId:\\d+}")
	String records(@PathVariable long id, @PathVariable long targetId, Model model) {
		model.addAttribute("records", snapshots.records(id, targetId));
		SnapshotView view = snapshots.detail(id);
		model.addAttribute("snapshot", view);
		model.addAttribute("figure", view.targets().stream().filter(t -> t.id() == targetId).findFirst().orElseThrow());
		model.addAttribute("activeNav", "/workplan/dashboard");
		return "workplan/snapshot-records";
	}
}
