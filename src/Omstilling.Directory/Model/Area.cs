namespace Omstilling.Directory.Model;

/// <summary>A directorate area (direktørområde), "Borger og Arbejdsmarked". Immutable.</summary>
public sealed record Area(string Id, string Name);
