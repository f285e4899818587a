package id.go.maluku.sakip.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Every service's entry point. It turns off Quarkus's own check of the request URI, which answers
 * a URI java.net.URI cannot parse ({@code ?q=%}, {@code /a%zz}, a space) with an empty-bodied
 * 400 before any handler runs: the platform's HttpLayer makes the same check first and answers
 * with a problem naming the part that is wrong. The property is read once, when the HTTP layer's
 * root handler is made, so it is set here, before Quarkus starts (tests set it in the build).
 */
@QuarkusMain
public final class SakipMain {

    /** Read by Quarkus's root HTTP handler (VertxHttpRecorder). */
    public static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private SakipMain() {
    }

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION_OFF, "true");
        Quarkus.run(args);
    }
}
