/**
 * Service sites (服务阵地): 职工之家, 户外劳动者服务站点 (暖心驿站), 心理减压室, 母婴关爱室. Staff manage
 * sites in their scope; workers find the nearest open site from a phone. Nearest search runs on an
 * in-memory spatial index of open public sites, not on the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Facilities", allowedDependencies = { "shared", "platform", "organization" })
package org.gonghui.facility;
