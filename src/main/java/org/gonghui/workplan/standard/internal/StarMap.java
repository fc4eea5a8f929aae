package org.gonghui.workplan.standard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.facility.SiteSummary;
import org.gonghui.facility.Sites;
import org.gonghui.workplan.standard.internal.StandardService.RankingRow;
import org.springframework.stereotype.Service;

/**
 * The map of stars of a campaign: each assessed union in the caller's scope placed where it is, at its own open
 * 职工之家 or, failing that, its first other open site (a union has no address of its own; its sites do). Unions
 * without a site are listed beside the map so that none is silently missing, and the table of stars per street
 * still counts everyone.
 */
@Service
public class StarMap {

	private final Sites sites;

	StarMap(Sites sites) {
		this.sites = sites;
	}

	/** One union on the map: its stars (null until final) and the site it stands at. */
	public record Place(long assessmentId, String unionName, Integer stars, Integer score, String siteName, double lat, double lon) {
	}

	public record Placed(List<Place> places, List<RankingRow> unplaced) {
	}

	/**
	 * The unions of a campaign's ranking rows ({@link StandardService#rankingRows}, which checks the campaign's scope
	 * and keeps the caller's unions only), placed or not.
	 */
	public Placed of(List<RankingRow> rows) {
		Map<Long, SiteSummary> at = sites.placesOf(rows.stream().map(RankingRow::unionId).toList());
		List<Place> places = new ArrayList<>();
		List<RankingRow> unplaced = new ArrayList<>();
		for (RankingRow r : rows) {
			SiteSummary site = at.get(r.unionId());
			if (site == null) {
				unplaced.add(r);
			}
			else {
				places.add(new Place(r.assessmentId(), r.unionName(), r.stars(), r.score(), site.name(), site.lat(), site.lon()));
			}
		}
		return new Placed(places, unplaced);
	}
}
