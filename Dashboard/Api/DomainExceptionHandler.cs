using Growth.Dashboard.Localisation;
using Growth.Grains.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Growth.Dashboard.Api;

/// <summary>
/// Turns a refused request into problem details that say what was wrong: domain refusals (400/404/409) and
/// unreadable bodies (400, naming where the JSON broke).
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            DomainException d => (d.Kind switch
            {
                DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
                DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            }, "The request was refused", d.Message),
            BadHttpRequestException b => (b.StatusCode, "The request body could not be read",
                b.InnerException is { } inner ? $"{b.Message} {inner.Message}" : b.Message),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Title = RefusalWords.Title(title), Detail = RefusalWords.Detail(detail), Status = status },
        });
    }
}
