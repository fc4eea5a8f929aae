package org.gonghui.activity;

/** {@link CaravanContract} on the embedded H2 database. */
class CaravanH2Tests extends CaravanContract {
}
