using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Omstilling.Policy.Loading;

/// <summary>
/// YamlDotNet's parser with a limit on how deep mappings and lists nest: YamlDotNet builds its tree
/// recursively, and a file of some ten thousand '[' overflows the stack, which no catch can stop
/// (it ends the process, and a policy is re-read inside the running server). Beyond the limit the
/// load fails with a <see cref="YamlException"/> at the value that went too deep.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        if (inner.Current is MappingStart or SequenceStart && ++_depth > maxDepth)
        {
            var start = inner.Current.Start;
            var end = inner.Current.End;
            throw new YamlException(start, end, $"mappings and lists nested more than {maxDepth} deep; expected the few levels the file's format has");
        }

        if (inner.Current is MappingEnd or SequenceEnd)
        {
            _depth--;
        }

        return true;
    }
}
