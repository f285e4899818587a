package id.go.maluku.sakip.platform.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecurityProblemsTest {

    @Test
    void aRefusalsReasonKeepsTheVerdictAndDropsTheClaimsAndAnyToken() {
        Exception verifier = new IllegalStateException("JWT (claims->{\"iss\":\"https://evil.example\",\"sub\":\"rina\","
                + "\"realm_access\":{\"roles\":[\"admin\"]}}) rejected due to invalid claims. Additional details: "
                + "[[12] Issuer (iss) claim value (https://evil.example) doesn't match]");
        assertEquals("IllegalStateException: JWT (claims not logged) rejected due to invalid claims. Additional details: "
                        + "[[12] Issuer (iss) claim value (https://evil.example) doesn't match]",
                SecurityProblems.reason(new RuntimeException(verifier)));
        assertEquals("IllegalArgumentException: bad token [token]", SecurityProblems.reason(
                new IllegalArgumentException("bad token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyaW5hIn0.c2lnbmF0dXJl")));
    }
}
