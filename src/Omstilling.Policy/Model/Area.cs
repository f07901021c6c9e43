using System.Collections.Immutable;
using Omstilling.Yaml;

namespace Omstilling.Policy.Model;

/// <summary>A directorate area (direktørområde): a group of departments with shared rules.</summary>
public sealed record Area(string Id, string Name, ImmutableArray<string> DepartmentIds, SourceLocation Source);
