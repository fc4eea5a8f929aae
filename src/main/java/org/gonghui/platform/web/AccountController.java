package org.gonghui.platform.web;

import org.gonghui.platform.FormErrors;
import org.gonghui.platform.Role;
import org.gonghui.platform.internal.AccountService;
import org.gonghui.platform.internal.AccountService.AccountChange;
import org.gonghui.platform.internal.AccountService.AccountView;
import org.gonghui.platform.internal.AccountService.NewAccount;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account management pages (ADMIN everywhere, STAFF in their subtree). */
@Controller
@RequestMapping("/accounts")
class AccountController {

	private final AccountService accounts;

	private final org.springframework.context.MessageSource messages;

	AccountController(AccountService accounts, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.accounts = accounts;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("accounts", accounts.list(q, new PageResult.Request(page, 20)));
		return "accounts/list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new AccountForm());
		return form(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") AccountForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			long id = accounts.create(new NewAccount(form.getUsername(), form.getDisplayName(), form.getPassword(), form.getRole(),
					form.getOrganizationId()));
			redirect.addFlashAttribute("message", "account.created");
			return "redirect:/accounts/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			form.setPassword(null);
			return form(model, null);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		AccountView account = accounts.get(id);
		model.addAttribute("form", AccountForm.of(account));
		return form(model, account);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		AccountView account = accounts.get(id);
		try {
			accounts.update(id, new AccountChange(form.getDisplayName(), form.getRole(), form.getOrganizationId(), form.isEnabled(),
					form.getVersion()));
			redirect.addFlashAttribute("message", "common.saved");
			return "redirect:/accounts/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.apply(e, result);
			return form(model, account);
		}
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam(required = false) String password, RedirectAttributes redirect) {
		try {
			accounts.resetPassword(id, password);
			redirect.addFlashAttribute("message", "account.password.changed");
		}
		catch (InvalidInputException e) {
			org.gonghui.platform.FormErrors.flash(e, redirect, messages);
		}
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		accounts.unlock(id);
		redirect.addFlashAttribute("message", "account.unlocked");
		return "redirect:/accounts/" + id;
	}

	private String form(Model model, AccountView account) {
		model.addAttribute("account", account);
		model.addAttribute("roles", accounts.grantableRoles());
		return "accounts/form";
	}

	/** The account form as the page binds it. */
	public static class AccountForm {

		private String username;
		private String displayName;
		private String password;
		private Role role;
		private Long organizationId;
		private boolean enabled = true;
		private int version;

		static AccountForm of(AccountView a) {
			var f = new AccountForm();
			f.username = a.username();
			f.displayName = a.displayName();
			f.role = a.role();
			f.organizationId = a.organizationId();
			f.enabled = a.enabled();
			f.version = a.version();
			return f;
		}

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getDisplayName() {
			return displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public Role getRole() {
			return role;
		}

		public void setRole(Role role) {
			this.role = role;
		}

		public Long getOrganizationId() {
			return organizationId;
		}

		public void setOrganizationId(Long organizationId) {
			this.organizationId = organizationId;
		}

		public boolean isEnabled() {
			return enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getVersion() {
			return version;
		}

		public void setVersion(int version) {
			this.version = version;
		}
	}
}
