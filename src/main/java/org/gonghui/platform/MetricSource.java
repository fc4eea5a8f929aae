package org.gonghui.platform;

import java.util.List;

/**
 * The metrics one module publishes (see {@link Metric}); each module declares one source bean, as it declares its
 * navigation items. Adding a metric is adding one entry to its module's list.
 */
public interface MetricSource {

	List<Metric> metrics();
}
