package org.gonghui.organization.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gonghui.organization.EmployerSummary;
import org.gonghui.organization.FoundingFigures;
import org.gonghui.organization.OrganizationLevel;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.OrganizationType;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.OrgRef;
import org.gonghui.platform.OrganizationDirectory;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Serves the platform's view of organisations, and this module's API to other modules. */
@Component
@Transactional(readOnly = true)
class OrganizationDirectoryAdapter implements OrganizationDirectory, Organizations {

	private final OrganizationRepository organizations;
	private final EmployerRepository employers;
	private final CurrentUser currentUser;

	OrganizationDirectoryAdapter(OrganizationRepository organizations, EmployerRepository employers, @Lazy CurrentUser currentUser) {
		this.organizations = organizations;
		this.employers = employers;
		this.currentUser = currentUser;
	}

	@Override
	public Optional<OrgRef> findById(long id) {
		return organizations.findById(id).map(OrganizationDirectoryAdapter::ref);
	}

	@Override
	public Map<Long, OrgRef> findAllById(Collection<Long> ids) {
		return organizations.findAllById(ids).stream().map(OrganizationDirectoryAdapter::ref)
			.collect(Collectors.toMap(OrgRef::id, Function.identity()));
	}

	@Override
	public List<OrgRef> roots() {
		return organizations.findRoots().stream().map(OrganizationDirectoryAdapter::ref).toList();
	}

	@Override
	public Optional<OrgRef> findByName(String name) {
		return organizations.findByName(name).stream().findFirst().map(OrganizationDirectoryAdapter::ref);
	}

	@Override
	public List<OrgRef> search(DataScope scope, String text, int limit) {
		return organizations.search(scope, OrganizationService.like(text), 0, limit).stream().map(OrganizationDirectoryAdapter::ref).toList();
	}

	@Override
	public Optional<OrganizationSummary> findVisible(long id) {
		DataScope scope = currentUser.scope();
		return organizations.findById(id).filter(o -> scope.includes(o.path())).map(Organization::summary);
	}

	@Override
	public Optional<OrganizationSummary> find(long id) {
		return organizations.findById(id).map(Organization::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<org.gonghui.organization.UnionContact> contact(long id) {
		return organizations.findById(id).map(org -> {
			var parent = org.parentId() == null ? Optional.<Organization>empty() : organizations.findById(org.parentId());
			return new org.gonghui.organization.UnionContact(org.id(), org.name(), org.address(), parent.map(Organization::name).orElse(null),
					parent.map(Organization::address).orElse(null));
		});
	}

	@Override
	public List<OrganizationSummary> visibleNamed(String name) {
		return organizations.named(currentUser.scope(), name, 5).stream().map(Organization::summary).toList();
	}

	@Override
	public boolean isWithin(long id, long ancestorId) {
		var org = organizations.findById(id);
		var ancestor = organizations.findById(ancestorId);
		return org.isPresent() && ancestor.isPresent() && org.get().path().isWithin(ancestor.get().path());
	}

	@Override
	public Optional<OrganizationSummary> ancestor(long id, OrganizationLevel level, OrganizationType type) {
		return organizations.findById(id).flatMap(o -> organizations.findAllById(o.path().ids()).stream()
			.filter(a -> a.level() == level && a.type() == type)
			.max(java.util.Comparator.comparingInt(a -> a.path().depth()))
			.map(Organization::summary));
	}

	@Override
	public List<OrganizationSummary> visibleJoinableUnions(String text, int limit) {
		return organizations.searchJoinable(currentUser.scope(), OrganizationService.like(text), limit).stream().map(Organization::summary)
			.toList();
	}

	@Override
	public boolean acceptsMembers(long organizationId) {
		return organizations.findById(organizationId).map(OrganizationDirectoryAdapter::acceptsMembers).orElse(false);
	}

	static boolean acceptsMembers(Organization o) {
		return o.level() == OrganizationLevel.GRASSROOTS || o.type() == OrganizationType.JOINT_UNION;
	}

	@Override
	public Optional<EmployerSummary> findEmployer(long employerId) {
		return employers.findById(employerId).map(r -> summary(r.employer()));
	}

	@Override
	public List<EmployerSummary> employersOf(long organizationId) {
		return employers.findByOrganization(organizationId).stream().map(r -> summary(r.employer())).toList();
	}

	@Override
	public Optional<EmployerSummary> matchEmployer(long organizationId, String nameOrCreditCode) {
		String text = org.gonghui.shared.Text.clean(nameOrCreditCode);
		var root = organizations.findById(organizationId);
		if (text == null || root.isEmpty()) {
			return Optional.empty();
		}
		String code = org.gonghui.shared.CreditCode.parse(text).orElse(null);
		List<EmployerRepository.Row> matches = employers.findByNameOrCode(root.get().path(), text, code);
		return matches.size() == 1 ? Optional.of(summary(matches.get(0).employer())) : Optional.empty();
	}

	@Override
	public FoundingFigures visibleFoundingFigures(long organizationId) {
		DataScope scope = currentUser.scope();
		Organization org = organizations.findById(organizationId).filter(o -> scope.includes(o.path()))
			.orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
		return employers.foundingFigures(org.path());
	}

	private static EmployerSummary summary(Employer e) {
		return new EmployerSummary(e.id(), e.name(), e.creditCode(), e.ownership(), e.headcount(), e.organizationId());
	}

	private static OrgRef ref(Organization o) {
		return new OrgRef(o.id(), o.name(), o.path());
	}
}
