using System.Security.Claims;
using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Privacy;
using Growth.Dashboard.Security;
using Growth.Domain.Access;
using Growth.Domain.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Growth.Dashboard.Api;

/// <summary>
/// A customer's data on request (<see cref="CustomerDataService"/>), for administrators of the workspace:
/// <c>GET /api/admin/workspaces/{workspace}/customers/{journeyId}/export</c> downloads everything stored about the
/// customer as JSON (<see cref="CustomerExport"/>); <c>POST .../erase</c> erases the customer's personal data and keeps
/// the figures (erasing again changes nothing). Both are recorded in the workspace's customer-data audit.
/// </summary>
public static class CustomerDataApi
{
    public static RouteGroupBuilder MapCustomerDataApi(this IEndpointRouteBuilder app)
    {
        var customer = app.MapWorkspaceRoutes("/api/admin/workspaces/{workspace}/customers/{journeyId}").WithTags("Customer data")
            .RequireAuthorization(AreaPolicies.Name(Area.Admin));
        customer.MapGet("/export", async Task<Results<Ok<CustomerExport>, ProblemHttpResult>> (string workspace, string journeyId,
            CustomerDataService customers, ClaimsPrincipal user, HttpContext http) =>
        {
            var export = await customers.ExportAsync(workspace, journeyId, NameOf(user));
            if (export.Value is not null)
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"customer-{workspace}-{journeyId}.json\"";
            return export.ToResult();
        })
            .WithName("ExportCustomerData").WithSummary("Everything stored about one customer (a journey), as a JSON download")
            .ProducesProblem(StatusCodes.Status404NotFound);
        customer.MapPost("/erase", async Task<Results<Ok<CustomerErasureAnswer>, ProblemHttpResult>> (string workspace, string journeyId,
            CustomerDataService customers, ClaimsPrincipal user) =>
            (await customers.EraseAsync(workspace, journeyId, NameOf(user))).ToResult())
            .WithName("EraseCustomerData").WithSummary("Erase one customer's personal data (free text) and keep the figures; idempotent")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return customer;
    }

    static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
