using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Omstilling.Yaml;

namespace Omstilling.Simulator.Script;

/// <summary>
/// Reads a <see cref="SimulationProfile"/> from YAML (<c>omstilling simulate --profile FILE</c>;
/// config/simulation-example.yaml explains every key). A key that is missing keeps the built-in
/// default; an unknown key or a wrong value is an error at its file:line:column, every one
/// reported, as for the policy. Pure and thread-safe.
/// </summary>
public static class ProfileFile
{
    private static readonly string[] RootKeys = ["arrivals", "citizens", "survey", "operators", "staff"];
    private static readonly string[] ArrivalKeys = ["workday", "weekend"];
    private static readonly string[] CitizenKeys = ["impatient-percent", "impatient-wait-seconds", "patience-seconds", "direct-calls-percent", "calls-again-percent", "calls-again-after-minutes"];
    private static readonly string[] SurveyKeys = ["opt-in-percent", "answers-percent", "no-answer-percent"];
    private static readonly string[] OperatorKeys = ["rings-out-percent", "answer-delay-seconds", "talk-seconds", "transfer-percent"];
    private static readonly string[] StaffKeys = ["extensions", "answers-percent-by-hour", "answer-delay-seconds", "talk-seconds", "wrong-person-percent"];

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Loads a file; the path is printed in diagnostics as given.</summary>
    public static ProfileLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ProfileLoadResult(null, [new YamlDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), $"cannot read the profile file: {e.Message}")]);
        }

        return Load(text, path);
    }

    /// <summary>Loads YAML text; <paramref name="fileName"/> is what diagnostics name.</summary>
    public static ProfileLoadResult Load(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var diagnostics = new DiagnosticBag(fileName);
        var expected = $"a simulation profile ({string.Join(", ", RootKeys)})";
        if (YamlRootReader.ReadRoot(yaml, diagnostics, "profile", expected, $"the profile must be a mapping of keys ({string.Join(", ", RootKeys)})") is not { } root)
        {
            return new ProfileLoadResult(null, diagnostics.ToImmutable());
        }

        var fields = new ProfileFields(root, "the profile", RootKeys, diagnostics);
        var profile = new SimulationProfile();
        profile = Arrivals(fields.Group("arrivals", "the arrivals", ArrivalKeys), profile);
        profile = Citizens(fields.Group("citizens", "the citizens", CitizenKeys), profile);
        profile = Survey(fields.Group("survey", "the survey", SurveyKeys), profile);
        profile = Operators(fields.Group("operators", "the operators", OperatorKeys), profile);
        var staff = fields.Group("staff", "the staff", StaffKeys);
        profile = Staff(staff, profile);
        if (!diagnostics.HasErrors && profile.Transferred > 0 && profile.Staff.Count == 0)
        {
            diagnostics.Error(staff?.ValueOf("extensions") ?? root, "the staff's extensions are empty, but the operators transfer calls; expected extensions to put calls through to, or transfer-percent: 0");
        }

        return new ProfileLoadResult(diagnostics.HasErrors ? null : profile, diagnostics.ToImmutable());
    }

    private static SimulationProfile Arrivals(ProfileFields? fields, SimulationProfile profile) => fields is null ? profile : profile with
    {
        WorkdayArrivals = fields.Figures("workday", 24, 10_000, 1, "calls per hour") ?? profile.WorkdayArrivals,
        WeekendArrivals = fields.Figures("weekend", 24, 10_000, 1, "calls per hour") ?? profile.WeekendArrivals,
    };

    private static SimulationProfile Citizens(ProfileFields? fields, SimulationProfile profile) => fields is null ? profile : profile with
    {
        Impatient = fields.Percent("impatient-percent") ?? profile.Impatient,
        ImpatientWait = fields.Range("impatient-wait-seconds", Second, "seconds", "10-15") ?? profile.ImpatientWait,
        Patience = fields.Range("patience-seconds", Second, "seconds", "90-300") ?? profile.Patience,
        DirectCalls = fields.Percent("direct-calls-percent") ?? profile.DirectCalls,
        CallsAgain = fields.Percent("calls-again-percent") ?? profile.CallsAgain,
        CallsAgainAfter = fields.Range("calls-again-after-minutes", Minute, "minutes", "5-25") ?? profile.CallsAgainAfter,
    };

    private static SimulationProfile Survey(ProfileFields? fields, SimulationProfile profile) => fields is null ? profile : profile with
    {
        SurveyOptIn = fields.Percent("opt-in-percent") ?? profile.SurveyOptIn,
        SurveyAnswers = fields.Figures("answers-percent", 5, 100, 100, "percentages (keys 1 to 5)", total: 100) ?? profile.SurveyAnswers,
        SurveyNoAnswer = fields.Percent("no-answer-percent") ?? profile.SurveyNoAnswer,
    };

    private static SimulationProfile Operators(ProfileFields? fields, SimulationProfile profile) => fields is null ? profile : profile with
    {
        OfferRingsOut = fields.Percent("rings-out-percent") ?? profile.OfferRingsOut,
        AnswerDelay = fields.Range("answer-delay-seconds", Second, "seconds", "1-12") ?? profile.AnswerDelay,
        Talk = fields.Range("talk-seconds", Second, "seconds", "30-240") ?? profile.Talk,
        Transferred = fields.Percent("transfer-percent") ?? profile.Transferred,
    };

    private static SimulationProfile Staff(ProfileFields? fields, SimulationProfile profile) => fields is null ? profile : profile with
    {
        Staff = fields.Extensions("extensions") ?? profile.Staff,
        StaffAnswers = fields.Figures("answers-percent-by-hour", 24, 100, 100, "percentages") ?? profile.StaffAnswers,
        StaffAnswerDelay = fields.Range("answer-delay-seconds", Second, "seconds", "2-14") ?? profile.StaffAnswerDelay,
        StaffTalk = fields.Range("talk-seconds", Second, "seconds", "60-480") ?? profile.StaffTalk,
        WrongPerson = fields.Percent("wrong-person-percent") ?? profile.WrongPerson,
    };
}

/// <summary>The outcome of loading a profile: the profile when the file has no errors, and every error in file order.</summary>
public sealed record ProfileLoadResult(SimulationProfile? Profile, ImmutableArray<YamlDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Profile))]
    public bool Succeeded => Profile is not null;

    /// <summary>Every diagnostic on its own line, file:line:column first.</summary>
    public string Report() => string.Join('\n', Diagnostics);
}
