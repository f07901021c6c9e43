namespace Omstilling.Fuzzing.Mutation;

/// <summary>
/// Where the start line, the header lines (name, colon, value) and the body of a SIP-like text
/// are, found leniently (LF or CRLF, a line without a colon is still a header line).
/// </summary>
internal sealed class SipLayout
{
    private SipLayout()
    {
    }

    /// <summary>The start line without its line end; empty for an empty input.</summary>
    public (int Start, int Length) StartLine { get; private init; }

    public IReadOnlyList<HeaderLine> Headers { get; private init; } = [];

    /// <summary>Where the body starts (after the empty line), or the input's length.</summary>
    public int BodyStart { get; private init; }

    public static SipLayout Of(byte[] input)
    {
        var lines = TextLines.Of(input);
        if (lines.Count == 0)
        {
            return new SipLayout { BodyStart = input.Length };
        }

        var headers = new List<HeaderLine>();
        var bodyStart = input.Length;
        foreach (var line in lines.Skip(1))
        {
            var length = TextLines.ContentLength(input, line);
            if (length == 0)
            {
                bodyStart = line.Start + line.Length;
                break;
            }

            var colon = input.AsSpan(line.Start, length).IndexOf((byte)':');
            headers.Add(new HeaderLine(line.Start, length, colon < 0 ? -1 : line.Start + colon));
        }

        return new SipLayout
        {
            StartLine = (lines[0].Start, TextLines.ContentLength(input, lines[0])), Headers = headers, BodyStart = bodyStart,
        };
    }
}
