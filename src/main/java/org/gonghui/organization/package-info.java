/**
 * Union organisations (工会组织) as a tree with materialised paths, and employers (单位). Implements
 * the platform's {@link org.gonghui.platform.OrganizationDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations", allowedDependencies = { "shared", "platform" })
package org.gonghui.organization;
