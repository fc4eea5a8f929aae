/**
 * Members (会员): the registry with protected personal data, the worker's online join, member cards,
 * welcome packages (入会大礼包), roster import and export, coverage figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Members", allowedDependencies = { "shared", "platform", "organization" })
package org.gonghui.member;
