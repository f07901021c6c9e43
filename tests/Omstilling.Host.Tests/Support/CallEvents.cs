using System.Text.Json;

namespace Omstilling.Host.Tests.Support;

/// <summary>Reading the server's call events (<c>GET /api/calls/events</c>) in tests.</summary>
public static class CallEvents
{
    /// <summary>A string property of an event, or null.</summary>
    public static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Polls until an event of the kind (whose detail starts with <paramref name="detail"/>, and that satisfies <paramref name="also"/>) is there; false after <paramref name="within"/> (15 s).</summary>
    public static async Task<bool> WaitForEventAsync(this ServerProcess server, string kind, string? detail, Func<JsonElement, bool>? also = null, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if ((await server.EventsAsync()).Any(e => Text(e, "kind") == kind
                && (detail is null || (Text(e, "detail") ?? "").StartsWith(detail, StringComparison.Ordinal))
                && (also?.Invoke(e) ?? true)))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
