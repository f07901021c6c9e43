using Omstilling.Calls;
using Omstilling.Host.Cli;
using Omstilling.Host.Directories;
using Omstilling.Host.Web;
using Omstilling.History;
using Omstilling.Media;
using Omstilling.Media.Clock;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using Omstilling.Runtime;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Transactions;
using Omstilling.Web;
using Omstilling.Web.Messages;
using Omstilling.Web.Voicemail;

namespace Omstilling.Host.Server;

/// <summary>
/// The server as <see cref="ServerComposition"/> made it, not yet listening: what the hosted
/// services start and stop, and what the endpoints are mapped to. Disposing it lets go of what the
/// composition owns (<see cref="Resources"/>), after the host has stopped.
/// </summary>
internal sealed class ServerParts : IAsyncDisposable
{
    public required RunOptions Options { get; init; }

    public required TimeProvider Time { get; init; }

    public required FaultMonitor Faults { get; init; }

    public required ILoggerFactory Loggers { get; init; }

    public required PolicyProvider Policy { get; init; }

    public required string PolicyFile { get; init; }

    public required InMemoryAccountStore Accounts { get; init; }

    public required SipStack Stack { get; init; }

    /// <summary>--tls-cert: SIP over TLS, HTTPS, the TLS trunk (does nothing without it).</summary>
    public required TlsWiring Tls { get; init; }

    public required PbxOptions PbxOptions { get; init; }

    public required Pbx Pbx { get; init; }

    public required MediaServer Media { get; init; }

    public required MediaClock Clock { get; init; }

    public required System.Net.IPAddress MediaAddress { get; init; }

    public required PromptLibrary Prompts { get; init; }

    public required DirectoryKeeper Directory { get; init; }

    public required StaffVoicemail Voicemail { get; init; }

    public required MailOutbox? Outbox { get; init; }

    public required HistoryWriter History { get; init; }

    public required HistoryRetention Retention { get; init; }

    /// <summary>The last 2,000 call events, for /api/calls/events.</summary>
    public required CallEventLog RecentEvents { get; init; }

    public required WebPlatform Web { get; init; }

    /// <summary>The demo's web logins, made in the background; awaited before the server is ready.</summary>
    public required Task DemoUsers { get; init; }

    public required OwnedResources Resources { get; init; }

    public ValueTask DisposeAsync() => Resources.DisposeAsync();
}
