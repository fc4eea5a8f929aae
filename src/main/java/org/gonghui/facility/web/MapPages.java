package org.gonghui.facility.web;

import jakarta.servlet.http.HttpServletResponse;

import org.gonghui.facility.MapPage;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What a page with a map needs: the tile settings for the script, and tile images allowed by the page's policy. */
@Component
class MapPages implements MapPage {

	private final MapTiles tiles;

	MapPages(MapTiles tiles) {
		this.tiles = tiles;
	}

	@Override
	public void prepare(Model model, HttpServletResponse response) {
		model.addAttribute("mapTiles", String.join("\n", tiles.layers()));
		model.addAttribute("mapSubdomains", tiles.subdomains());
		model.addAttribute("mapAttribution", tiles.attributionText());
		String origin = tiles.imageOrigin();
		if (origin != null) {
			org.gonghui.platform.PagePolicies.allowImagesFrom(response, origin);
		}
	}
}
