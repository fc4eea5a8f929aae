package org.gonghui.honor.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gonghui.honor.HonorKind;
import org.gonghui.honor.HonorLevel;
import org.gonghui.platform.CurrentUser;
import org.gonghui.platform.DataScope;
import org.gonghui.platform.Role;
import org.gonghui.shared.OrgPath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.RecordNotFoundException;
import org.gonghui.shared.Text;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the honours registry: staff see honorees of their subtree (others are "not found"), always with
 * the 身份证号 masked; the public sees only honorees marked public, and only name, organisation, employer,
 * occupation, the short account and the active titles.
 */
@Service
public class HonorQueries {

	private static final List<Role> READERS = List.of(Role.ADMIN, Role.STAFF, Role.UNION_CHAIR, Role.COUNSELLOR);

	private final HonorRepository honors;
	private final CurrentUser currentUser;

	HonorQueries(HonorRepository honors, CurrentUser currentUser) {
		this.honors = honors;
		this.currentUser = currentUser;
	}

	public record HonorView(long id, String title, HonorLevel level, HonorKind kind, String conferredBy, int year, String certificateNumber,
			String status, boolean allowance, LocalDate revokedOn, String revokeReason) {
	}

	public record HonoreeView(long id, String name, long organizationId, String organizationName, Long memberId, String idNumber, String employer,
			String occupation, String summary, String deeds, boolean isPublic, List<HonorView> honors) {
	}

	public record PublicHonoree(long id, String name, String organizationName, String employer, String occupation, String summary,
			List<String> titles) {
	}

	public record TitleView(long id, String name, HonorLevel level, HonorKind kind, String conferredBy) {
	}

	/** Honorees and honours by level and kind in a subtree: the seed's "5,000+ craftsmen nationally, 20,000+ by prefectures". */
	public record Figures(Map<HonorLevel, Map<HonorKind, Long>> honorees, long totalHonorees, long craftsmen, long modelWorkers) {
	}

	@Transactional(readOnly = true)
	public PageResult<HonoreeView> search(String text, HonorLevel level, Long titleId, PageResult.Request page) {
		requireReader();
		DataScope scope = currentUser.scope();
		var filter = new HonorRepository.Filter(scope.pathPattern(), like(text), level, titleId, false);
		long total = honors.count(filter);
		return new PageResult<>(views(honors.search(filter, page.offset(), page.size())), page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public HonoreeView get(long id) {
		requireReader();
		return views(List.of(visibleRow(id))).get(0);
	}

	/** The public showcase (风采): public honorees anywhere, by name. */
	@Transactional(readOnly = true)
	public PageResult<PublicHonoree> showcase(String text, HonorLevel level, PageResult.Request page) {
		var filter = new HonorRepository.Filter("/%", like(text), level, null, true);
		long total = honors.count(filter);
		List<HonorRepository.HonoreeRow> rows = honors.search(filter, page.offset(), page.size());
		Map<Long, List<String>> titles = honors.honorsOf(rows.stream().map(HonorRepository.HonoreeRow::id).toList()).stream()
			.filter(h -> h.status().equals("ACTIVE"))
			.collect(Collectors.groupingBy(HonorRepository.HonorRow::honoreeId, Collectors.mapping(h -> h.year() + " " + h.title().name(), Collectors.toList())));
		return new PageResult<>(rows.stream().map(r -> new PublicHonoree(r.id(), r.name(), r.organizationName(), r.employer(), r.occupation(), r.summary(),
				titles.getOrDefault(r.id(), List.of()))).toList(), page.page(), page.size(), total);
	}

	/** One public honoree's profile, for an activity's invited expert; not found unless marked public. */
	@Transactional(readOnly = true)
	public PublicHonoree publicProfile(long id) {
		var row = honors.findHonoree(id).filter(HonorRepository.HonoreeRow::isPublic).orElseThrow(() -> new RecordNotFoundException("honoree", id));
		List<String> titles = honors.honorsOf(List.of(id)).stream().filter(h -> h.status().equals("ACTIVE")).map(h -> h.year() + " " + h.title().name())
			.toList();
		return new PublicHonoree(row.id(), row.name(), row.organizationName(), row.employer(), row.occupation(), row.summary(), titles);
	}

	@Transactional(readOnly = true)
	public Figures figures() {
		requireReader();
		Map<HonorLevel, Map<HonorKind, Long>> byLevel = new EnumMap<>(HonorLevel.class);
		long craftsmen = 0;
		long modelWorkers = 0;
		for (var f : honors.figures(currentUser.scope().pathPattern())) {
			byLevel.computeIfAbsent(f.level(), k -> new EnumMap<>(HonorKind.class)).put(f.kind(), f.honorees());
			craftsmen += f.kind() == HonorKind.CRAFTSMAN ? f.honorees() : 0;
			modelWorkers += f.kind() == HonorKind.MODEL_WORKER ? f.honorees() : 0;
		}
		long total = honors.count(new HonorRepository.Filter(currentUser.scope().pathPattern(), null, null, null, false));
		return new Figures(byLevel, total, craftsmen, modelWorkers);
	}

	public List<TitleView> titles() {
		return honors.titles().stream().map(t -> new TitleView(t.id(), t.name(), t.level(), t.kind(), t.conferredBy())).toList();
	}

	HonorRepository.HonoreeRow visibleRow(long id) {
		requireReader();
		return honors.findHonoree(id).filter(h -> currentUser.scope().includes(new OrgPath(h.organizationPath())))
			.orElseThrow(() -> new RecordNotFoundException("honoree", id));
	}

	private List<HonoreeView> views(List<HonorRepository.HonoreeRow> rows) {
		Map<Long, List<HonorView>> byHonoree = honors.honorsOf(rows.stream().map(HonorRepository.HonoreeRow::id).toList()).stream()
			.collect(Collectors.groupingBy(HonorRepository.HonorRow::honoreeId, Collectors.mapping(HonorQueries::view, Collectors.toList())));
		List<HonoreeView> views = new ArrayList<>(rows.size());
		for (var r : rows) {
			views.add(new HonoreeView(r.id(), r.name(), r.organizationId(), r.organizationName(), r.memberId(), r.idNumberMasked(), r.employer(),
					r.occupation(), r.summary(), r.deeds(), r.isPublic(), byHonoree.getOrDefault(r.id(), List.of())));
		}
		return views;
	}

	private static HonorView view(HonorRepository.HonorRow h) {
		return new HonorView(h.id(), h.title().name(), h.title().level(), h.title().kind(), h.title().conferredBy(), h.year(), h.certificateNumber(),
				h.status(), h.allowance(), h.revokedOn(), h.revokeReason());
	}

	private static String like(String text) {
		String clean = Text.clean(text);
		return clean == null ? null : "%" + Text.escapeLike(clean) + "%";
	}

	private void requireReader() {
		if (!currentUser.account().map(a -> READERS.contains(a.role())).orElse(false)) {
			throw new AccessDeniedException("Not allowed to see the honours registry");
		}
	}
}
