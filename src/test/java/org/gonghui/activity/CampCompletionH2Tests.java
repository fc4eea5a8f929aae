package org.gonghui.activity;

/** {@link CampCompletionContract} on the embedded H2 database. */
class CampCompletionH2Tests extends CampCompletionContract {
}
