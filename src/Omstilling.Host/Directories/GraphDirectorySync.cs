using Microsoft.Extensions.Logging;
using Omstilling.Calendars.Graph;
using Omstilling.Directory.Loading.Accounts;

namespace Omstilling.Host.Directories;

/// <summary>
/// The directory sync from Microsoft 365 (docs/directory.md, "Sync from Microsoft 365"): the Graph
/// <c>/users</c> source with the same credentials as the calendars (<c>OMSTILLING_GRAPH_*</c>,
/// never the command line) and the administrator's department map
/// (<see cref="DepartmentNameMap.Variable"/>). Used by <c>directory sync-graph</c>, the admin page
/// and the periodic sync. Owns the source and its tokens; thread-safe.
/// </summary>
internal sealed class GraphDirectorySync : IDisposable
{
    private readonly IDisposable? _tokens;
    private readonly GraphUserSource _source;

    private GraphDirectorySync(GraphUserSource source, IDisposable? tokens, DepartmentNameMap departments)
    {
        _source = source;
        _tokens = tokens;
        Departments = departments;
    }

    public IDirectoryAccountSource Source => _source;

    public DepartmentNameMap Departments { get; }

    /// <summary>The sync from the variables, or null when Graph is not configured.</summary>
    /// <param name="tokens">How tokens are got; Microsoft Entra ID with the client secret when null (tests give their own).</param>
    /// <exception cref="InvalidOperationException">The variables are set wrongly (the message says which).</exception>
    public static GraphDirectorySync? Create(Func<string, string?> environment, TimeProvider time, ILogger logger, Func<GraphOptions, IGraphTokenSource>? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (GraphOptions.From(environment) is not { } options)
        {
            return null;
        }

        DepartmentNameMap departments;
        try
        {
            departments = DepartmentNameMap.Parse(environment(DepartmentNameMap.Variable));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        var owned = tokens is null ? new ClientSecretTokenSource(options, time) : null;
        var source = owned ?? tokens!(options);
        return new GraphDirectorySync(new GraphUserSource(options, source, time, logger), owned, departments);
    }

    /// <summary>What to tell an administrator who asks for a sync that is not configured.</summary>
    public static string NotConfigured =>
        $"Microsoft Graph is not configured; set {GraphOptions.TenantVariable}, {GraphOptions.ClientIdVariable} and {GraphOptions.ClientSecretVariable} (docs/directory.md)";

    public void Dispose()
    {
        _source.Dispose();
        _tokens?.Dispose();
    }
}
