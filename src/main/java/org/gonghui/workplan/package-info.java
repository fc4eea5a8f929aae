/**
 * Work plans (工作计划): plenary and committee meetings with their agenda and resolutions, the annual plan a meeting
 * adopts, targets bound to the metrics the other modules publish (never typed in), dashboards of progress with
 * period-end snapshots, and the standardisation assessment of grassroots unions (基层工会规范化建设).
 * Reads other modules' figures only through the platform's {@link org.gonghui.platform.MetricSource}; the map of
 * stars asks facility where a union's own sites are (DESIGN's DAG: facility ← workplan).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work plans", allowedDependencies = { "shared", "platform", "organization", "facility" })
package org.gonghui.workplan;
