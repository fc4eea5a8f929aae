/**
 * News (资讯、报道): articles of an organisation with kicker, headline, sanitised rich text, bylines by role
 * (记者, 通讯员, 摄影, 编辑), tags and links to the records they tell of; the three-stage review (三审) and
 * publication, withdrawal with a reason, every step signed and kept; public news pages and an Atom feed per
 * federation; drafts in the house style from a finished activity's summary.
 */
@org.springframework.modulith.ApplicationModule(displayName = "News", allowedDependencies = { "shared", "platform", "organization", "activity" })
package org.gonghui.news;
