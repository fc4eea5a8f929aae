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

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
