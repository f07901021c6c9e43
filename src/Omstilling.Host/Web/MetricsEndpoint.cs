using OpenTelemetry.Metrics;
using Omstilling.Calls.Metrics;
using Omstilling.History;
using Omstilling.Media.Metrics;
using Omstilling.Sip.Metrics;
using Omstilling.Web.Auth;

namespace Omstilling.Host.Web;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text format (docs/metrics.md): our meters (each part owns its
/// own, made through the host's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>) and the
/// runtime's, exported by OpenTelemetry. For administrators, or on the management listener, like
/// <c>/api/status</c>.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>Collects our meters and the runtime's (garbage collections, heap, thread pool, exceptions).</summary>
    public static void AddOmstillingMetrics(this IServiceCollection services) =>
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SipMetrics.MeterName, CallMetrics.MeterName, MediaMetrics.MeterName, HistoryMetrics.MeterName)
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());

    public static void Map(WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(AccessPolicies.AdminOrManagement).ServedOnManagementListener();
}
