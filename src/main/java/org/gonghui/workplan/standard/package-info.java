/**
 * The standardisation assessment of grassroots unions (基层工会规范化建设), part of the work plan: a federation's
 * checklist template whose items are computed from the metrics the modules publish where the data exists, and
 * scored against evidence otherwise; a district's yearly campaign with self-assessment, review, one appeal, the
 * final score, stars and a ranking.
 */
package org.gonghui.workplan.standard;
