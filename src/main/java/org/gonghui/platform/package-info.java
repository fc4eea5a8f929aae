/**
 * Platform: accounts, roles and the data-scope rule, audit log, personal-data encryption, web shell
 * (layout, navigation, i18n, errors). Other modules use the types in this package only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package org.gonghui.platform;
