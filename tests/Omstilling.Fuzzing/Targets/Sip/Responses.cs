using Omstilling.Fuzzing.Engine;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Serialization;

namespace Omstilling.Fuzzing.Targets.Sip;

/// <summary>A response we build from a request we accepted must itself be a message we (and so the client) can read.</summary>
internal static class Responses
{
    private static readonly SipParserLimits Generous = new()
    {
        MaxHeaderSectionBytes = 4 * SipParserLimits.Default.MaxHeaderSectionBytes,
        MaxLineLength = 2 * SipParserLimits.Default.MaxLineLength,
        MaxHeaderCount = 2 * SipParserLimits.Default.MaxHeaderCount,
    };

    public static void CheckParses(SipResponse response)
    {
        var bytes = SipMessageWriter.ToBytes(response);
        SipMessage? parsed;
        try
        {
            SipParser.TryParseDatagram(bytes, Generous, out parsed);
        }
        catch (SipParseException e)
        {
            throw new OracleViolationException($"the {response.StatusCode} we would send does not parse: {e.Message}\n{Hex.Dump(bytes)}", e);
        }

        OracleViolationException.Check(parsed is SipResponse, $"the {response.StatusCode} we would send does not parse as a response");
        Views.ReadAll(parsed!);
    }
}
