using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Omstilling.Web.Security;

/// <summary>
/// What a request that failed inside the server gets: a plain problem (RFC 9457) with status 500
/// and a Danish title, never the exception's message, a stack trace or a file path, whatever the
/// environment. The exception itself goes to the log (the exception handler logs it).
/// </summary>
internal static class ErrorAnswers
{
    public const string Title = "Der opstod en fejl på serveren.";

    public static void Use(WebApplication app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandler = static context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Results.Problem(title: Title, statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
        },
    });
}
