using Omstilling.History.Reports;

namespace Omstilling.Web.Wallboard;

/// <summary>
/// One of the policy's goals on the wallboard: today's figure, the target, and whether it is met,
/// said in words and with a sign (✔ or ✘), never by colour alone. Immutable.
/// </summary>
/// <param name="Key">The goal's name for tests and styles (<c>answered</c>, <c>transferred</c>, <c>satisfied</c>).</param>
/// <param name="Name">"Besvaret inden for 4 ring", ...</param>
/// <param name="Value">"83,3 %", or "–" when nothing was measured yet today.</param>
/// <param name="Count">"5 af 6 opkald", or "Ingen opkald endnu".</param>
/// <param name="Target">"Mål 80 %", or "Intet mål".</param>
/// <param name="Verdict">"✔ Nået", "✘ Ikke nået", or "Ikke målt endnu".</param>
/// <param name="State">Whether the goal is met: <c>met</c>, <c>missed</c> or <c>none</c> (the style's colour).</param>
public sealed record GoalTile(string Key, string Name, string Value, string Count, string Target, string Verdict, string State)
{
    public static GoalTile Of(string key, string name, KpiFigure? figure)
    {
        if (figure is null)
        {
            return new GoalTile(key, name, "–", "Henter dagens tal …", "", "", "none");
        }

        var value = figure.Value is { } v ? WallboardView.Percent(v) : "–";
        var count = figure.Denominator == 0 ? "Ingen målinger endnu i dag" : $"{figure.Numerator} af {figure.Denominator}";
        var target = figure.Target is { } t ? "Mål " + WallboardView.Percent(t) : "Intet mål";
        var (verdict, state) = figure.Met switch
        {
            true => ("✔ Nået", "met"),
            false => ("✘ Ikke nået", "missed"),
            null => (figure.Target is null ? "" : "Ikke målt endnu", "none"),
        };
        return new GoalTile(key, name, value, count, target, verdict, state);
    }
}
