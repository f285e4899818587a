package id.go.maluku.sakip.platform.security;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticateFirstTest {

    private static final Pattern PUBLISHED =
            Pattern.compile("(GET|HEAD) /api/v1/agencies/[^/]+/years/[^/]+/lkip/publications(/[^/]+)?");

    @Test
    void every_business_request_needs_a_token_when_nothing_is_public() {
        assertTrue(AuthenticateFirst.needsToken("GET", "/api/v1/agencies", null));
        assertTrue(AuthenticateFirst.needsToken("PUT", "/api", null));
        assertTrue(AuthenticateFirst.needsToken("POST", "/api/v1/agencies/x/years/2022/lkip/publications", PUBLISHED));
    }

    @Test
    void the_named_public_reads_and_what_is_not_business_are_left_to_their_operation() {
        assertFalse(AuthenticateFirst.needsToken("GET", "/api/v1/agencies/x/years/2022/lkip/publications", PUBLISHED));
        assertFalse(AuthenticateFirst.needsToken("GET", "/api/v1/agencies/x/years/2022/lkip/publications/3", PUBLISHED));
        // a path that only starts like /api is not a business path; the business port answers it 404
        assertFalse(AuthenticateFirst.needsToken("GET", "/apix", null));
        assertFalse(AuthenticateFirst.needsToken("GET", "/q/metrics", null));
        // a longer path under a public one is not public
        assertTrue(AuthenticateFirst.needsToken("GET", "/api/v1/agencies/x/years/2022/lkip/publications/3/x", PUBLISHED));
        assertTrue(AuthenticateFirst.needsToken("DELETE", "/api/v1/agencies/x/years/2022/lkip/publications/3", PUBLISHED));
    }
}
