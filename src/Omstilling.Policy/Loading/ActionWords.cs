using System.Collections.Frozen;
using System.Diagnostics;
using Omstilling.Policy.Model;

namespace Omstilling.Policy.Loading;

/// <summary>
/// How each action is written in the policy file: the key of a mapping with a target
/// (<c>extension: 2012</c>), or a keyword on its own (<c>operator</c>). Every <see cref="ActionKind"/>
/// has one word, so a new kind fails the build here until it is given one. Pure.
/// </summary>
internal static class ActionWords
{
    /// <summary>The word of each kind, read back: "queue" → <see cref="ActionKind.Queue"/>.</summary>
    private static readonly FrozenDictionary<string, ActionKind> KindByWord =
        Enum.GetValues<ActionKind>().ToFrozenDictionary(Word, StringComparer.Ordinal);

    public static string Word(ActionKind kind) => kind switch
    {
        ActionKind.Extension => "extension",
        ActionKind.Department => "department",
        ActionKind.Queue => "queue",
        ActionKind.Number => "number",
        ActionKind.External => "external",
        ActionKind.Menu => "menu",
        ActionKind.Message => "message",
        ActionKind.Voicemail => "voicemail",
        ActionKind.Back => "back",
        ActionKind.Operator => "operator",
        ActionKind.Hangup => "hangup",
        _ => throw new UnreachableException($"Not an action kind: {kind}"),
    };

    /// <summary>Written alone (<c>no-input: back</c>, <c>action: hangup</c>), with no target.</summary>
    public static bool IsKeyword(ActionKind kind) => kind switch
    {
        ActionKind.Back or ActionKind.Operator or ActionKind.Hangup => true,
        ActionKind.Extension or ActionKind.Department or ActionKind.Queue or ActionKind.Number or ActionKind.External
            or ActionKind.Menu or ActionKind.Message or ActionKind.Voicemail => false,
        _ => throw new UnreachableException($"Not an action kind: {kind}"),
    };

    /// <summary>The kind a word names, keyword or key; false for any other word.</summary>
    public static bool TryGetKind(string? word, out ActionKind kind) =>
        KindByWord.TryGetValue(word ?? string.Empty, out kind);
}
