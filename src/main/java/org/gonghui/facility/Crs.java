package org.gonghui.facility;

/**
 * Coordinate reference systems people hand us. Phones (GPS, browser geolocation) give WGS-84; positions
 * picked on Chinese maps (Amap, Tencent) are GCJ-02. Baidu's BD-09 is not accepted.
 */
public enum Crs {
	WGS84,
	GCJ02
}
