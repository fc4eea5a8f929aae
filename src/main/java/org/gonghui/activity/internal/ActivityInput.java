package org.gonghui.activity.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gonghui.activity.Audience;
import org.gonghui.activity.internal.ActivityService.CoOrganizerInput;
import org.gonghui.activity.internal.ActivityService.ExpertInput;
import org.gonghui.facility.Sites;
import org.gonghui.member.Members;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.TextChecks;
import org.springframework.stereotype.Component;

/**
 * Checks of what surrounds an activity (venue, co-organisers, experts, audience lists) against the other
 * modules, within the caller's scope. Problems are collected so a form reports all of them at once.
 */
@Component
class ActivityInput {

	static final int MAX_CO_ORGANIZERS = 20;
	static final int MAX_EXPERTS = 50;
	static final int MAX_AUDIENCE_EMPLOYERS = 500;
	static final int MAX_NAMED_LIST = 5_000;

	private final Organizations organizations;
	private final Members members;
	private final Sites sites;
	private final CurrentUser currentUser;

	ActivityInput(Organizations organizations, Members members, Sites sites, CurrentUser currentUser) {
		this.organizations = organizations;
		this.members = members;
		this.sites = sites;
		this.currentUser = currentUser;
	}

	/** The venue site, if one is given: a public site or one in the caller's scope. */
	Long site(Long siteId, List<FieldProblem> problems) {
		if (siteId != null && sites.findUsable(siteId).isEmpty()) {
			problems.add(new FieldProblem("siteId", "activity.site.notFound"));
		}
		return siteId;
	}

	/** Co-organisers: an organisation of the tree (any, since partners are often outside the scope) or a named department. */
	List<ActivityDetailsRepository.CoOrganizer> coOrganizers(List<CoOrganizerInput> input, List<FieldProblem> problems) {
		List<ActivityDetailsRepository.CoOrganizer> result = new ArrayList<>();
		if (input == null) {
			return result;
		}
		if (input.size() > MAX_CO_ORGANIZERS) {
			problems.add(new FieldProblem("coOrganizers", "activity.list.tooMany", MAX_CO_ORGANIZERS));
			return result;
		}
		for (int i = 0; i < input.size(); i++) {
			CoOrganizerInput c = input.get(i);
			String field = "coOrganizers[" + i + "]";
			if (c == null) {
				problems.add(new FieldProblem(field + ".name", "validation.required"));
				continue;
			}
			if (c.organizationId() != null) {
				var org = organizations.find(c.organizationId());
				if (org.isEmpty()) {
					problems.add(new FieldProblem(field + ".organizationId", "activity.organization.notFound"));
				}
				else {
					result.add(new ActivityDetailsRepository.CoOrganizer(c.organizationId(), org.get().name()));
				}
				continue;
			}
			String name = TextChecks.line(c.name(), field + ".name", 100, problems);
			if (name == null) {
				problems.add(new FieldProblem(field + ".name", "validation.required"));
			}
			else {
				result.add(new ActivityDetailsRepository.CoOrganizer(null, name));
			}
		}
		return result;
	}

	List<ActivityDetailsRepository.Expert> experts(List<ExpertInput> input, List<FieldProblem> problems) {
		List<ActivityDetailsRepository.Expert> result = new ArrayList<>();
		if (input == null) {
			return result;
		}
		if (input.size() > MAX_EXPERTS) {
			problems.add(new FieldProblem("experts", "activity.list.tooMany", MAX_EXPERTS));
			return result;
		}
		for (int i = 0; i < input.size(); i++) {
			ExpertInput e = input.get(i);
			String field = "experts[" + i + "]";
			String name = e == null ? null : TextChecks.line(e.name(), field + ".name", 50, problems);
			String affiliation = e == null ? null : TextChecks.line(e.affiliation(), field + ".affiliation", 100, problems);
			if (name == null) {
				problems.add(new FieldProblem(field + ".name", "validation.required"));
			}
			else {
				result.add(new ActivityDetailsRepository.Expert(name, affiliation));
			}
		}
		return result;
	}

	/** Employers of the audience: each must exist and belong to an organisation in the caller's scope. */
	Set<Long> employers(Audience audience, List<Long> ids, List<FieldProblem> problems) {
		Set<Long> result = new LinkedHashSet<>();
		if (audience != Audience.EMPLOYERS) {
			if (ids != null && !ids.isEmpty()) {
				problems.add(new FieldProblem("audienceEmployerIds", "activity.audience.employersNotExpected"));
			}
			return result;
		}
		if (ids == null || ids.isEmpty()) {
			problems.add(new FieldProblem("audienceEmployerIds", "activity.audience.employersRequired"));
			return result;
		}
		if (ids.size() > MAX_AUDIENCE_EMPLOYERS) {
			problems.add(new FieldProblem("audienceEmployerIds", "activity.list.tooMany", MAX_AUDIENCE_EMPLOYERS));
			return result;
		}
		for (int i = 0; i < ids.size(); i++) {
			Long id = ids.get(i);
			boolean ok = id != null && organizations.findEmployer(id)
				.flatMap(e -> organizations.findVisible(e.organizationId()))
				.isPresent();
			if (!ok) {
				problems.add(new FieldProblem("audienceEmployerIds[" + i + "]", "activity.audience.employerNotFound"));
			}
			else {
				result.add(id);
			}
		}
		return result;
	}

	/** Members of a named list: each must exist and be in the caller's scope. */
	Set<Long> members(Audience audience, List<Long> ids, List<FieldProblem> problems) {
		Set<Long> result = new LinkedHashSet<>();
		if (audience != Audience.NAMED_LIST) {
			if (ids != null && !ids.isEmpty()) {
				problems.add(new FieldProblem("audienceMemberIds", "activity.audience.membersNotExpected"));
			}
			return result;
		}
		if (ids == null || ids.isEmpty()) {
			problems.add(new FieldProblem("audienceMemberIds", "activity.audience.membersRequired"));
			return result;
		}
		if (ids.size() > MAX_NAMED_LIST) {
			problems.add(new FieldProblem("audienceMemberIds", "activity.list.tooMany", MAX_NAMED_LIST));
			return result;
		}
		for (int i = 0; i < ids.size(); i++) {
			Long id = ids.get(i);
			boolean ok = id != null && members.find(id).filter(m -> currentUser.scope().includes(new OrgPath(m.unionPath()))).isPresent();
			if (!ok) {
				problems.add(new FieldProblem("audienceMemberIds[" + i + "]", "activity.member.notFound"));
			}
			else {
				result.add(id);
			}
		}
		return result;
	}
}
