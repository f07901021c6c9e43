using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Omstilling.Storage.Voicemail;
using Omstilling.Web.Auth;
using Omstilling.Web.Staff;

namespace Omstilling.Web.Voicemail;

/// <summary>
/// The sound files of "Min telefonsvarer" and "Fælles telefonsvarere", for their players and
/// "Hent" links: a message of a box the signed-in user may hear (<see cref="VoicemailReaders"/>;
/// <c>?hent=1</c> saves it as a file) and their own recorded greetings. Another box's message
/// answers 404 as one that does not exist, so its id tells nothing.
/// Stateless; every answer is marked not to be cached (messages are personal data).
/// </summary>
internal static partial class VoicemailEndpoints
{
    public const string MessagePattern = VoicemailText.PagePath + "/beskeder/{id:guid}.wav";

    public const string GreetingPattern = VoicemailText.PagePath + "/hilsen/{kind}.wav";

    private const string Wav = "audio/wav";

    public static void Map(WebApplication app)
    {
        app.MapGet(MessagePattern, async (Guid id, string? hent, HttpContext http, WebPlatform platform, ILoggerFactory logs, CancellationToken cancellationToken) =>
        {
            if (platform.Voicemail is not { } voicemail || await voicemail.Store.FindAsync(id, cancellationToken) is not { } message)
            {
                return Results.NotFound();
            }

            if (!VoicemailReaders.MayRead(SignedInUser.From(http.User), platform.Directory.Current, platform.Policy?.Current, message.Box))
            {
                LogNotTheirs(logs.CreateLogger(typeof(VoicemailEndpoints).FullName!), http.User.Identity?.Name, id);
                return Results.NotFound();
            }

            var path = voicemail.Folders.PathOf(message.Box, message.FileName);
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }

            NoStore(http);
            var name = hent is null ? null : VoicemailText.DownloadName(message.ReceivedAt, message.CallerNumber, platform.Zone);
            return Results.File(path, Wav, name, enableRangeProcessing: true);
        }).RequireAuthorization();

        app.MapGet(GreetingPattern, async (string kind, HttpContext http, WebPlatform platform, CancellationToken cancellationToken) =>
        {
            if (Box(http, platform) is not { } box || platform.Voicemail is not { } voicemail || !VoicemailText.TryParseRouteName(kind, out var which))
            {
                return Results.NotFound();
            }

            var settings = await voicemail.Store.SettingsAsync(box, cancellationToken);
            var fileName = which switch
            {
                GreetingKind.Personal => settings.GreetingFile,
                GreetingKind.Absence => settings.AbsenceGreetingFile,
                _ => throw new System.Diagnostics.UnreachableException($"GreetingKind {which}"),
            };
            if (fileName is null || voicemail.Folders.PathOf(box, fileName) is not { } path || !File.Exists(path))
            {
                return Results.NotFound();
            }

            NoStore(http);
            return Results.File(path, Wav, enableRangeProcessing: true);
        }).RequireAuthorization();
    }

    /// <summary>The signed-in person's box (their extension), or null when they have none.</summary>
    private static string? Box(HttpContext http, WebPlatform platform) =>
        OwnPerson.Of(SignedInUser.From(http.User), platform.Directory.Current)?.Extension;

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store, private";

    [LoggerMessage(EventId = 6510, Level = LogLevel.Warning, Message = "User {User} asked for voicemail {Id}, which is not in their box (answered 404)")]
    private static partial void LogNotTheirs(ILogger logger, string? user, Guid id);
}
