package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

/** Documents are PDFs that open or photos checked as photos; everything else is refused with the field named. */
class DocumentsTests {

	private static final long LIMIT = 1024 * 1024;

	static byte[] pdf(boolean encrypted) throws Exception {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			if (encrypted) {
				var policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	@Test
	void aPdfThatOpensIsKeptAsItIs() throws Exception {
		byte[] content = pdf(false);
		Documents.Checked checked = Documents.check(content, "C:\\scans\\出院小结.pdf", LIMIT, "file");
		assertThat(checked.contentType()).isEqualTo("application/pdf");
		assertThat(checked.content()).isEqualTo(content);
		assertThat(checked.fileName()).isEqualTo("出院小结.pdf");
	}

	@Test
	void aPhotoLosesItsMetadata() throws Exception {
		Documents.Checked checked = Documents.check(PhotosTests.jpegWithExif(), "invoice.jpg", LIMIT, "file");
		assertThat(checked.contentType()).isEqualTo("image/jpeg");
		assertThat(new String(checked.content(), StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
	}

	@Test
	void encryptedBrokenRenamedEmptyAndOversizedFilesAreRefusedOnTheField() throws Exception {
		assertRefused(pdf(true), "document.type");
		assertRefused("%PDF-1.7 not really a pdf".getBytes(StandardCharsets.US_ASCII), "document.type");
		assertRefused("MZ\u0090\u0000 an executable renamed .pdf".getBytes(StandardCharsets.ISO_8859_1), "document.type");
		assertRefused(new byte[0], "document.empty");
		assertRefused(null, "document.empty");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Documents.check(new byte[(int) LIMIT + 1], "big.pdf", LIMIT, "evidence"))
			.satisfies(e -> {
				assertThat(e.problems()).singleElement().satisfies(p -> {
					assertThat(p.field()).isEqualTo("evidence");
					assertThat(p.code()).isEqualTo("document.tooLarge");
				});
			});
	}

	@Test
	void theNameIsForDisplayOnly() {
		assertThat(Documents.displayName("../../etc/<script>x.pdf")).isEqualTo("scriptx.pdf");
		assertThat(Documents.displayName("  ")).isEqualTo("附件");
		assertThat(Documents.displayName(null)).isEqualTo("附件");
		assertThat(Documents.displayName("长".repeat(120) + ".pdf")).hasSize(100).endsWith(".pdf");
	}

	private static void assertRefused(byte[] content, String code) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Documents.check(content, "x.pdf", LIMIT, "file"))
			.satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo(code)));
	}
}
