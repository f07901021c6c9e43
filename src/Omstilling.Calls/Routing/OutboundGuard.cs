using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Policy.Outbound;

namespace Omstilling.Calls.Routing;

/// <summary>
/// Where every way onto the trunk asks the toll-fraud rule (<see cref="OutboundPermission"/>, the
/// policy's) for an account: a phone dialling out, a forwarding being set or followed, an
/// operator's call-back, the policy's own forwards (as <see cref="ClassOfService.International"/>:
/// the policy file is the administrator's). A refusal is logged once as a SECURITY line and
/// counted. Thread-safe.
/// </summary>
public sealed partial class OutboundGuard
{
    private readonly Func<OutboundPermission> _permission;
    private readonly IStaffClassOfService _classes;
    private readonly ILogger _logger;
    private long _refused;

    /// <param name="permission">The rule in force now (the current policy's, which a reload swaps).</param>
    /// <param name="classes">Each account's class of service.</param>
    public OutboundGuard(Func<OutboundPermission> permission, IStaffClassOfService classes, ILogger logger)
    {
        _permission = permission ?? throw new ArgumentNullException(nameof(permission));
        _classes = classes ?? throw new ArgumentNullException(nameof(classes));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Calls out refused since the start (the metric <c>omstilling.calls.outbound.refused</c>).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>
    /// Whether <paramref name="account"/> (null: the policy itself) may put a call to
    /// <paramref name="dialled"/> on the trunk by <paramref name="path"/>. A string that is no
    /// number outside is no refusal (nothing is logged); anything else refused is.
    /// </summary>
    /// <param name="source">Where the request came from (a phone's address), for the log; null for the web and the policy.</param>
    public OutboundVerdict Check(string? account, string dialled, OutboundPath path, IPAddress? source)
    {
        ArgumentNullException.ThrowIfNull(dialled);
        var classOfService = account is null ? ClassOfService.International : _classes.ClassOf(account);
        var verdict = _permission().Check(classOfService, dialled);
        switch (verdict.Outcome)
        {
            case OutboundOutcome.Allowed or OutboundOutcome.NotANumber:
                return verdict;
            case OutboundOutcome.Malformed or OutboundOutcome.ClassOfService or OutboundOutcome.NotAllowedByPolicy:
                Interlocked.Increment(ref _refused);
                LogRefused(account ?? "the policy", source?.ToString() ?? "-", Printable(dialled), PathName(path), OutboundWords.Why(verdict));
                return verdict;
            default:
                throw new System.Diagnostics.UnreachableException($"OutboundOutcome {verdict.Outcome}");
        }
    }

    /// <summary>The class of service of <paramref name="account"/>.</summary>
    public ClassOfService ClassOf(string account) => _classes.ClassOf(account);

    private static string PathName(OutboundPath path) => path switch
    {
        OutboundPath.Dialled => "dialled",
        OutboundPath.ForwardingSet => "forwarding set",
        OutboundPath.Forwarded => "forwarded call",
        OutboundPath.CallBack => "call-back",
        OutboundPath.PolicyForward => "policy forward",
        _ => throw new System.Diagnostics.UnreachableException($"OutboundPath {path}"),
    };

    /// <summary>A dialled string as the log may show it: at most its first 32 characters, control characters and spaces as '?' (one line, one field).</summary>
    private static string Printable(string dialled) =>
        string.Create(Math.Min(dialled.Length, 32), dialled, (span, text) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(text[i]) || char.IsWhiteSpace(text[i]) ? '?' : text[i];
            }
        });

    /// <remarks>
    /// Fixed wording a fail2ban filter can read (docs/security.md): the address is a phone's for a
    /// dialled call and '-' for the web and the policy, which no filter can ban.
    /// </remarks>
    [LoggerMessage(EventId = 2032, Level = LogLevel.Warning, Message = "SECURITY refused a call out by {Account} from {Address} to {Number} ({Path}): {Why}")]
    private partial void LogRefused(string account, string address, string number, string path, string why);
}
