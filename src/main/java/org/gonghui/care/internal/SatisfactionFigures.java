package org.gonghui.care.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gonghui.care.ServiceForm;
import org.gonghui.care.internal.CounsellorRepository.Counsellor;
import org.gonghui.care.internal.RatingRepository.ServiceTally;
import org.gonghui.care.internal.RatingRules.Tally;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.platform.AuditLog;
import org.gonghui.platform.CurrentUser;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction figures for union staff, in their scope and a period of days the services were held on: per form of
 * service, ranked (最受欢迎的服务形式), and per activity (title, form, count, average to one decimal). Activities count for
 * their organiser's subtree, appointments for the worker's union's.
 * <p>
 * One-to-one appointments are different: their figures exist per form only, never per counsellor or per appointment,
 * and a form under ten ratings is suppressed (count and average null, {@code suppressed} true), the threshold of
 * {@link CareFigures}. No total over all forms is given, so a suppressed cell cannot be had back by subtraction. What
 * remains possible is differencing two periods or two subtrees a day or a union apart; it would tell a score only to
 * someone who already knows that a given worker saw a counsellor, which unions do not (bookings are invisible to
 * them), and every read of the figures is audited.
 */
@Service
public class SatisfactionFigures {

	private static final int MAX_SERVICES = 200;

	private final RatingRepository ratings;
	private final RatingModeration moderation;
	private final CounsellorService counsellors;
	private final Organizations organizations;
	private final CurrentUser currentUser;
	private final MessageSource messages;
	private final AuditLog audit;
	private final Clock clock;

	SatisfactionFigures(RatingRepository ratings, RatingModeration moderation, CounsellorService counsellors, Organizations organizations,
			CurrentUser currentUser, MessageSource messages, AuditLog audit, Clock clock) {
		this.ratings = ratings;
		this.moderation = moderation;
		this.counsellors = counsellors;
		this.organizations = organizations;
		this.currentUser = currentUser;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** A form of service in the ranking; rank null when not ranked, count and average null when suppressed. */
	public record FormFigure(ServiceForm form, String label, Integer rank, Long count, BigDecimal average, boolean suppressed) {
	}

	/** One activity's ratings. */
	public record ServiceFigure(long activityId, String title, ServiceForm form, String formLabel, String organizationName, LocalDate heldOn, long count,
			BigDecimal average, long comments) {
	}

	public record Figures(long organizationId, String organizationName, LocalDate from, LocalDate to, List<FormFigure> forms,
			List<ServiceFigure> services, long pendingComments) {

		/** The ranked forms, best first: what the chart shows. */
		public List<FormFigure> ranked() {
			return forms.stream().filter(f -> f.rank() != null).toList();
		}
	}

	/** A counsellor's own figures: count and average from ten ratings up, and the comments' texts from then on. */
	public record CounsellorFigures(Long count, BigDecimal average, boolean suppressed, List<String> comments) {
	}

	/**
	 * The figures of the organisation's subtree (the caller's own organisation when none is given) for the services held
	 * from {@code from} to {@code to} (Beijing dates, both included; by default the twelve months up to today). 403 for
	 * anyone but administrators, staff and union chairs; 404 for an organisation outside the scope; 400 for a period
	 * that ends before it starts.
	 */
	@Transactional
	public Figures figures(Long organizationId, LocalDate from, LocalDate to) {
		moderation.requireModerator();
		long orgId = organizationId != null ? organizationId : currentUser.account().orElseThrow().organizationId();
		OrganizationSummary org = organizations.findVisible(orgId).orElseThrow(() -> new RecordNotFoundException("organization", orgId));
		LocalDate today = LocalDate.now(clock.withZone(RatingService.BEIJING));
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
		if (end.isBefore(start)) {
			throw InvalidInputException.of("to", "care.figures.period");
		}
		String scope = new OrgPath(org.path()).subtreePattern();
		List<FormFigure> forms = RatingRules.rank(ratings.tallyByForm(scope, start, end)).stream()
			.map(r -> new FormFigure(r.form(), label(r.form()), r.rank(), r.count(), r.average(), r.suppressed()))
			.toList();
		Map<Long, String> names = new HashMap<>();
		List<ServiceFigure> services = new ArrayList<>();
		for (ServiceTally t : ratings.tallyByActivity(scope, start, end, MAX_SERVICES)) {
			String name = names.computeIfAbsent(t.organizationId(), id -> organizations.find(id).map(OrganizationSummary::name).orElse("—"));
			services.add(new ServiceFigure(t.activityId(), t.title(), t.form(), label(t.form()), name, t.heldOn(), t.count(),
					RatingRules.average(t.sum(), t.count()), t.comments()));
		}
		services.sort(Comparator.comparing(ServiceFigure::average, Comparator.reverseOrder()).thenComparing(ServiceFigure::count, Comparator.reverseOrder())
			.thenComparing(ServiceFigure::heldOn, Comparator.reverseOrder()));
		audit.record("care.satisfaction.read", "organization", orgId, start + " – " + end);
		return new Figures(orgId, org.name(), start, end, forms, services, ratings.pendingComments(scope));
	}

	/** The signed-in counsellor's own appointments' ratings; 403 for anyone without a counsellor profile. */
	@Transactional(readOnly = true)
	public CounsellorFigures counsellor() {
		Counsellor me = counsellors.own().orElseThrow(() -> new AccessDeniedException("Only counsellors with a profile see their ratings"));
		Tally t = ratings.counsellorTally(me.id());
		if (t.count() < CareFigures.MIN_CELL) {
			return new CounsellorFigures(null, null, true, List.of());
		}
		return new CounsellorFigures(t.count(), RatingRules.average(t.sum(), t.count()), false, ratings.counsellorComments(me.id(), 200));
	}

	private String label(ServiceForm form) {
		return messages.getMessage("care.form." + form.name(), null, form.name(), LocaleContextHolder.getLocale());
	}
}
