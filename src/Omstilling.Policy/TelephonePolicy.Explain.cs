using Omstilling.Policy.Explaining;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;

namespace Omstilling.Policy;

/// <summary>Explain: what a caller hears and can do, in words, from the same decisions live calls use.</summary>
public sealed partial class TelephonePolicy
{
    /// <summary>
    /// Explains a call to <paramref name="number"/> at a wall-clock time in the policy's zone.
    /// A time the clocks skip is moved forward by the gap and an ambiguous time takes its first
    /// (summer-time) occurrence; the explanation says so. Assumes an operator is logged in and
    /// no live overrides unless <paramref name="state"/> says otherwise.
    /// </summary>
    public Explanation Explain(string number, DateTime localTime, ExplainLanguage language = ExplainLanguage.Danish, IPolicyState? state = null)
    {
        ArgumentNullException.ThrowIfNull(number);
        var time = LocalTimeResolver.Resolve(localTime, TimeZone);
        return new Explainer(this, language, state ?? PolicyState.Staffed).Explain(number, time);
    }

    /// <summary>Explains a call at an exact instant (no local-time resolution needed).</summary>
    public Explanation Explain(string number, DateTimeOffset instant, ExplainLanguage language = ExplainLanguage.Danish, IPolicyState? state = null)
    {
        ArgumentNullException.ThrowIfNull(number);
        var local = ToLocal(instant);
        var time = new ResolvedLocalTime(local, instant, LocalTimeKind.Unique);
        return new Explainer(this, language, state ?? PolicyState.Staffed).Explain(number, time);
    }
}
