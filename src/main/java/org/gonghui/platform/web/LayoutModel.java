package org.gonghui.platform.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.NavigationItem;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the navigation the caller may see and the current path (for the language switch). */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	private final List<NavigationItem> items;
	private final CurrentUser currentUser;

	LayoutModel(List<NavigationItem> items, CurrentUser currentUser) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
		this.currentUser = currentUser;
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation() {
		return currentUser.account().map(a -> items.stream().filter(i -> i.roles().contains(a.role())).toList()).orElse(List.of());
	}

	/** The navigation item for this page: the longest link that prefixes the path (so /members/import is not also /members). */
	@ModelAttribute("activeNav")
	String activeNav(HttpServletRequest request) {
		String path = currentPath(request);
		return items.stream().map(NavigationItem::href).filter(href -> path.equals(href) || path.startsWith(href + "/"))
			.max(java.util.Comparator.comparingInt(String::length)).orElse("");
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
