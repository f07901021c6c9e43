using System.Text;
using Omstilling.Fuzzing.Engine;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Serialization;

namespace Omstilling.Fuzzing.Targets.Sip;

/// <summary>What a refusal must look like: an offset inside the input, a detail fit for a reason phrase, and an answer whose framing is ours.</summary>
internal static class Refusals
{
    public static void Check(SipParseException e, int inputLength)
    {
        OracleViolationException.Check(e.Offset >= 0 && e.Offset <= inputLength, $"{e.Reason} at offset {e.Offset} of a {inputLength}-byte input: {e.Detail}");
        OracleViolationException.Check(!string.IsNullOrEmpty(e.Detail), $"{e.Reason} without a detail");
        OracleViolationException.Check(!e.Detail.Any(char.IsControl), $"the detail of {e.Reason} has a control character: {e.Detail}");
    }

    /// <summary>
    /// The answer to a refused request: a status line, then header lines of a name and a value without
    /// line breaks or NULs (the writer adds Content-Length), then the empty line. Values are echoed as the
    /// client sent them, so whether they parse is the client's business; the framing is ours.
    /// </summary>
    public static void CheckErrorResponse(SipResponse response)
    {
        OracleViolationException.Check(response.StatusCode is 400 or 501 or 505 or 513, $"a refusal answered {response.StatusCode}");
        var text = Encoding.UTF8.GetString(SipMessageWriter.ToBytes(response));
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        OracleViolationException.Check(end > 0, "the error response has no empty line");
        var lines = text[..end].Split("\r\n");
        OracleViolationException.Check(lines.Length == response.Headers.Count + 2, $"the error response has {lines.Length - 1} header lines for {response.Headers.Count + 1} headers:\n{text}");
        OracleViolationException.Check(!lines[0].Any(c => c is '\0' or '\r' or '\n'), $"the error response's status line carries a line break or NUL: {lines[0]}");
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            OracleViolationException.Check(colon > 0 && !line.Contains('\0', StringComparison.Ordinal), $"the error response has a line that is not ours: {line}");
        }
    }
}
