using Growth.Grains.Contracts;
using Microsoft.AspNetCore.Diagnostics;

namespace Growth.Dashboard.Api;

/// <summary>Turns a refused domain request into problem details that say what was wrong.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain) return false;
        context.Response.StatusCode = domain.Kind switch
        {
            DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
            DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Title = "The request was refused", Detail = domain.Message, Status = context.Response.StatusCode },
        });
    }
}
