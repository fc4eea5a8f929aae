package org.gonghui.care;

/** {@link SatisfactionContract} on the embedded H2 database. */
class SatisfactionH2Tests extends SatisfactionContract {
}
