namespace Omstilling.Calendars.Graph;

/// <summary>Access tokens for Graph. Thread-safe.</summary>
public interface IGraphTokenSource
{
    /// <summary>A bearer token; with <paramref name="renew"/>, a new one even if a cached one has not expired (Graph rejected it).</summary>
    ValueTask<string> GetTokenAsync(bool renew, CancellationToken cancellationToken);
}
