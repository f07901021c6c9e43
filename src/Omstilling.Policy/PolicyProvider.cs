using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Omstilling.Policy.Loading;
using Omstilling.Yaml;

namespace Omstilling.Policy;

/// <summary>
/// Holds the policy in force and swaps it atomically when the file changes: a valid file
/// replaces the snapshot in one reference write, an invalid one is rejected with its errors
/// logged and the old policy kept. Thread-safe: readers take <see cref="Current"/> once per call
/// and keep using that snapshot; reloads are serialised.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The gate never uses its wait handle (no AvailableWaitHandle), so there is nothing to dispose.")]
public sealed partial class PolicyProvider
{
    private readonly ILogger<PolicyProvider> _logger;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private TelephonePolicy _current;

    public PolicyProvider(TelephonePolicy initial, ILogger<PolicyProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(logger);
        _current = initial;
        _logger = logger;
    }

    /// <summary>The policy in force now.</summary>
    public TelephonePolicy Current => Volatile.Read(ref _current);

    /// <summary>Raised after a new policy is in force (on the reloading thread).</summary>
    public event EventHandler<TelephonePolicy>? Changed;

    /// <summary>Loads the file at startup: the provider, or the load result with its errors.</summary>
    public static bool TryCreate(string path, ILogger<PolicyProvider> logger, [NotNullWhen(true)] out PolicyProvider? provider, out PolicyLoadResult result)
    {
        ArgumentNullException.ThrowIfNull(logger);
        result = PolicyLoader.LoadFile(path);
        provider = result.Succeeded ? new PolicyProvider(result.Policy, logger) : null;
        return provider is not null;
    }

    /// <summary>
    /// Reloads from <paramref name="path"/>. On success the new policy is in force before this
    /// returns; on errors nothing changes. Warnings are logged either way.
    /// </summary>
    public PolicyReloadResult TryReload(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _reloadGate.Wait();
        try
        {
            var result = Load(path);
            return result.Succeeded ? Apply(path, result) : new PolicyReloadResult(false, result.Diagnostics);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>
    /// Reloads like <see cref="TryReload"/>, but first lets <paramref name="prepare"/> get the new
    /// policy ready (speak its prompts, say): the new policy goes into force only when that
    /// reports no problems, so no call ever meets a policy half set up.
    /// </summary>
    public async Task<PolicyReloadResult> TryReloadAsync(string path, Func<TelephonePolicy, CancellationToken, Task<IReadOnlyList<string>>> prepare, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(prepare);
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            var result = Load(path);
            if (!result.Succeeded)
            {
                return new PolicyReloadResult(false, result.Diagnostics);
            }

            var problems = await prepare(result.Policy, cancellationToken);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    Log.PolicyError(_logger, problem);
                }

                Log.ReloadRejected(_logger, path, problems.Count);
                return new PolicyReloadResult(false, result.Diagnostics);
            }

            return Apply(path, result);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Loads and logs what is wrong; a file with errors is logged as rejected.</summary>
    private PolicyLoadResult Load(string path)
    {
        var result = PolicyLoader.LoadFile(path);
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                Log.PolicyError(_logger, diagnostic.ToString());
            }
            else
            {
                Log.PolicyWarning(_logger, diagnostic.ToString());
            }
        }

        if (!result.Succeeded)
        {
            Log.ReloadRejected(_logger, path, result.Errors.Count());
        }

        return result;
    }

    private PolicyReloadResult Apply(string path, PolicyLoadResult result)
    {
        Volatile.Write(ref _current, result.Policy!);
        Log.Reloaded(_logger, path, result.Policy!.Organisation);
        Changed?.Invoke(this, result.Policy);
        return new PolicyReloadResult(true, result.Diagnostics);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Policy {Path} loaded for {Organisation}; it is now in force")]
        public static partial void Reloaded(ILogger logger, string path, string organisation);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Policy {Path} rejected with {Errors} error(s); the previous policy stays in force")]
        public static partial void ReloadRejected(ILogger logger, string path, int errors);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "{Diagnostic}")]
        public static partial void PolicyError(ILogger logger, string diagnostic);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "{Diagnostic}")]
        public static partial void PolicyWarning(ILogger logger, string diagnostic);
    }
}
