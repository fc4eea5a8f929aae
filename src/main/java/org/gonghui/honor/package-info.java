/**
 * Honours (劳模、工匠、先进): the registry of honorees and the honours they hold, with a configurable
 * catalogue of titles at a level, figures per subtree, and the public showcase (风采) of honorees marked
 * public. Selection campaigns, the public notice and the profile booklet build on this registry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Honours", allowedDependencies = { "shared", "platform", "organization", "member" })
package org.gonghui.honor;
