using System.Collections.Immutable;
using Omstilling.Directory.Model;

namespace Omstilling.Directory.Loading;

/// <summary>
/// A directory file, checked: the areas and departments it adds or enriches and the people it
/// describes (ids resolved). Merge it with the policy through <see cref="StaffDirectory.FromPolicy"/>.
/// Immutable.
/// </summary>
/// <param name="SourceFile">The path as given to the loader.</param>
public sealed record DirectoryFile(string SourceFile, ImmutableArray<Area> Areas, ImmutableArray<DepartmentEntry> Departments, ImmutableArray<Person> People);
