using System.Collections.Immutable;

namespace Omstilling.Policy.Model;

/// <summary>
/// A call queue: members ring in turn while callers wait, hearing music and, when
/// <see cref="AnnouncePosition"/>, "du er nummer x i køen".
/// </summary>
public sealed record Queue(string Id, string Name, ImmutableArray<string> Members, SourceLocation Source)
{
    public bool AnnouncePosition { get; init; }

    /// <summary>Prompt played while waiting (music on hold), if any.</summary>
    public string? MusicPrompt { get; init; }

    /// <summary>Longest wait before <see cref="OnTimeout"/>; null waits until the caller hangs up.</summary>
    public TimeSpan? MaxWait { get; init; }

    public PolicyAction? OnTimeout { get; init; }
}
