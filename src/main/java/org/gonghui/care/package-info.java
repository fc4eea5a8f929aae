/**
 * Care (关爱): psychological care — counsellors, appointments, voluntary self-assessment (PHQ-9, GAD-7) with a
 * safety path, anonymous figures for unions, satisfaction ratings after activities, caravans and appointments (read
 * through activity's {@code AttendedActivities}) — and, in a sub-package of its own, mutual-aid plans and claims.
 * What a worker answers is theirs: only they and the counsellor they choose ever see it; unions see counts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care", allowedDependencies = { "shared", "platform", "organization", "member", "facility", "activity" })
package org.gonghui.care;
