package org.gonghui.workplan.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Metric.Period;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.StateConflictException;
import org.gonghui.shared.TextChecks;
import org.gonghui.workplan.MeetingKind;
import org.gonghui.workplan.PlanStatus;
import org.gonghui.workplan.internal.MeetingRepository.MeetingRow;
import org.gonghui.workplan.internal.PlanRepository.PlanRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings of a union's committee or its workers' congress: attendance against the quorum rule of the kind, the
 * work report, the speeches (交流发言), resolutions with their votes, and the adoption of the organisation's draft
 * plan by one of them. A resolution passes with more than half of all members (of those voting when the
 * attendance was not recorded), and only at a quorate meeting; a plan is adopted only when its resolution passes.
 */
@Service
public class MeetingService {
	public record SpeechRow(String organizationName, Long organizationId, String speaker, String title) {
	}

	public record ResolutionRow(long id, String title, Integer votesFor, Integer votesAgainst, Integer votesAbstain, boolean adopted, Long planId) {
	}


	static final int MAX_ITEMS = 30;

	private final MeetingRepository meetings;
	private final PlanRepository plans;
	private final PlanService planService;
	private final MetricCatalog metrics;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final AuditLog audit;
	private final Clock clock;
	private final MeetingMinutesPdf minutes;

	MeetingService(MeetingRepository meetings, PlanRepository plans, PlanService planService, MetricCatalog metrics, Organizations organizations,
			CurrentUser currentUser, AuditLog audit, Clock clock, MeetingMinutesPdf minutes) {
		this.meetings = meetings;
		this.plans = plans;
		this.planService = planService;
		this.metrics = metrics;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.minutes = minutes;
	}

	public record Report(String title, String reporter, String document) {
	}

	public record SpeechInput(String organization, Long organizationId, String speaker, String title) {
	}

	/** Votes are all given or none (a show of hands not counted); {@code adoptsPlan} marks the one adopting the plan. */
	public record ResolutionInput(String title, Integer votesFor, Integer votesAgainst, Integer votesAbstain, Boolean adoptsPlan) {
	}

	public record MeetingInput(Long organizationId, String kind, Integer term, Integer session, LocalDate date, String place, Integer membersTotal,
			Integer membersPresent, Report report, List<SpeechInput> speeches, List<ResolutionInput> resolutions, Long adoptsPlanId) {
	}

	public record Created(long id, Boolean quorate, Long planId, boolean planAdopted) {
	}

	public record MeetingView(long id, long organizationId, String organizationName, MeetingKind kind, int term, int session, LocalDate date,
			String place, Integer membersTotal, Integer membersPresent, Boolean quorate, Report report, List<SpeechRow> speeches,
			List<ResolutionRow> resolutions) {
	}

	@Transactional
	public Created create(MeetingInput in) {
		metrics.requireStaff();
		List<FieldProblem> problems = new ArrayList<>();
		Optional<OrganizationSummary> org = in.organizationId() == null ? Optional.empty() : organizations.findVisible(in.organizationId());
		if (in.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else if (org.isEmpty()) {
			problems.add(new FieldProblem("organizationId", "workplan.organization.unknown"));
		}
		MeetingKind kind = parseKind(in.kind(), problems);
		range(in.term(), "term", 1, 100, problems);
		range(in.session(), "session", 1, 100, problems);
		if (in.date() == null) {
			problems.add(new FieldProblem("date", "validation.required"));
		}
		else if (in.date().isAfter(LocalDate.now(clock.withZone(Period.BEIJING)).plusYears(1))) {
			problems.add(new FieldProblem("date", "workplan.meeting.date"));
		}
		String place = TextChecks.line(in.place(), "place", 200, problems);
		if ((in.membersTotal() == null) != (in.membersPresent() == null)) {
			problems.add(new FieldProblem(in.membersTotal() == null ? "membersTotal" : "membersPresent", "workplan.meeting.attendance"));
		}
		else if (in.membersTotal() != null) {
			range(in.membersTotal(), "membersTotal", 1, 100000, problems);
			if (in.membersPresent() < 0 || in.membersPresent() > in.membersTotal()) {
				problems.add(new FieldProblem("membersPresent", "workplan.meeting.present"));
			}
		}
		Report report = in.report() == null ? new Report(null, null, null)
				: new Report(TextChecks.line(in.report().title(), "report.title", 200, problems),
						TextChecks.line(in.report().reporter(), "report.reporter", 50, problems),
						TextChecks.line(in.report().document(), "report.document", 200, problems));
		if (report.title() == null && (report.reporter() != null || report.document() != null)) {
			problems.add(new FieldProblem("report.title", "validation.required"));
		}
		List<SpeechRow> speeches = speeches(in.speeches(), problems);
		Boolean quorate = kind == null || in.membersTotal() == null || problems.stream().anyMatch(p -> p.field().startsWith("members")) ? null
				: kind.quorate(in.membersPresent(), in.membersTotal());
		List<ResolutionRow> resolutions = resolutions(in, quorate, problems);
		PlanRow plan = null;
		if (in.adoptsPlanId() != null && org.isPresent()) {
			plan = plans.find(in.adoptsPlanId()).filter(p -> currentUser.scope().includes(new OrgPath(p.organizationPath()))).orElse(null);
			if (plan == null) {
				problems.add(new FieldProblem("adoptsPlanId", "workplan.meeting.planUnknown"));
			}
			else if (plan.organizationId() != org.get().id()) {
				problems.add(new FieldProblem("adoptsPlanId", "workplan.meeting.planOtherOrganization"));
			}
		}
		else if (in.adoptsPlanId() == null && resolutions.stream().anyMatch(r -> r.planId() != null)) {
			problems.add(new FieldProblem("adoptsPlanId", "validation.required"));
		}
		if (problems.isEmpty() && meetings.exists(org.get().id(), kind, in.term(), in.session())) {
			throw new StateConflictException("workplan.meeting.exists");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (plan != null && plan.status() != PlanStatus.DRAFT) {
			throw new StateConflictException("workplan.plan.adopted");
		}
		long id = meetings.insert(new MeetingRow(0, org.get().id(), org.get().name(), org.get().path(), kind, in.term(), in.session(), in.date(), place,
				in.membersTotal(), in.membersPresent(), report.title(), report.reporter(), report.document()), currentUser.username(), clock.instant());
		for (int i = 0; i < speeches.size(); i++) {
			meetings.insertSpeech(id, i, speeches.get(i));
		}
		if (plan != null && resolutions.stream().noneMatch(r -> r.planId() != null)) {
			// The plan is adopted without a resolution of its own in the request: record one, by a show of hands.
			resolutions.add(new ResolutionRow(0, "审议通过《" + plan.title() + "》", null, null, null, !Boolean.FALSE.equals(quorate), -1L));
		}
		boolean adopted = false;
		for (int i = 0; i < resolutions.size(); i++) {
			ResolutionRow r = resolutions.get(i);
			Long planId = r.planId() == null ? null : plan.id();
			meetings.insertResolution(id, i, new ResolutionRow(0, r.title(), r.votesFor(), r.votesAgainst(), r.votesAbstain(), r.adopted(), planId));
			if (planId != null && r.adopted()) {
				planService.adopt(planId, in.date());
				adopted = true;
			}
		}
		audit.record("workplan.meeting.create", "wp_meeting", id, org.get().name() + " " + kind + " " + in.term() + "/" + in.session());
		return new Created(id, quorate, plan == null ? null : plan.id(), adopted);
	}

	private static MeetingKind parseKind(String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem("kind", "validation.required"));
			return null;
		}
		for (MeetingKind k : MeetingKind.values()) {
			if (k.name().equalsIgnoreCase(text.strip())) {
				return k;
			}
		}
		problems.add(new FieldProblem("kind", "workplan.meeting.kind"));
		return null;
	}

	private static void range(Integer value, String field, int min, int max, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		else if (value < min || value > max) {
			problems.add(new FieldProblem(field, "workplan.range", min, max));
		}
	}

	private List<SpeechRow> speeches(List<SpeechInput> given, List<FieldProblem> problems) {
		List<SpeechRow> rows = new ArrayList<>();
		List<SpeechInput> list = given == null ? List.of() : given;
		if (list.size() > MAX_ITEMS) {
			problems.add(new FieldProblem("speeches", "workplan.tooMany", MAX_ITEMS));
			return rows;
		}
		for (int i = 0; i < list.size(); i++) {
			String field = "speeches[" + i + "]";
			SpeechInput s = list.get(i);
			if (s == null) {
				problems.add(new FieldProblem(field, "validation.required"));
				continue;
			}
			String name = TextChecks.line(s.organization(), field + ".organization", 100, problems);
			Long orgId = s.organizationId();
			if (orgId != null) {
				// A speaking organisation of the tree is named as the tree names it; one outside the caller's scope is not confirmed.
				Optional<OrganizationSummary> o = organizations.findVisible(orgId);
				if (o.isEmpty()) {
					problems.add(new FieldProblem(field + ".organizationId", "workplan.organization.unknown"));
				}
				else if (name == null) {
					name = o.get().name();
				}
			}
			else if (name != null) {
				// Linked only when the name is unambiguous in the caller's scope.
				List<OrganizationSummary> named = organizations.visibleNamed(name);
				orgId = named.size() == 1 ? named.get(0).id() : null;
			}
			if (name == null && s.organizationId() == null) {
				problems.add(new FieldProblem(field + ".organization", "validation.required"));
			}
			String speaker = TextChecks.line(s.speaker(), field + ".speaker", 50, problems);
			String title = TextChecks.line(s.title(), field + ".title", 200, problems);
			rows.add(new SpeechRow(name, orgId, speaker, title == null ? "交流发言" : title));
		}
		return rows;
	}

	private List<ResolutionRow> resolutions(MeetingInput in, Boolean quorate, List<FieldProblem> problems) {
		List<ResolutionRow> rows = new ArrayList<>();
		List<ResolutionInput> list = in.resolutions() == null ? List.of() : in.resolutions();
		if (list.size() > MAX_ITEMS) {
			problems.add(new FieldProblem("resolutions", "workplan.tooMany", MAX_ITEMS));
			return rows;
		}
		long adopting = list.stream().filter(r -> r != null && Boolean.TRUE.equals(r.adoptsPlan())).count();
		if (adopting > 1) {
			problems.add(new FieldProblem("resolutions", "workplan.meeting.onePlanResolution"));
		}
		for (int i = 0; i < list.size(); i++) {
			String field = "resolutions[" + i + "]";
			ResolutionInput r = list.get(i);
			if (r == null) {
				problems.add(new FieldProblem(field, "validation.required"));
				continue;
			}
			String title = TextChecks.line(r.title(), field + ".title", 200, problems);
			if (title == null) {
				problems.add(new FieldProblem(field + ".title", "validation.required"));
			}
			boolean counted = r.votesFor() != null || r.votesAgainst() != null || r.votesAbstain() != null;
			boolean adopted = !Boolean.FALSE.equals(quorate);
			if (counted) {
				if (r.votesFor() == null || r.votesAgainst() == null || r.votesAbstain() == null || r.votesFor() < 0 || r.votesAgainst() < 0
						|| r.votesAbstain() < 0) {
					problems.add(new FieldProblem(field + ".votesFor", "workplan.meeting.votes"));
				}
				else {
					int cast = r.votesFor() + r.votesAgainst() + r.votesAbstain();
					if (in.membersPresent() != null && cast > in.membersPresent()) {
						problems.add(new FieldProblem(field + ".votesFor", "workplan.meeting.votesOverPresent"));
					}
					int base = in.membersTotal() != null ? in.membersTotal() : cast;
					adopted = adopted && r.votesFor() * 2 > base;
				}
			}
			rows.add(new ResolutionRow(0, title, r.votesFor(), r.votesAgainst(), r.votesAbstain(), adopted, Boolean.TRUE.equals(r.adoptsPlan()) ? -1L : null));
		}
		return rows;
	}

	/** The meeting, if its organisation lies in the caller's scope; otherwise not found. */
	@Transactional(readOnly = true)
	public MeetingView detail(long id) {
		metrics.requireStaff();
		MeetingRow m = meetings.find(id).filter(r -> currentUser.scope().includes(new OrgPath(r.organizationPath())))
			.orElseThrow(() -> new RecordNotFoundException("meeting", id));
		Boolean quorate = m.membersTotal() == null ? null : m.kind().quorate(m.membersPresent(), m.membersTotal());
		return new MeetingView(m.id(), m.organizationId(), m.organizationName(), m.kind(), m.term(), m.sessionNo(), m.heldOn(), m.place(), m.membersTotal(),
				m.membersPresent(), quorate, new Report(m.reportTitle(), m.reportReporter(), m.reportDocument()), meetings.speeches(id),
				meetings.resolutions(id));
	}

	@Transactional(readOnly = true)
	public List<MeetingView> list() {
		metrics.requireStaff();
		return meetings.list(currentUser.scope().pathPattern(), 200).stream().map(MeetingService::line).toList();
	}

	/** A page of meetings in scope, newest first or by organisation. */
	@Transactional(readOnly = true)
	public PageResult<MeetingView> page(boolean byOrganization, PageResult.Request request) {
		metrics.requireStaff();
		String scope = currentUser.scope().pathPattern();
		return new PageResult<>(meetings.page(scope, byOrganization, request.offset(), request.size()).stream().map(MeetingService::line).toList(),
				request.page(), request.size(), meetings.count(scope));
	}

	private static MeetingView line(MeetingRow m) {
		return new MeetingView(m.id(), m.organizationId(), m.organizationName(), m.kind(), m.term(), m.sessionNo(), m.heldOn(), m.place(),
				m.membersTotal(), m.membersPresent(), m.membersTotal() == null ? null : m.kind().quorate(m.membersPresent(), m.membersTotal()),
				new Report(m.reportTitle(), m.reportReporter(), m.reportDocument()), List.of(), List.of());
	}

	/** The minutes (会议纪要) as a PDF; the download is audited. */
	@Transactional
	public void minutes(long id, OutputStream out) {
		MeetingView view = detail(id);
		audit.record("workplan.meeting.minutes", "wp_meeting", id, null);
		minutes.render(view, out);
	}
}
