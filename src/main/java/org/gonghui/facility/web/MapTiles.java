package org.gonghui.facility.web;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map's base layer, chosen by configuration: {@code osm} (OpenStreetMap, the default), {@code tianditu}
 * (天地图, needs a key; its tiles are in CGCS2000, which matches WGS-84 at map scale, so no conversion),
 * {@code custom} (any XYZ template in WGS-84/Web Mercator) or {@code none}. The pages work without tiles:
 * markers and the list do not depend on them, so a closed network shows an empty map, not a broken page.
 */
@ConfigurationProperties("gonghui.facility.map")
record MapTiles(String tiles, String tiandituKey, String url, String attribution) {

	private static final String OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
	private static final String TIANDITU = "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec"
			+ "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=";
	private static final String TIANDITU_LABELS = "https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
			+ "&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=";

	MapTiles {
		tiles = tiles == null || tiles.isBlank() ? "osm" : tiles.strip().toLowerCase(java.util.Locale.ROOT);
		if (!List.of("osm", "tianditu", "custom", "none").contains(tiles)) {
			throw new IllegalArgumentException("gonghui.facility.map.tiles must be osm, tianditu, custom or none, not " + tiles);
		}
		if (tiles.equals("tianditu") && (tiandituKey == null || tiandituKey.isBlank())) {
			throw new IllegalArgumentException("gonghui.facility.map.tianditu-key is needed for Tianditu tiles");
		}
		if (tiles.equals("custom") && (url == null || !url.startsWith("https://") && !url.startsWith("http://"))) {
			throw new IllegalArgumentException("gonghui.facility.map.url must be an http(s) tile template for custom tiles");
		}
	}

	/** Tile URL templates in drawing order (Tianditu draws labels over the base map); empty for none. */
	List<String> layers() {
		return switch (tiles) {
			case "osm" -> List.of(OSM);
			case "tianditu" -> List.of(TIANDITU + tiandituKey, TIANDITU_LABELS + tiandituKey);
			case "custom" -> List.of(url);
			default -> List.of();
		};
	}

	String subdomains() {
		return tiles.equals("tianditu") ? "01234567" : "abc";
	}

	String attributionText() {
		return switch (tiles) {
			case "osm" -> "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";
			case "tianditu" -> "© 天地图";
			default -> attribution == null ? "" : attribution;
		};
	}

	/** Where tile images come from, for the page's Content-Security-Policy. */
	String imageOrigin() {
		return switch (tiles) {
			case "osm" -> "https://tile.openstreetmap.org";
			case "tianditu" -> "https://*.tianditu.gov.cn";
			case "custom" -> {
				URI u = URI.create(url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
				String host = url.contains("{s}") ? "*." + u.getHost().substring(u.getHost().indexOf('.') + 1) : u.getHost();
				yield u.getScheme() + "://" + host + (u.getPort() > 0 ? ":" + u.getPort() : "");
			}
			default -> null;
		};
	}
}
