package org.gonghui.workplan.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.Metric;
import org.gonghui.platform.Metric.Counted;
import org.gonghui.platform.Metric.Period;
import org.gonghui.platform.MetricSource;
import org.gonghui.platform.QueryPlans;
import org.gonghui.platform.Role;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every metric the modules publish, by code, and the one way the work plan reads a figure: for an organisation in
 * the caller's scope (404 otherwise) and a period of Beijing days.
 */
@Service
public class MetricCatalog {

	/** How many records behind a figure a page lists at most. */
	public static final int RECORD_LIMIT = 500;

	private final Map<String, Metric> byCode = new LinkedHashMap<>();
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final MessageSource messages;

	private final QueryPlans queryPlans;

	MetricCatalog(List<MetricSource> sources, Organizations organizations, CurrentUser currentUser, MessageSource messages, QueryPlans queryPlans) {
		this.queryPlans = queryPlans;
		for (MetricSource source : sources) {
			for (Metric metric : source.metrics()) {
				if (byCode.putIfAbsent(metric.code(), metric) != null) {
					throw new IllegalStateException("Two metrics share the code " + metric.code());
				}
			}
		}
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	/** A metric as the API and the forms list it, in the caller's language. */
	public record MetricView(String code, String label, String unit, boolean listsRecords) {
	}

	/** A figure; {@code value} is null when the metric hides a count this small. */
	public record Figure(String metric, long organizationId, String organizationName, LocalDate from, LocalDate to, Long value, boolean hidden) {
	}

	public List<Metric> all() {
		return List.copyOf(byCode.values());
	}

	public Optional<Metric> find(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
	}

	public List<MetricView> views(Locale locale) {
		requireStaff();
		List<MetricView> views = new ArrayList<>();
		for (Metric m : byCode.values()) {
			views.add(view(m, locale));
		}
		return views;
	}

	public MetricView view(Metric m, Locale locale) {
		return new MetricView(m.code(), messages.getMessage(m.labelKey(), null, m.code(), locale), messages.getMessage(m.unitKey(), null, "", locale),
				m.listsRecords());
	}

	/** The figure of one metric for an organisation's subtree over a period. */
	@Transactional(readOnly = true)
	public Figure figure(String code, long organizationId, LocalDate from, LocalDate to) {
		requireStaff();
		List<FieldProblem> problems = new ArrayList<>();
		Optional<Metric> metric = find(code);
		if (metric.isEmpty()) {
			problems.add(new FieldProblem("metric", "workplan.metric.unknown"));
		}
		if (from == null) {
			problems.add(new FieldProblem("from", "validation.required"));
		}
		if (to == null) {
			problems.add(new FieldProblem("to", "validation.required"));
		}
		else if (from != null && to.isBefore(from)) {
			problems.add(new FieldProblem("to", "workplan.period.order"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		OrganizationSummary org = visible(organizationId);
		Metric m = metric.get();
		queryPlans.forValues();
		long value = m.count(new OrgPath(org.path()), new Period(from, to));
		boolean hidden = value < m.hiddenBelow();
		return new Figure(code, org.id(), org.name(), from, to, hidden ? null : value, hidden);
	}

	/** The organisation if it lies in the caller's scope; otherwise not found, like a missing one. */
	public OrganizationSummary visible(long organizationId) {
		return organizations.findVisible(organizationId).orElseThrow(() -> new RecordNotFoundException("organization", organizationId));
	}

	/** Counts of one metric, hidden when the metric hides small counts. */
	public static Long shown(Metric metric, long value) {
		return value < metric.hiddenBelow() ? null : value;
	}

	public List<Counted> counted(Metric metric, OrganizationSummary org, Period period) {
		return metric.listsRecords() ? metric.counted(new OrgPath(org.path()), period, RECORD_LIMIT) : List.of();
	}

	/** Plans, meetings and dashboards are for union staff; workers and counsellors have no part in them. */
	public void requireStaff() {
		Role role = currentUser.account().map(a -> a.role()).orElse(null);
		if (role != Role.ADMIN && role != Role.STAFF && role != Role.UNION_CHAIR) {
			throw new AccessDeniedException("Work plans are for union staff");
		}
	}
}
