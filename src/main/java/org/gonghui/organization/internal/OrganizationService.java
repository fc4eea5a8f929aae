package org.gonghui.organization.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gonghui.organization.FoundingFigures;
import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The union tree as pages and the API use it. Every read applies the caller's data scope; records
 * outside it are reported as not found. Writes are for administrators and federation staff.
 */
@Service
public class OrganizationService {

	static final int MAX_NAME = 100;
	static final int MAX_ADDRESS = 200;

	private final OrganizationRepository organizations;
	private final EmployerRepository employers;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	OrganizationService(OrganizationRepository organizations, EmployerRepository employers, CurrentUser currentUser, AuditLog audit,
			Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.organizations = organizations;
		this.employers = employers;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** The tops of the caller's part of the tree, each with whether it has children. */
	@Transactional(readOnly = true)
	public List<TreeNode> tops() {
		return nodes(organizations.findScopeTops(currentUser.scope()));
	}

	@Transactional(readOnly = true)
	public List<TreeNode> children(long id) {
		DataScope scope = currentUser.scope();
		visible(id, scope);
		return nodes(organizations.findChildren(id, scope));
	}

	@Transactional(readOnly = true)
	public PageResult<OrganizationSummary> search(String text, PageResult.Request page) {
		DataScope scope = currentUser.scope();
		String like = like(text);
		long total = organizations.countSearch(scope, like);
		List<OrganizationSummary> rows = organizations.search(scope, like, page.offset(), page.size()).stream()
			.map(Organization::summary)
			.toList();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public OrganizationSummary get(long id) {
		return visible(id, currentUser.scope()).summary();
	}

	@Transactional(readOnly = true)
	public OrganizationDetail detail(long id) {
		DataScope scope = currentUser.scope();
		Organization org = visible(id, scope);
		// Ancestors are shown only as far up as the caller may see.
		List<OrganizationSummary> breadcrumb = organizations.findAllById(org.path().ids()).stream()
			.filter(o -> scope.includes(o.path()) && !o.id().equals(org.id()))
			.sorted((a, b) -> Integer.compare(a.path().depth(), b.path().depth()))
			.map(Organization::summary)
			.toList();
		FoundingFigures figures = employers.foundingFigures(org.path());
		List<EmployerService.EmployerView> ownEmployers = employers.findByOrganization(id).stream().map(EmployerService::view).toList();
		return new OrganizationDetail(org.summary(), org.address(), org.version(), breadcrumb, nodes(organizations.findChildren(id, scope)),
				ownEmployers, organizations.countDescendants(org.path()), figures.employers(), figures.employersWithUnion(), figures.employees(),
				mayWrite());
	}

	@Transactional
	public long create(OrganizationCommand command) {
		requireWriter();
		DataScope scope = currentUser.scope();
		List<FieldProblem> problems = new ArrayList<>();
		String name = checkName(command.name(), problems);
		String address = checkAddress(command.address(), problems);
		require(command.level(), "level", problems);
		require(command.type(), "type", problems);
		Organization parent = null;
		if (command.parentId() == null) {
			if (scope.kind() != DataScope.Kind.ALL) {
				problems.add(new FieldProblem("parentId", "validation.required"));
			}
		}
		else {
			parent = organizations.findById(command.parentId()).filter(p -> scope.includes(p.path())).orElse(null);
			if (parent == null) {
				problems.add(new FieldProblem("parentId", "organization.parent.notFound"));
			}
			else if (command.level() != null && !parent.level().mayContain(command.level())) {
				problems.add(new FieldProblem("level", "organization.level.aboveParent"));
			}
		}
		if (name != null && organizations.siblingNameTaken(command.parentId(), name, null)) {
			problems.add(new FieldProblem("name", "organization.name.taken"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		try {
			long id = organizations.insert(command.parentId(), name, command.level(), command.type(), parent == null ? null : parent.path(),
					address, clock.instant());
			audit.record("organization.create", "organization", id, name);
			return id;
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("name", "organization.name.taken");
		}
	}

	@Transactional
	public void update(long id, Integer version, OrganizationCommand command) {
		requireWriter();
		Organization org = visible(id, currentUser.scope());
		List<FieldProblem> problems = new ArrayList<>();
		String name = checkName(command.name(), problems);
		String address = checkAddress(command.address(), problems);
		require(command.level(), "level", problems);
		require(command.type(), "type", problems);
		if (command.level() != null) {
			if (org.parentId() != null) {
				Organization parent = organizations.findById(org.parentId()).orElseThrow();
				if (!parent.level().mayContain(command.level())) {
					problems.add(new FieldProblem("level", "organization.level.aboveParent"));
				}
			}
			if (organizations.levelsBelow(org.path()).stream().map(OrganizationLevel::valueOf).anyMatch(l -> !command.level().mayContain(l))) {
				problems.add(new FieldProblem("level", "organization.level.belowChildren"));
			}
		}
		if (name != null && organizations.siblingNameTaken(org.parentId(), name, id)) {
			problems.add(new FieldProblem("name", "organization.name.taken"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		try {
			if (!organizations.update(id, version == null ? org.version() : version, name, command.level(), command.type(), address, clock.instant())) {
				throw new OptimisticLockingFailureException("organization " + id + " was changed meanwhile");
			}
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("name", "organization.name.taken");
		}
		audit.record("organization.update", "organization", id, org.name().equals(name) ? name : org.name() + " → " + name);
	}

	/**
	 * Moves the organisation and its whole subtree under a new parent. Paths are rewritten in the
	 * same transaction, so readers never see half a move.
	 */
	@Transactional
	public void move(long id, Integer version, Long newParentId) {
		requireWriter();
		DataScope scope = currentUser.scope();
		Organization org = visible(id, scope);
		if (newParentId == null) {
			throw InvalidInputException.of("parentId", "validation.required");
		}
		Organization parent = organizations.findById(newParentId).filter(p -> scope.includes(p.path()))
			.orElseThrow(() -> InvalidInputException.of("parentId", "organization.parent.notFound"));
		if (parent.path().isWithin(org.path())) {
			throw InvalidInputException.of("parentId", "organization.move.intoItself");
		}
		if (parent.id().equals(org.parentId())) {
			return;
		}
		if (!parent.level().mayContain(org.level())) {
			throw InvalidInputException.of("parentId", "organization.level.aboveParent");
		}
		if (organizations.siblingNameTaken(parent.id(), org.name(), id)) {
			throw InvalidInputException.of("parentId", "organization.move.nameTaken");
		}
		OrgPath newPath = parent.path().child(id);
		int rewritten = organizations.move(id, version == null ? org.version() : version, parent.id(), org.path(), newPath, clock.instant());
		if (rewritten == 0) {
			throw new OptimisticLockingFailureException("organization " + id + " was changed meanwhile");
		}
		events.publishEvent(new org.gonghui.organization.OrganizationMoved(id, org.path().value(), newPath.value()));
		audit.record("organization.move", "organization", id, org.name() + ": " + org.path() + " → " + newPath + " (" + rewritten + " paths)");
	}

	/** Organisations the subtree may move under: in scope, not inside the subtree itself. */
	@Transactional(readOnly = true)
	public List<OrganizationSummary> moveTargets(long id) {
		DataScope scope = currentUser.scope();
		Organization org = visible(id, scope);
		return organizations.search(scope, null, 0, 1000).stream()
			.filter(o -> !o.path().isWithin(org.path()) && o.level().mayContain(org.level()))
			.map(Organization::summary)
			.toList();
	}

	/** The organisations of a subtree for export, parents first; the export is audited. */
	@Transactional
	public List<OrganizationSummary> exportSubtree(long id) {
		Organization root = visible(id, currentUser.scope());
		List<OrganizationSummary> rows = organizations.findSubtree(root.path()).stream().map(Organization::summary).toList();
		audit.record("organization.export", "organization", id, rows.size() + " rows");
		return rows;
	}

	public boolean mayWrite() {
		return currentUser.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF).orElse(false);
	}

	Organization visible(long id, DataScope scope) {
		return organizations.findById(id).filter(o -> scope.includes(o.path()))
			.orElseThrow(() -> new RecordNotFoundException("organization", id));
	}

	private List<TreeNode> nodes(List<Organization> list) {
		Map<Long, Long> counts = organizations.countChildren(list.stream().map(Organization::id).toList());
		return list.stream().map(o -> new TreeNode(o.summary(), counts.getOrDefault(o.id(), 0L))).toList();
	}

	private void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Only administrators and federation staff change organisations");
		}
	}

	static String checkName(String text, List<FieldProblem> problems) {
		String name = Text.clean(text);
		if (name == null) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(new FieldProblem("name", "validation.tooLong", MAX_NAME));
		}
		else if (Text.hasControlCharacters(name)) {
			problems.add(new FieldProblem("name", "validation.controlCharacters"));
		}
		return name;
	}

	static String checkAddress(String text, List<FieldProblem> problems) {
		String address = Text.clean(text);
		if (address != null && address.length() > MAX_ADDRESS) {
			problems.add(new FieldProblem("address", "validation.tooLong", MAX_ADDRESS));
		}
		else if (Text.hasControlCharacters(address)) {
			problems.add(new FieldProblem("address", "validation.controlCharacters"));
		}
		return address;
	}

	static void require(Object value, String field, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
	}

	static String like(String text) {
		String cleaned = Text.clean(text);
		if (cleaned == null) {
			return null;
		}
		String escaped = org.gonghui.shared.Text.escapeLike(cleaned.toLowerCase(Locale.ROOT));
		return "%" + escaped + "%";
	}

	/** What the caller wants an organisation to be (create and edit). */
	public record OrganizationCommand(Long parentId, String name, OrganizationLevel level, OrganizationType type, String address) {
	}

	/** A node of the tree browser; {@code childCount} tells whether it can expand. */
	public record TreeNode(OrganizationSummary organization, long childCount) {
	}

	public record OrganizationDetail(OrganizationSummary organization, String address, int version, List<OrganizationSummary> breadcrumb,
			List<TreeNode> children, List<EmployerService.EmployerView> employers, long descendantCount, long employerCount,
			long foundedEmployerCount, long headcount, boolean mayWrite) {
	}
}
