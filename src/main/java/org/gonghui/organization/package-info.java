/**
 * Union organisations (工会组织) as a tree with materialised paths, employers (单位), the union founding
 * drive (建会: {@link org.gonghui.organization.FoundingStatus} and its history) and outreach visits (走访).
 * Implements the platform's {@link org.gonghui.platform.OrganizationDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations", allowedDependencies = { "shared", "platform" })
package org.gonghui.organization;
