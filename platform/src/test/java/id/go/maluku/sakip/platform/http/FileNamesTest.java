package id.go.maluku.sakip.platform.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileNamesTest {

    @Test
    void a_name_keeps_no_directory_no_control_character_and_is_never_empty() {
        assertEquals("passwd", FileNames.safeBaseName("../../etc/passwd"));
        assertEquals("laporan.pdf", FileNames.safeBaseName("C:\\Users\\operator\\laporan.pdf"));
        assertEquals("berita acara.pdfSet-Cookie x", FileNames.safeBaseName("berita acara.pdf\r\nSet-Cookie: x"));
        assertEquals("htaccess", FileNames.safeBaseName(".htaccess"));
        assertEquals("file", FileNames.safeBaseName(".."));
        assertEquals("file", FileNames.safeBaseName("dir/"));
        assertEquals("file", FileNames.safeBaseName(null));
        assertEquals("Bukti – Seram.pdf", FileNames.safeBaseName("Bukti – Seram.pdf"));
        assertEquals(200, FileNames.safeBaseName("a".repeat(500)).length());
    }

    @Test
    void the_header_carries_an_ascii_fallback_and_the_exact_name() {
        assertEquals("attachment; filename=\"berita-acara.pdf\"; filename*=UTF-8''berita-acara.pdf",
                FileNames.contentDisposition("attachment", "berita-acara.pdf"));
        assertEquals("attachment; filename=\"Bukti _ Seram.pdf\"; filename*=UTF-8''Bukti%20%E2%80%93%20Seram.pdf",
                FileNames.contentDisposition("attachment", "Bukti – Seram.pdf"));
        assertEquals("inline; filename=\"passwd\"; filename*=UTF-8''passwd",
                FileNames.contentDisposition("inline", "../../etc/passwd"));
        assertEquals("attachment; filename=\"100_ rencana.xlsx\"; filename*=UTF-8''100%25%20rencana.xlsx",
                FileNames.contentDisposition("attachment", "100% rencana.xlsx"));
    }
}
