package org.gonghui.activity.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gonghui.activity.RegistrationStatus;
import org.gonghui.platform.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.gonghui.shared.PageResult;

/**
 * Participant lists for staff in scope (outside it: not found): paged in arrival order with a status
 * filter, counts per status, and an audited .xlsx export streamed row by row.
 */
@Service
public class ParticipantService {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ParticipantRepository participants;
	private final ActivityAccess access;
	private final AuditLog audit;
	private final MessageSource messages;

	ParticipantService(ParticipantRepository participants, ActivityAccess access, AuditLog audit, MessageSource messages) {
		this.participants = participants;
		this.access = access;
		this.audit = audit;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public PageResult<ParticipantView> list(long activityId, RegistrationStatus status, PageResult.Request page) {
		access.requireWriter();
		access.visible(activityId);
		long total = participants.count(activityId, status);
		return new PageResult<>(participants.page(activityId, status, page.offset(), page.size()).stream().map(ParticipantService::view).toList(),
				page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public Map<RegistrationStatus, Long> counts(long activityId) {
		access.requireWriter();
		access.visible(activityId);
		Map<RegistrationStatus, Long> counts = new EnumMap<>(RegistrationStatus.class);
		for (RegistrationStatus s : RegistrationStatus.values()) {
			counts.put(s, 0L);
		}
		participants.countsByStatus(activityId).forEach(c -> counts.put(c.status(), c.count()));
		return counts;
	}

	/** The list as .xlsx; labels are Chinese because the file goes to Chinese offices. */
	// Not read-only: the export writes its audit row (PostgreSQL refuses an INSERT in a READ ONLY transaction).
	@Transactional
	public void export(long activityId, RegistrationStatus status, OutputStream out) throws IOException {
		access.requireWriter();
		var activity = access.visible(activityId);
		Workbook workbook = new Workbook(out, "Gonghui", "1.0");
		Worksheet sheet = workbook.newWorksheet("报名名单");
		String[] headers = { "序号", "姓名", "会员证号", "单位", "报名状态", "报名时间", "首次签到" };
		int[] widths = { 8, 12, 24, 30, 12, 18, 18 };
		for (int c = 0; c < headers.length; c++) {
			sheet.value(0, c, headers[c]);
			sheet.style(0, c).bold().fillColor("DDEBF7").set();
			sheet.width(c, widths[c]);
		}
		int[] row = { 1 };
		participants.forEach(activityId, status, p -> {
			int r = row[0]++;
			sheet.value(r, 0, r);
			sheet.value(r, 1, p.name());
			sheet.value(r, 2, p.cardNumber());
			sheet.value(r, 3, p.employerName());
			sheet.value(r, 4, messages.getMessage("registration.status." + p.status(), null, p.status().name(), java.util.Locale.SIMPLIFIED_CHINESE));
			sheet.value(r, 5, format(p.registeredAt()));
			sheet.value(r, 6, format(p.firstCheckIn()));
		});
		workbook.finish();
		audit.record("activity.participants.export", "activity", activityId, activity.title() + ": " + (row[0] - 1) + " rows"
				+ (status == null ? "" : " (" + status + ")"));
	}

	private static String format(Instant instant) {
		LocalDateTime local = ActivityQueries.local(instant);
		return local == null ? "" : TIME.format(local);
	}

	private static ParticipantView view(ParticipantRepository.Participant p) {
		return new ParticipantView(p.registrationId(), p.memberId(), p.name(), p.cardNumber(), p.employerName(), p.status(), p.registeredAt(),
				p.firstCheckIn(), p.consentAt(), p.consentOffline());
	}

	/** One participant; {@code consentAt} and {@code consentOffline} as on {@link RegistrationService.RegistrationView}. */
	public record ParticipantView(long registrationId, long memberId, String name, String cardNumber, String employerName, RegistrationStatus status,
			Instant registeredAt, Instant firstCheckIn, Instant consentAt, boolean consentOffline) {

		public LocalDateTime consentAtLocal() {
			return ActivityQueries.local(consentAt);
		}

		public LocalDateTime registeredAtLocal() {
			return ActivityQueries.local(registeredAt);
		}

		public LocalDateTime firstCheckInLocal() {
			return ActivityQueries.local(firstCheckIn);
		}
	}
}
