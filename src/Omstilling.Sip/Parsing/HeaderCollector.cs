using System.Runtime.CompilerServices;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// Collects parsed headers on the stack so the message gets one array of exactly the right size
/// (a growing list would allocate its discarded smaller arrays on every message).
/// </summary>
internal ref struct HeaderCollector
{
    private readonly Span<SipHeader> _inline;
    private List<SipHeader>? _overflow;
    private int _count;

    public HeaderCollector(Span<SipHeader> inline)
    {
        _inline = inline;
    }

    public readonly int Count => _count;

    public void Add(SipHeader header)
    {
        if (_count < _inline.Length)
        {
            _inline[_count] = header;
        }
        else
        {
            (_overflow ??= []).Add(header);
        }

        _count++;
    }

    public readonly SipHeaders ToHeaders()
    {
        var items = new SipHeader[_count];
        var inlineCount = Math.Min(_count, _inline.Length);
        _inline[..inlineCount].CopyTo(items);
        _overflow?.CopyTo(items, inlineCount);
        return SipHeaders.Wrap(items);
    }
}

/// <summary>Stack space for the headers of a typical message (48 entries of 24 bytes).</summary>
[InlineArray(48)]
internal struct HeaderScratch
{
    private SipHeader _first;
}
