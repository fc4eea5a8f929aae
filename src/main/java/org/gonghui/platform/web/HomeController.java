package org.gonghui.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the modules the account may use, as tiles (the navigation comes from {@link LayoutModel}). */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}
}
