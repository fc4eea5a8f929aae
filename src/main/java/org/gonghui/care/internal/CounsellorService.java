package org.gonghui.care.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gonghui.care.internal.CounsellorRepository.Counsellor;
import org.gonghui.care.internal.CounsellorRepository.Fields;
import org.gonghui.care.internal.CounsellorRepository.Served;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AccountRef;
import org.gonghui.platform.Accounts;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.TextChecks;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counsellor profiles (心理咨询师): a COUNSELLOR account's name, credential, affiliation, languages, bio and the
 * organisations whose workers they serve. Administrators and staff manage the counsellors serving an organisation in
 * their scope (others are not found); a counsellor reads their own profile. Staff change only the organisations
 * served that lie in their own scope: 东城's staff cannot take a counsellor away from 朝阳.
 */
@Service
public class CounsellorService {

	private final CounsellorRepository counsellors;
	private final Organizations organizations;
	private final Accounts accounts;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	CounsellorService(CounsellorRepository counsellors, Organizations organizations, Accounts accounts, CurrentUser currentUser, AuditLog audit,
			Clock clock) {
		this.counsellors = counsellors;
		this.organizations = organizations;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a form or the API sends; {@code username} counts only when the profile is created. */
	public record CounsellorInput(String username, String name, String credential, String credentialBody, String affiliation, String languages,
			String bio, List<Long> organizationIds, Boolean active) {
	}

	/** An organisation served; {@code inScope} says whether the caller may take it off the list. */
	public record OrgName(long id, String name, boolean inScope) {
	}

	/** A profile as staff and the counsellor see it. */
	public record CounsellorView(long id, String username, String name, String credential, String credentialBody, String affiliation,
			String languages, String bio, boolean active, List<OrgName> organizations) {
	}

	@Transactional(readOnly = true)
	public PageResult<CounsellorView> list(PageResult.Request page) {
		DataScope scope = requireManager();
		long total = counsellors.countInScope(scope.pathPattern());
		List<Counsellor> rows = counsellors.inScope(scope.pathPattern(), page.offset(), page.size());
		return new PageResult<>(views(rows), page.page(), page.size(), total);
	}

	/** One profile: staff in scope, or the counsellor themself; not found for anyone else. */
	@Transactional(readOnly = true)
	public CounsellorView get(long id) {
		return view(visible(id));
	}

	/** The signed-in counsellor's own profile, if staff have made one. */
	@Transactional(readOnly = true)
	public Optional<CounsellorView> mine() {
		return own().map(this::view);
	}

	@Transactional
	public long create(CounsellorInput in) {
		requireManager();
		List<FieldProblem> problems = new ArrayList<>();
		AccountRef account = null;
		String username = in.username() == null ? null : in.username().strip();
		if (username == null || username.isEmpty()) {
			problems.add(new FieldProblem("username", "validation.required"));
		}
		else {
			account = accounts.find(username).orElse(null);
			if (account == null || account.role() != Role.COUNSELLOR || organizations.findVisible(account.organizationId()).isEmpty()) {
				// One answer for "no such account", "not a counsellor" and "outside your scope": no account oracle.
				problems.add(new FieldProblem("username", "care.counsellor.account"));
				account = null;
			}
			else if (counsellors.findByAccount(account.id()).isPresent()) {
				problems.add(new FieldProblem("username", "care.counsellor.exists"));
			}
		}
		Fields fields = fields(in, problems);
		Set<Long> served = requestedOrganizations(in.organizationIds(), problems);
		if (served.isEmpty() && problems.stream().noneMatch(p -> "organizationIds".equals(p.field()))) {
			problems.add(new FieldProblem("organizationIds", "care.counsellor.organizations.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id;
		try {
			id = counsellors.insert(account.id(), fields, clock.instant());
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("username", "care.counsellor.exists");
		}
		counsellors.replaceServed(id, served);
		audit.record("care.counsellor.create", "care_counsellor", id, account.username() + ": " + fields.name() + ", " + fields.affiliation()
				+ ", serves " + served);
		return id;
	}

	@Transactional
	public void update(long id, CounsellorInput in) {
		DataScope scope = requireManager();
		Counsellor c = visible(id);
		List<FieldProblem> problems = new ArrayList<>();
		Fields fields = fields(in, problems);
		Set<Long> requested = requestedOrganizations(in.organizationIds(), problems);
		// Organisations outside the caller's scope stay as they were: staff edit only their own part of the list.
		Set<Long> kept = counsellors.served(List.of(id)).stream().filter(s -> !scope.includes(s.path())).map(Served::organizationId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<Long> served = new LinkedHashSet<>(kept);
		served.addAll(requested);
		if (requested.isEmpty() && problems.stream().noneMatch(p -> "organizationIds".equals(p.field()))) {
			problems.add(new FieldProblem("organizationIds", "care.counsellor.organizations.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		counsellors.update(id, fields);
		counsellors.replaceServed(id, served);
		audit.record("care.counsellor.update", "care_counsellor", id, c.username() + ": " + fields.name() + ", " + fields.affiliation() + ", serves "
				+ served + (fields.active() ? "" : ", inactive"));
	}

	/** The counsellor for slot work: the counsellor themself, or staff in scope; not found otherwise. */
	Counsellor manageable(long id) {
		Optional<AccountRef> me = currentUser.account();
		if (me.isPresent() && me.get().role() == Role.COUNSELLOR) {
			return own().filter(c -> c.id() == id).orElseThrow(() -> new RecordNotFoundException("counsellor", id));
		}
		requireManager();
		return visible(id);
	}

	/** The signed-in counsellor's profile. */
	Optional<Counsellor> own() {
		return currentUser.account().filter(a -> a.role() == Role.COUNSELLOR).flatMap(a -> counsellors.findByAccount(a.id()));
	}

	List<CounsellorView> views(List<Counsellor> rows) {
		DataScope scope = currentUser.scope();
		Map<Long, List<OrgName>> served = counsellors.served(rows.stream().map(Counsellor::id).toList()).stream()
			.collect(Collectors.groupingBy(Served::counsellorId,
					Collectors.mapping(s -> new OrgName(s.organizationId(), s.name(), scope.includes(s.path())), Collectors.toList())));
		return rows.stream().map(c -> view(c, served.getOrDefault(c.id(), List.of()))).toList();
	}

	private CounsellorView view(Counsellor c) {
		return views(List.of(c)).get(0);
	}

	private static CounsellorView view(Counsellor c, List<OrgName> served) {
		return new CounsellorView(c.id(), c.username(), c.name(), c.credential(), c.credentialBody(), c.affiliation(), c.languages(), c.bio(), c.active(),
				served);
	}

	private Counsellor visible(long id) {
		Optional<AccountRef> me = currentUser.account();
		if (me.isPresent() && me.get().role() == Role.COUNSELLOR) {
			return own().filter(c -> c.id() == id).orElseThrow(() -> new RecordNotFoundException("counsellor", id));
		}
		DataScope scope = requireManager();
		Counsellor c = counsellors.findById(id).orElseThrow(() -> new RecordNotFoundException("counsellor", id));
		if (counsellors.served(List.of(id)).stream().noneMatch(s -> scope.includes(s.path()))) {
			throw new RecordNotFoundException("counsellor", id);
		}
		return c;
	}

	/** Administrators and federation staff manage counsellors; union chairs and workers do not. */
	private DataScope requireManager() {
		if (!(currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.STAFF))) {
			throw new AccessDeniedException("Only administrators and staff manage counsellors");
		}
		return currentUser.scope();
	}

	private Set<Long> requestedOrganizations(List<Long> ids, List<FieldProblem> problems) {
		Set<Long> served = new LinkedHashSet<>();
		if (ids == null) {
			return served;
		}
		if (ids.size() > 50) {
			problems.add(new FieldProblem("organizationIds", "care.counsellor.organizations.tooMany", 50));
			return served;
		}
		for (Long org : ids) {
			Optional<OrganizationSummary> found = org == null ? Optional.empty() : organizations.findVisible(org);
			if (found.isEmpty()) {
				problems.add(new FieldProblem("organizationIds", "care.counsellor.organization.notFound"));
				return new LinkedHashSet<>();
			}
			served.add(org);
		}
		return served;
	}

	private static Fields fields(CounsellorInput in, List<FieldProblem> problems) {
		String name = TextChecks.line(in.name(), "name", 50, problems);
		if (name == null) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		String credential = TextChecks.line(in.credential(), "credential", 100, problems);
		String body = TextChecks.line(in.credentialBody(), "credentialBody", 100, problems);
		String affiliation = TextChecks.line(in.affiliation(), "affiliation", 100, problems);
		if (affiliation == null) {
			problems.add(new FieldProblem("affiliation", "validation.required"));
		}
		String languages = TextChecks.line(in.languages(), "languages", 100, problems);
		String bio = TextChecks.text(in.bio(), "bio", 500, problems);
		return new Fields(name, credential, body, affiliation, languages, bio, in.active() == null || in.active());
	}
}
