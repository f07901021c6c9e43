using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;
using Omstilling.Storage.Messages;
using Omstilling.Storage.Users;

namespace Omstilling.Web.Messages;

/// <summary>
/// E-mails kept phone messages through SMTP, one loop for all: woken by each new message and by
/// the next retry falling due. A message is marked sent only when the server accepted it; a
/// failure is kept on the message (the operator sees it) and retried after 1, 5 and 15 minutes,
/// then hourly for a day. Nothing is lost while the mail server is away. Thread-safe.
/// </summary>
public sealed partial class MailOutbox : IAsyncDisposable
{
    private const int MaxAttempts = 27;
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    private readonly MessageStore _store;
    private readonly SmtpOptions _options;
    private readonly UserStore _users;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FaultBoundary _faults;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <param name="faults">Where a failed round (the database away, say) is contained (boundary <c>web.mail-outbox</c>); the loop waits 5 s and goes on.</param>
    public MailOutbox(MessageStore store, SmtpOptions options, UserStore users, TimeZoneInfo zone, TimeProvider time, FaultMonitor faults, ILogger<MailOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(faults);
        _faults = faults.Boundary("web.mail-outbox");
        _store = store;
        _options = options;
        _users = users;
        _zone = zone;
        _time = time;
        _logger = logger;
    }

    public void Start() => _loop = Task.Run(LoopAsync, CancellationToken.None);

    /// <summary>A message was kept: send it now rather than at the next retry.</summary>
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
                var next = await _store.NextEmailDueAsync(token);
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

    private async Task SendDueAsync(CancellationToken token)
    {
        var due = await _store.DueForEmailAsync(20, token);
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
#pragma warning disable CA1031 // Whatever stops the connection is recorded on the messages, so their retries follow the schedule.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // The staff read the error on the message: what went wrong in their words; the
            // exception's own text (addresses, library details) goes to the log only.
            LogUnreachable(_logger, _options.Host, _options.Port, e);
            var why = e switch
            {
                AuthenticationException => " (den afviste vores login)",
                SslHandshakeException => " (forbindelsen kunne ikke krypteres)",
                _ => "",
            };
            foreach (var message in due)
            {
                await FailedAsync(message, $"Mailserveren {_options.Host}:{_options.Port} kunne ikke nås{why}", token);
            }

            return;
        }

        foreach (var message in due)
        {
            // The database's own failures go to the loop, which waits for it: they are not the mail's.
            var operatorName = (await _users.FindAsync(message.TakenBy, token))?.DisplayName ?? message.TakenBy;
            try
            {
                await client.SendAsync(MessageMail.Create(message, _options, operatorName, _zone), token);
            }
#pragma warning disable CA1031 // Any failure to make or send the mail is recorded on the message: unrecorded, it would be retried every few seconds.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogRefused(_logger, message.Id, e);
                var refusal = e switch
                {
                    SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command => $"Mailserveren afviste modtagerens adresse (SMTP {(int)command.StatusCode})",
                    SmtpCommandException command => $"Mailserveren afviste beskeden (SMTP {(int)command.StatusCode})",
                    _ => "Beskeden kunne ikke sendes",
                };
                await FailedAsync(message, refusal, token);
                if (!client.IsConnected)
                {
                    return;
                }

                continue;
            }

            await _store.RecordEmailSentAsync(message.Id, token);
            LogSent(_logger, message.Id, message.RecipientEmail!);
        }

        await client.DisconnectAsync(quit: true, token);
    }

    private async Task FailedAsync(PhoneMessage message, string error, CancellationToken token)
    {
        var attempts = message.EmailAttempts + 1;
        var next = attempts >= MaxAttempts ? (DateTimeOffset?)null : _time.GetUtcNow() + RetryAfter(attempts);
        LogFailed(_logger, message.Id, error, next);
        await _store.RecordEmailFailedAsync(message.Id, error, next, token);
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Auto => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "not an SMTP security setting"),
    };

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Phone message {Id} e-mailed to {Address}")]
    private static partial void LogSent(ILogger logger, Guid id, string address);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Phone message {Id} not e-mailed: {Error}; next attempt {Next}")]
    private static partial void LogFailed(ILogger logger, Guid id, string error, DateTimeOffset? next);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "The mail server {Host}:{Port} could not be reached")]
    private static partial void LogUnreachable(ILogger logger, string host, int port, Exception exception);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "The mail server did not take phone message {Id}")]
    private static partial void LogRefused(ILogger logger, Guid id, Exception exception);
}
