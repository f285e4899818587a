package id.go.maluku.sakip.reporting.review;

/** One thing the review found: which rule, where, what is stated, what the computation gives, how grave. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(requiredProperties = {"rule", "where", "stated", "computed", "severity"})
public record Finding(String rule, String where, String stated, String computed, Severity severity) {

    public enum Severity { ERROR, WARNING, INFO }
}
