namespace Omstilling.Policy.Model;

/// <summary>
/// How long the call history keeps personal data (the policy's <c>retention:</c>): callers'
/// numbers are anonymised after <see cref="CallerNumbersDays"/> days and whole call records deleted
/// after <see cref="RecordsDays"/> days. Applied daily (docs/history.md).
/// </summary>
public sealed record PolicyRetention(int CallerNumbersDays, int RecordsDays)
{
    /// <summary>Without a <c>retention:</c> section: numbers for 90 days, records for 13 months (a year's comparison).</summary>
    public static PolicyRetention Default { get; } = new(90, 395);

    /// <summary>Without <c>voicemail-days</c>: voicemails are kept 60 days (recordings of callers' voices are personal data).</summary>
    public const int DefaultVoicemailDays = 60;

    /// <summary>How long a voicemail (its recording and its row) is kept after it was left (<c>retention: voicemail-days</c>).</summary>
    public int VoicemailDays { get; init; } = DefaultVoicemailDays;

    /// <summary>
    /// Without <c>directory-changes-days</c>: the directory's audit log (who changed which
    /// employee's entry, with the entry before and after) is kept two years, long enough to
    /// answer "who changed this, and when" in a complaint, no longer.
    /// </summary>
    public const int DefaultDirectoryChangesDays = 730;

    /// <summary>How long a change in the directory's audit log is kept (<c>retention: directory-changes-days</c>); the newest is always kept (it is the directory's revision).</summary>
    public int DirectoryChangesDays { get; init; } = DefaultDirectoryChangesDays;
}
