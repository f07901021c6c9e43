using System.Collections.Immutable;
using Omstilling.Yaml;

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

    /// <summary>Who is offered the caller at the head of the queue.</summary>
    public QueueStrategy Strategy { get; init; } = QueueStrategy.LongestIdle;

    /// <summary>How often a waiting caller hears the position again.</summary>
    public TimeSpan AnnounceEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one member's phone rings before the next member is tried (the caller keeps waiting).</summary>
    public TimeSpan RingMember { get; init; } = TimeSpan.FromSeconds(15);
}

public enum QueueStrategy
{
    /// <summary>The free member who has waited longest since their last call rings alone.</summary>
    LongestIdle,

    /// <summary>Every free member rings at once; the first to answer takes the call, the others stop ringing.</summary>
    RingAll,
}
