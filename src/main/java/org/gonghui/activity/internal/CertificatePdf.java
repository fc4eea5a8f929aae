package org.gonghui.activity.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;

import org.gonghui.activity.CertificateStatus;
import org.gonghui.activity.internal.CertificateRepository.Certificate;
import org.gonghui.platform.Pdfs;
import org.gonghui.platform.QrCodes;
import org.springframework.stereotype.Component;

/**
 * Renders a certificate as an A4 landscape PDF in Chinese, from an XHTML string in which every stored value is
 * escaped; the platform's {@link Pdfs} turns it into a PDF with the embedded CJK font.
 */
@Component
class CertificatePdf {

	private static final String FAMILY = Pdfs.FONT_FAMILY;
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final Pdfs pdfs;

	CertificatePdf(Pdfs pdfs) {
		this.pdfs = pdfs;
	}

	byte[] render(Certificate c, String verifyUrl) {
		var out = new ByteArrayOutputStream(64 * 1024);
		render(c, verifyUrl, out);
		return out.toByteArray();
	}

	/** Writes the PDF to {@code out} and leaves it open (a ZIP writes the next entry after it). */
	void render(Certificate c, String verifyUrl, OutputStream out) {
		pdfs.render(html(c, verifyUrl), out);
	}

	/** The page as XHTML (OpenHTMLtoPDF parses it as XML). Values are escaped; the layout uses no script. */
	String html(Certificate c, String verifyUrl) {
		String dates = c.startsOn() == null ? "" : c.startsOn().equals(c.endsOn()) ? date(c.startsOn())
				: date(c.startsOn()) + "至" + date(c.endsOn());
		String signatories = c.issuer() == null ? escape(c.organiser()) : escape(c.issuer()) + "<br/>" + escape(c.organiser());
		StringBuilder h = new StringBuilder(4096);
		// Every block is placed from the top of the page (A4 landscape is 297 × 210 mm): OpenHTMLtoPDF lays out
		// absolutely positioned blocks reliably that way.
		h.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"utf-8\"/>")
			.append("<title>结业证书 ").append(escape(c.number())).append("</title><style>")
			.append("@page { size: A4 landscape; margin: 0; }")
			.append("* { font-family: '").append(FAMILY).append("'; }")
			.append("body { margin: 0; color: #222; }")
			.append(".frame { position: absolute; top: 8mm; left: 8mm; width: 277mm; height: 190mm; border: 2.5mm solid #b22222; }")
			.append(".inner { position: absolute; top: 13mm; left: 13mm; width: 270mm; height: 183mm; border: 0.4mm solid #b8860b; }")
			.append("h1 { position: absolute; top: 26mm; left: 0; width: 297mm; text-align: center; font-size: 40pt; letter-spacing: 12pt;")
			.append(" color: #b22222; margin: 0; font-weight: normal; }")
			.append(".revoked { position: absolute; top: 48mm; left: 0; width: 297mm; text-align: center; font-size: 16pt; color: #b22222; }")
			.append(".body { position: absolute; top: 60mm; left: 35mm; width: 227mm; text-align: center; font-size: 17pt; line-height: 1.8; }")
			.append(".body p { margin: 0; }")
			.append(".holder { font-size: 24pt; }")
			.append(".programme { font-size: 20pt; color: #7f0000; margin: 2mm 0; }")
			.append(".qr { position: absolute; top: 140mm; left: 35mm; width: 30mm; height: 30mm; }")
			.append(".meta { position: absolute; top: 172mm; left: 35mm; width: 150mm; font-size: 9pt; color: #555; line-height: 1.5; }")
			.append(".signatories { position: absolute; top: 142mm; left: 150mm; width: 112mm; text-align: right; font-size: 15pt; line-height: 1.6; }")
			.append("</style></head><body>")
			.append("<div class=\"frame\"></div><div class=\"inner\"></div>")
			.append("<h1>结业证书</h1>");
		if (c.status() == CertificateStatus.REVOKED) {
			h.append("<div class=\"revoked\">本证书已撤销</div>");
		}
		h.append("<div class=\"body\"><p class=\"holder\">").append(escape(c.holderName())).append(" 同志</p>");
		h.append("<p>").append(dates.isEmpty() ? "" : "于" + dates).append("参加</p>");
		h.append("<p class=\"programme\">").append(escape(c.programme())).append("</p>")
			.append("<p>完成规定课程，共").append(c.hours().stripTrailingZeros().toPlainString()).append("学时，准予结业。特发此证。</p></div>")
			.append("<img class=\"qr\" alt=\"\" src=\"").append(escape(QrCodes.pngDataUri(verifyUrl, 8))).append("\"/>")
			.append("<div class=\"meta\">证书编号：").append(escape(c.number())).append("<br/>验证：").append(escape(verifyUrl)).append("</div>")
			.append("<div class=\"signatories\">").append(signatories).append("<br/>")
			.append(date(LocalDate.ofInstant(c.issuedAt(), BEIJING))).append("</div>")
			.append("</body></html>");
		return h.toString();
	}

	private static String date(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	private static String escape(String s) {
		return Pdfs.escape(s);
	}
}
