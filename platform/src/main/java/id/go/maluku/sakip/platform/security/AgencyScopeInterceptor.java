package id.go.maluku.sakip.platform.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;

import java.lang.reflect.Parameter;

/**
 * Checks the {@code {agency}} path parameter against the caller before the method (and before
 * bean validation, which runs later) so that an out-of-scope request learns nothing and
 * changes nothing. Anonymous calls pass through: only public operations let them get this far.
 */
@AgencyScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
public class AgencyScopeInterceptor {

    public static final String AGENCY_PARAMETER = "agency";

    @Inject
    Caller caller;

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        Parameter[] parameters = context.getMethod().getParameters();
        for (int i = 0; i < parameters.length; i++) {
            PathParam path = parameters[i].getAnnotation(PathParam.class);
            if (path != null && AGENCY_PARAMETER.equals(path.value()) && !caller.scope().anonymous()) {
                caller.requireAgency(String.valueOf(context.getParameters()[i]));
            }
        }
        return context.proceed();
    }
}
