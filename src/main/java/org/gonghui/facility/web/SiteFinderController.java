package org.gonghui.facility.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.Crs;
import org.gonghui.facility.internal.NearestSites;
import org.gonghui.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The worker's "nearest site" page, phone first and public: a point from the phone's location, a tap on
 * the map or typed coordinates, filters, and the nearest open sites with distance and a navigation link.
 * The results are rendered on the server, so the list works even where the map tiles do not load.
 */
@Controller
class SiteFinderController {

	private final NearestSites nearest;
	private final MapPages maps;
	private final MessageSource messages;

	SiteFinderController(NearestSites nearest, MapPages maps, MessageSource messages) {
		this.nearest = nearest;
		this.maps = maps;
		this.messages = messages;
	}

	@GetMapping("/sites")
	String find(@RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
			@RequestParam(required = false) Crs crs, @RequestParam(required = false) SiteType type,
			@RequestParam(required = false) List<Amenity> amenity, @RequestParam(defaultValue = "false") boolean openNow, Model model,
			HttpServletResponse response) {
		model.addAttribute("types", SiteType.values());
		model.addAttribute("amenities", Amenity.values());
		model.addAttribute("type", type);
		model.addAttribute("chosenAmenities", amenity == null ? List.of() : amenity);
		model.addAttribute("openNow", openNow);
		model.addAttribute("crs", crs == null ? Crs.WGS84 : crs);
		// Typed by hand on a phone: text that is not a number is shown back with the reason, not refused as a bad request.
		Double latitude = coordinate(lat);
		Double longitude = coordinate(lon);
		model.addAttribute("lat", latitude == null || latitude.isNaN() ? lat : latitude);
		model.addAttribute("lon", longitude == null || longitude.isNaN() ? lon : longitude);
		if (latitude != null || longitude != null) {
			try {
				model.addAttribute("results", nearest.nearest(latitude, longitude, crs, NearestSites.DEFAULT_K, type, amenity, openNow));
			}
			catch (InvalidInputException e) {
				response.setStatus(400);
				model.addAttribute("locationErrors", e.problems().stream()
					.map(p -> messages.getMessage(p.code(), p.args(), LocaleContextHolder.getLocale()))
					.distinct()
					.toList());
			}
		}
		maps.prepare(model, response);
		model.addAttribute("activeNav", "/sites");
		return "sites/nearest";
	}

	/** Null when blank (the form always sends both fields); NaN, which the search refuses as not a number, when not a number. */
	private static Double coordinate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(org.gonghui.shared.Text.toHalfWidth(text).strip());
		}
		catch (NumberFormatException e) {
			return Double.NaN;
		}
	}
}
