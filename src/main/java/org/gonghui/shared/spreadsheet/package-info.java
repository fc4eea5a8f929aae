/**
 * The one way Gonghui reads and checks spreadsheets people upload (.xlsx and .csv): encoding detection
 * (UTF-8 with or without BOM, else GB18030, as Excel in China saves CSV), zip-bomb and size limits, the
 * header found by aliases wherever it stands, and rows with their Excel row numbers for error reports.
 * Plain classes, no Spring beans; errors are {@link org.gonghui.shared.InvalidInputException}s on the
 * field {@code file} with {@code sheet.*} message keys.
 */
package org.gonghui.shared.spreadsheet;
