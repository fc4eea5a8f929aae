package org.gonghui.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.organization.FoundingStatus;
import org.gonghui.organization.Ownership;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.CreditCode;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Employers (单位) in the caller's scope. Union chairs may maintain their own union's employers. */
@Service
public class EmployerService {

	static final int MAX_HEADCOUNT = 10_000_000;

	private final EmployerRepository employers;
	private final OrganizationRepository organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;

	EmployerService(EmployerRepository employers, OrganizationRepository organizations, CurrentUser currentUser, AuditLog audit,
			Clock clock) {
		this.employers = employers;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** Employers in the caller's scope, optionally only those under one organisation's subtree. */
	@Transactional(readOnly = true)
	public PageResult<EmployerView> search(String text, Long withinOrganizationId, PageResult.Request page) {
		DataScope scope = currentUser.scope();
		OrgPath within = withinOrganizationId == null ? null : visibleOrganization(withinOrganizationId, scope);
		String like = OrganizationService.like(text);
		long total = employers.count(scope, within, like);
		List<EmployerView> rows = employers.search(scope, within, like, page.offset(), page.size()).stream().map(EmployerService::view).toList();
		return new PageResult<>(rows, page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public EmployerView get(long id) {
		return view(visible(id, currentUser.scope()));
	}

	@Transactional
	public long create(EmployerCommand command) {
		requireWriter();
		DataScope scope = currentUser.scope();
		Instant now = clock.instant();
		Employer e = validate(null, 0, command, scope, now);
		try {
			long id = employers.insert(e);
			audit.record("employer.create", "employer", id, e.name() + " " + e.creditCode());
			return id;
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("creditCode", "employer.creditCode.taken");
		}
	}

	@Transactional
	public void update(long id, Integer version, EmployerCommand command) {
		requireWriter();
		DataScope scope = currentUser.scope();
		int current = visible(id, scope).employer().version();
		Employer e = validate(id, version == null ? current : version, command, scope, clock.instant());
		try {
			if (!employers.update(e)) {
				throw new OptimisticLockingFailureException("employer " + id + " was changed meanwhile");
			}
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("creditCode", "employer.creditCode.taken");
		}
		audit.record("employer.update", "employer", id, e.name() + " " + e.creditCode());
	}

	/** Every employer in the caller's scope (or under one organisation) for export; the export is audited. */
	@Transactional
	public List<EmployerView> export(Long withinOrganizationId) {
		DataScope scope = currentUser.scope();
		OrgPath within = withinOrganizationId == null ? null : visibleOrganization(withinOrganizationId, scope);
		List<EmployerView> rows = employers.search(scope, within, null, 0, Integer.MAX_VALUE).stream().map(EmployerService::view).toList();
		audit.record("employer.export", "organization", withinOrganizationId, rows.size() + " rows");
		return rows;
	}

	public boolean mayWrite() {
		return currentUser.account().map(a -> a.role() == Role.ADMIN || a.role() == Role.STAFF || a.role() == Role.UNION_CHAIR)
			.orElse(false);
	}

	private Employer validate(Long id, int version, EmployerCommand c, DataScope scope, Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = OrganizationService.checkName(c.name(), problems);
		String address = OrganizationService.checkAddress(c.address(), problems);
		String code = null;
		if (c.creditCode() == null || c.creditCode().isBlank()) {
			problems.add(new FieldProblem("creditCode", "validation.required"));
		}
		else {
			code = CreditCode.parse(c.creditCode()).orElse(null);
			if (code == null) {
				problems.add(new FieldProblem("creditCode", "employer.creditCode.invalid"));
			}
			else if (employers.findIdByCreditCode(code).filter(other -> !other.equals(id)).isPresent()) {
				problems.add(new FieldProblem("creditCode", "employer.creditCode.taken"));
			}
		}
		OrganizationService.require(c.ownership(), "ownership", problems);
		if (c.headcount() == null || c.headcount() < 0 || c.headcount() > MAX_HEADCOUNT) {
			problems.add(new FieldProblem("headcount", "employer.headcount.range", MAX_HEADCOUNT));
		}
		if (c.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else if (organizations.findById(c.organizationId()).filter(o -> scope.includes(o.path())).isEmpty()) {
			problems.add(new FieldProblem("organizationId", "organization.parent.notFound"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Employer(id, name, code, c.ownership(), c.headcount(), address, c.organizationId(), now, now, version);
	}

	private EmployerRepository.Row visible(long id, DataScope scope) {
		return employers.findById(id).filter(r -> scope.includes(r.organizationPath()))
			.orElseThrow(() -> new RecordNotFoundException("employer", id));
	}

	private OrgPath visibleOrganization(long id, DataScope scope) {
		return organizations.findById(id).filter(o -> scope.includes(o.path()))
			.orElseThrow(() -> new RecordNotFoundException("organization", id))
			.path();
	}

	private void requireWriter() {
		if (!mayWrite()) {
			throw new AccessDeniedException("Not allowed to change employers");
		}
	}

	static EmployerView view(EmployerRepository.Row r) {
		Employer e = r.employer();
		return new EmployerView(e.id(), e.name(), e.creditCode(), e.ownership(), e.headcount(), e.address(), e.organizationId(),
				r.organizationName(), r.foundingStatus(), r.foundedUnionId(), r.foundedUnionName(), e.version());
	}

	public record EmployerCommand(String name, String creditCode, Ownership ownership, Integer headcount, String address,
			Long organizationId) {
	}

	/** {@code foundedUnionId} and its name are set when {@code foundingStatus} is FOUNDED. */
	public record EmployerView(long id, String name, String creditCode, Ownership ownership, int headcount, String address,
			long organizationId, String organizationName, FoundingStatus foundingStatus, Long foundedUnionId, String foundedUnionName,
			int version) {
	}
}
