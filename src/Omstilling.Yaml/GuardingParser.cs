using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Omstilling.Yaml;

/// <summary>
/// YamlDotNet's parser with what its tree building cannot survive refused first, as a
/// <see cref="YamlException"/> at the offending event; both would overflow the stack, which no catch
/// can stop (it ends the process, and a policy is re-read inside the running server):
/// <list type="bullet">
/// <item>mappings and lists nested deeper than the limit (the tree is built recursively: some ten
/// thousand '[' were enough);</item>
/// <item>an alias in a mapping key (<c>&amp;m {*m: 1, *m: 2}</c>: comparing two keys that are the
/// mapping itself recursed without end). Our files' keys are plain words.</item>
/// </list>
/// </summary>
internal sealed class GuardingParser(IParser inner, int maxDepth) : IParser
{
    /// <summary>The collections open around the current event.</summary>
    private readonly Stack<Frame> _open = new();

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var e = inner.Current!;
        switch (e)
        {
            case MappingStart or SequenceStart:
                if (_open.Count >= maxDepth)
                {
                    throw new YamlException(e.Start, e.End, $"mappings and lists nested more than {maxDepth} deep; expected the few levels the file's format has");
                }

                _open.Push(new Frame(e is MappingStart, InKey()));
                break;
            case MappingEnd or SequenceEnd:
                _open.Pop();
                NodeDone();
                break;
            case AnchorAlias when InKey():
                throw new YamlException(e.Start, e.End, "an alias ('*') in a key; expected a plain word as the key");
            case Scalar or AnchorAlias:
                NodeDone();
                break;
            default:
                // Stream and document events and comments: no node of a mapping or list.
                break;
        }

        return true;
    }

    /// <summary>Whether the next node is a mapping's key or part of one.</summary>
    private bool InKey() => _open.TryPeek(out var top) && (top.InKey || (top.IsMapping && top.ExpectKey));

    /// <summary>A node ended: in a mapping, a key is followed by its value and a value by the next key.</summary>
    private void NodeDone()
    {
        if (_open.TryPeek(out var top) && top.IsMapping)
        {
            top.ExpectKey = !top.ExpectKey;
        }
    }

    private sealed class Frame(bool isMapping, bool inKey)
    {
        public bool IsMapping { get; } = isMapping;

        /// <summary>This collection is (part of) a key of the mapping around it.</summary>
        public bool InKey { get; } = inKey;

        /// <summary>For a mapping: the next node is a key.</summary>
        public bool ExpectKey { get; set; } = true;
    }
}
