using Omstilling.Directory.Searching;

namespace Omstilling.Web.Console;

/// <summary>A result of the directory search as the list shows it. Immutable.</summary>
/// <param name="Detail">"Vejingeniør · Vej og Park · 2050", or "Afdeling · pas, kørekort".</param>
/// <param name="DotClass">The phone's state for a person (omstilling.css), "dept" for a department.</param>
public sealed record SearchRow(SearchHit Hit, string Name, string Detail, string DotClass);
