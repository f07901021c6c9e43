using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;
using Omstilling.Storage.Messages;
using Omstilling.Storage.Users;

namespace Omstilling.Web.Messages;

/// <summary>
/// E-mails what its sources hold (phone messages, voicemails: <see cref="IMailSource"/>) through
/// SMTP, one loop and one connection a round for all: woken by each new item and by the next retry
/// falling due. An item is marked sent only when the server accepted it; a failure is kept on the
/// item (people see it) and retried after 1, 5 and 15 minutes, then hourly for a day; a mail that
/// can never be made (<see cref="MailCompositionException.Permanent"/>) is given up at once.
/// Nothing is lost while the mail server is away. Thread-safe.
/// </summary>
public sealed partial class MailOutbox : IAsyncDisposable
{
    private const int MaxAttempts = 27;
    private const int BatchSize = 20;
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyList<IMailSource> _sources;
    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FaultBoundary _faults;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>An outbox for phone messages alone.</summary>
    public MailOutbox(MessageStore store, SmtpOptions options, UserStore users, TimeZoneInfo zone, TimeProvider time, FaultMonitor faults, ILogger<MailOutbox> logger)
        : this(options, [new PhoneMessageMailSource(store, users, options, zone)], time, faults, logger)
    {
    }

    /// <param name="sources">What is e-mailed, each source's due items taken in turn every round.</param>
    /// <param name="faults">Where a failed round (the database away, say) is contained (boundary <c>web.mail-outbox</c>); the loop waits 5 s and goes on.</param>
    public MailOutbox(SmtpOptions options, IReadOnlyList<IMailSource> sources, TimeProvider time, FaultMonitor faults, ILogger<MailOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(faults);
        _faults = faults.Boundary("web.mail-outbox");
        _sources = [.. sources];
        _options = options;
        _time = time;
        _logger = logger;
    }

    public void Start() => _loop = Task.Run(LoopAsync, CancellationToken.None);

    /// <summary>An item was kept (a phone message, a voicemail): send it now rather than at the next retry.</summary>
    public void Notify() => _wake.Release();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    /// <summary>Waiting after the attempt that failed (1-based): 1, 5, 15 minutes, then hourly.</summary>
    internal static TimeSpan RetryAfter(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(15),
        _ => TimeSpan.FromHours(1),
    };

    private async Task LoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(token);
                var next = await NextDueAsync(token);
                var wait = next is { } due ? due - _time.GetUtcNow() : LongestSleep;
                wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestSleep ? LongestSleep : wait;
                await _wake.WaitAsync(wait, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be away for a moment; the loop must outlive it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _faults.Contain(e, $"{_options.Host}:{_options.Port}", "this round of sending (the next in 5 s)");
                await Task.Delay(TimeSpan.FromSeconds(5), _time, token);
            }
        }
    }

    private async Task<DateTimeOffset?> NextDueAsync(CancellationToken token)
    {
        DateTimeOffset? first = null;
        foreach (var source in _sources)
        {
            if (await source.NextDueAsync(token) is { } due && (first is null || due < first))
            {
                first = due;
            }
        }

        return first;
    }

    private async Task SendDueAsync(CancellationToken token)
    {
        var due = new List<(IMailSource Source, DueMail Mail)>();
        foreach (var source in _sources)
        {
            due.AddRange((await source.DueAsync(BatchSize, token)).Select(mail => (source, mail)));
        }

        if (due.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, Security(_options.Security), token);
            if (_options.UserName is { } user)
            {
                await client.AuthenticateAsync(user, _options.Password ?? "", token);
            }
        }
#pragma warning disable CA1031 // Whatever stops the connection is recorded on the items, so their retries follow the schedule.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // People read the error on the item: what went wrong in their words; the exception's
            // own text (addresses, library details) goes to the log only.
            LogUnreachable(_logger, _options.Host, _options.Port, e);
            var why = e switch
            {
                AuthenticationException => " (den afviste vores login)",
                SslHandshakeException => " (forbindelsen kunne ikke krypteres)",
                _ => "",
            };
            foreach (var (source, mail) in due)
            {
                await FailedAsync(source, mail, $"Mailserveren {_options.Host}:{_options.Port} kunne ikke nås{why}", token);
            }

            return;
        }

        foreach (var (source, mail) in due)
        {
            try
            {
                await client.SendAsync(await mail.ComposeAsync(token), token);
            }
            catch (MailCompositionException e)
            {
                LogNotComposed(_logger, source.Kind, mail.Id, e.Message, e.Permanent, e.InnerException);
                await FailedAsync(source, mail, e.Message, token, giveUp: e.Permanent);
                continue;
            }
#pragma warning disable CA1031 // Any failure to make or send the mail is recorded on the item: unrecorded, it would be retried every few seconds.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogRefused(_logger, source.Kind, mail.Id, e);
                var refusal = e switch
                {
                    SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command => $"Mailserveren afviste modtagerens adresse (SMTP {(int)command.StatusCode})",
                    SmtpCommandException command => $"Mailserveren afviste beskeden (SMTP {(int)command.StatusCode})",
                    _ => "Beskeden kunne ikke sendes",
                };
                await FailedAsync(source, mail, refusal, token);
                if (!client.IsConnected)
                {
                    return;
                }

                continue;
            }

            // The database's own failures go to the loop, which waits for it: they are not the mail's.
            await source.RecordSentAsync(mail.Id, token);
            LogSent(_logger, source.Kind, mail.Id, mail.Address);
        }

        await client.DisconnectAsync(quit: true, token);
    }

    private async Task FailedAsync(IMailSource source, DueMail mail, string error, CancellationToken token, bool giveUp = false)
    {
        var attempts = mail.Attempts + 1;
        var next = giveUp || attempts >= MaxAttempts ? (DateTimeOffset?)null : _time.GetUtcNow() + RetryAfter(attempts);
        LogFailed(_logger, source.Kind, mail.Id, error, Omstilling.Runtime.IsoTime.Format(next));
        await source.RecordFailedAsync(mail.Id, error, next, token);
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Auto => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "not an SMTP security setting"),
    };

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "{Kind} {Id} e-mailed to {Address}")]
    private static partial void LogSent(ILogger logger, string kind, Guid id, string address);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "{Kind} {Id} not e-mailed: {Error}; next attempt {Next}")]
    private static partial void LogFailed(ILogger logger, string kind, Guid id, string error, string next);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "The mail server {Host}:{Port} could not be reached")]
    private static partial void LogUnreachable(ILogger logger, string host, int port, Exception exception);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "The mail server did not take {Kind} {Id}")]
    private static partial void LogRefused(ILogger logger, string kind, Guid id, Exception exception);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Warning, Message = "{Kind} {Id}: the mail could not be made ({Reason}); permanent {Permanent}")]
    private static partial void LogNotComposed(ILogger logger, string kind, Guid id, string reason, bool permanent, Exception? exception);
}
