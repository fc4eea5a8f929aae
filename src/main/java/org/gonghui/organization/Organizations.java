package org.gonghui.organization;

import java.util.List;
import java.util.Optional;

/**
 * The organization module's API for other modules. Methods named {@code visible...} apply the
 * caller's data scope; the others answer public facts (union names for the join form, for example).
 */
public interface Organizations {

	/** The organisation, if it exists and lies in the caller's scope. */
	Optional<OrganizationSummary> findVisible(long id);

	/** The organisation regardless of scope, for public pages and background work. */
	Optional<OrganizationSummary> find(long id);

	/** A union's name and address with the federation above it, for the worker's 我的 page (no scope: public facts). */
	Optional<UnionContact> contact(long id);

	/**
	 * Organisations in the caller's scope named exactly {@code name} (at most a few: two mean the name is
	 * ambiguous), for imports that name an organisation in a cell; looked up in SQL, so a scope of
	 * 100,000 organisations is not loaded to match a name.
	 */
	List<OrganizationSummary> visibleNamed(String name);

	/** True when the organisation lies in the subtree of {@code ancestorId} (or is it). */
	boolean isWithin(long id, long ancestorId);

	/**
	 * The nearest organisation at or above {@code id} with the given level and type, e.g. the district
	 * federation (DISTRICT, REGIONAL_FEDERATION) of a union, skipping district-level industry or joint unions.
	 */
	Optional<OrganizationSummary> ancestor(long id, OrganizationLevel level, OrganizationType type);

	/** The same, limited to the caller's scope (transfer targets, import targets). */
	List<OrganizationSummary> visibleJoinableUnions(String text, int limit);

	/** The one rule for which organisations hold members: grassroots unions and joint unions. */
	boolean acceptsMembers(long organizationId);

	Optional<EmployerSummary> findEmployer(long employerId);

	/** Employers of the organisation itself (not its subtree), for pickers. */
	List<EmployerSummary> employersOf(long organizationId);

	/**
	 * The employer in the subtree of {@code organizationId} whose name or unified social credit code is
	 * exactly the text (roster import matching); empty when none or ambiguous.
	 */
	Optional<EmployerSummary> matchEmployer(long organizationId, String nameOrCreditCode);

	/**
	 * Union coverage (建会) of the organisation's subtree: employers, those with a founded union, and their
	 * workers. Throws {@link org.gonghui.shared.RecordNotFoundException} when the organisation does not
	 * exist or lies outside the caller's scope, so figures never leak across the data-scope rule.
	 */
	FoundingFigures visibleFoundingFigures(long organizationId);
}
