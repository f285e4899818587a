package id.go.maluku.sakip.platform.security;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource class or method: a request whose path names an agency ({@code {agency}}) is
 * refused (403) unless the token reaches that agency. The role check ({@code @RolesAllowed})
 * has already run; this adds the "whose data" half.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AgencyScoped {
}
