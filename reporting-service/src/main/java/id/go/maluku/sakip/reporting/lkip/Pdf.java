package id.go.maluku.sakip.reporting.lkip;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import java.io.ByteArrayOutputStream;

/** The PDF is rendered from the very XHTML page the browser shows, page numbers and repeated table headers included. */
public final class Pdf {

    private Pdf() {
    }

    public static byte[] render(LkipReport report) {
        return fromHtml(Html.render(report));
    }

    public static byte[] fromHtml(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("the PDF could not be rendered", e);
        }
    }
}
