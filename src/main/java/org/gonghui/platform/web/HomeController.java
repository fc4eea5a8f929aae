package org.gonghui.platform.web;

import java.util.List;

import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.NavigationItem;
import org.gonghui.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the modules the account may use, as tiles (the navigation comes from {@link LayoutModel}). */
@Controller
class HomeController {

	private final CurrentUser currentUser;

	HomeController(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	/**
	 * Staff get the tiles; a worker goes to the first item of their menu (我的, which the member module
	 * contributes), so that signing in on the phone lands on their own page without platform knowing it.
	 */
	@GetMapping("/")
	String home(Model model) {
		boolean worker = currentUser.account().map(a -> a.role() == Role.WORKER).orElse(false);
		@SuppressWarnings("unchecked")
		List<NavigationItem> navigation = (List<NavigationItem>) model.getAttribute("navigation");
		if (worker && navigation != null && !navigation.isEmpty()) {
			return "redirect:" + navigation.get(0).href();
		}
		return "home";
	}
}
