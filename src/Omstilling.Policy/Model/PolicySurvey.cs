namespace Omstilling.Policy.Model;

/// <summary>Which callers the post-call survey may ask (the policy's <c>survey: ask:</c>).</summary>
public enum SurveyAudience
{
    /// <summary>Callers from outside to the main number (the switchboard's callers).</summary>
    Switchboard,

    /// <summary>Every caller from outside, to any number of the plan.</summary>
    Everyone,
}

/// <summary>
/// The post-call survey (the policy's <c>survey:</c>; docs/kpis.md, "Satisfied"): a sampled share
/// of the callers it asks hears <see cref="Invitation"/> at the start ("Tast 1, hvis du vil svare
/// på et enkelt spørgsmål efter samtalen"); one who presses 1 stays on the line when the staff side
/// hangs up, hears <see cref="Question"/> and answers with a key from 1 to <see cref="Scale"/>, then
/// hears <see cref="Thanks"/>. Answers from <see cref="SatisfiedFrom"/> up count as satisfied.
/// </summary>
/// <param name="SharePercent">The share of the callers it asks that are invited, 0–100.</param>
public sealed record PolicySurvey(
    SurveyAudience Ask,
    int SharePercent,
    Prompt Invitation,
    Prompt Question,
    Prompt Thanks,
    int Scale,
    int SatisfiedFrom)
{
    /// <summary>The key a caller presses during the invitation to take part.</summary>
    public const char OptInKey = '1';

    /// <summary>Without <c>satisfied-from</c>: the top two of a five-point scale, as the policy's goal is written.</summary>
    public const int DefaultSatisfiedFrom = 4;

    /// <summary>Whether a caller from outside who dialled <paramref name="dialled"/> is one the survey asks.</summary>
    public bool Asks(PlanNumber? dialled) => Ask switch
    {
        SurveyAudience.Switchboard => dialled is { Kind: NumberKind.MainNumber },
        SurveyAudience.Everyone => dialled is not null,
        _ => throw new System.Diagnostics.UnreachableException($"SurveyAudience {Ask}"),
    };

    /// <summary>The answer a key gives (1 to <see cref="Scale"/>), or null for any other key.</summary>
    public int? AnswerOf(char key) => key is >= '1' and <= '9' && key - '0' <= Scale ? key - '0' : null;
}
