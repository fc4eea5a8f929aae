package org.gonghui.facility;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

/**
 * What a page of any module needs to draw a map with {@code /js/sites-map.js}: the configured tile layers in the
 * model ({@code mapTiles}, {@code mapSubdomains}, {@code mapAttribution}) and the tile server allowed as an image
 * source in the page's Content-Security-Policy.
 */
public interface MapPage {

	void prepare(Model model, HttpServletResponse response);
}
