package org.gonghui.organization.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.OrgRef;
import org.gonghui.platform.OrganizationDirectory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Serves the platform's view of organisations, and this module's API to other modules. */
@Component
@Transactional(readOnly = true)
class OrganizationDirectoryAdapter implements OrganizationDirectory, Organizations {

	private final OrganizationRepository organizations;
	private final CurrentUser currentUser;

	OrganizationDirectoryAdapter(OrganizationRepository organizations, @Lazy CurrentUser currentUser) {
		this.organizations = organizations;
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

	private static OrgRef ref(Organization o) {
		return new OrgRef(o.id(), o.name(), o.path());
	}
}
