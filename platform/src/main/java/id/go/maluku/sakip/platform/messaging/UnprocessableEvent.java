package id.go.maluku.sakip.platform.messaging;

/**
 * An event whose content a consumer's rules refuse (unreadable, unknown type or version, a
 * missing field, a value the model cannot hold): retrying cannot help, so it is parked at once.
 */
public class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String message) {
        super(message);
    }

    public UnprocessableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
