/**
 * Mutual aid (职工互助保障) inside care: plans a federation offers (benefits and payout rules), enrolment of a union's
 * members for a term with its contribution statement, claims from the phone or the union through the review chain
 * unit, district, federation to the payout, and figures per plan and term. Amounts and diagnoses are personal data:
 * the member and the reviewing staff in scope see them, nobody else.
 */
package org.gonghui.care.mutualaid;
