using System.Text;
using Omstilling.Fuzzing.Mutation;

namespace Omstilling.Fuzzing.Seeds;

/// <summary>Values of one grammar taken from the SIP seeds: Request-URIs and URIs in brackets, addresses, Vias.</summary>
internal static class GrammarSeeds
{
    private static readonly string[] AddressHeaders = ["from", "f", "to", "t", "contact", "m", "route", "record-route", "reply-to"];
    private static readonly string[] ViaHeaders = ["via", "v"];

    private static readonly Lazy<byte[][]> LoadedUris = new(() => Distinct(SipSeeds.All.SelectMany(UrisOf)));
    private static readonly Lazy<byte[][]> LoadedAddresses = new(() => Distinct(SipSeeds.All.SelectMany(m => Values(m, AddressHeaders))));
    private static readonly Lazy<byte[][]> LoadedVias = new(() => Distinct(SipSeeds.All.SelectMany(m => Values(m, ViaHeaders))));

    public static IReadOnlyList<byte[]> Uris => LoadedUris.Value;

    public static IReadOnlyList<byte[]> Addresses => LoadedAddresses.Value;

    public static IReadOnlyList<byte[]> Vias => LoadedVias.Value;

    private static IEnumerable<byte[]> UrisOf(byte[] message)
    {
        var layout = SipLayout.Of(message);
        var line = message.AsSpan(layout.StartLine.Start, layout.StartLine.Length);
        var sp1 = line.IndexOf((byte)' ');
        var sp2 = sp1 < 0 ? -1 : line[(sp1 + 1)..].IndexOf((byte)' ');
        var found = new List<byte[]>();
        if (sp1 > 0 && sp2 > 0 && !line.StartsWith("SIP/"u8))
        {
            found.Add(line.Slice(sp1 + 1, sp2).ToArray());
        }

        foreach (var h in layout.Headers)
        {
            var value = message.AsSpan(h.ValueStart, h.ValueLength);
            var open = value.IndexOf((byte)'<');
            var close = open < 0 ? -1 : value[open..].IndexOf((byte)'>');
            if (close > 1)
            {
                found.Add(value.Slice(open + 1, close - 1).ToArray());
            }
        }

        return found;
    }

    /// <summary>The values of those headers, list elements split at top-level commas.</summary>
    private static IEnumerable<byte[]> Values(byte[] message, string[] names)
    {
        foreach (var h in SipLayout.Of(message).Headers)
        {
            var name = Encoding.Latin1.GetString(message.AsSpan(h.Start, h.NameLength)).Trim();
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = Encoding.Latin1.GetString(message.AsSpan(h.ValueStart, h.ValueLength));
            foreach (var element in SplitTopLevel(value))
            {
                yield return Encoding.Latin1.GetBytes(element.Trim());
            }
        }
    }

    private static IEnumerable<string> SplitTopLevel(string value)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '<' when !quoted:
                    depth++;
                    break;
                case '>' when !quoted:
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' when !quoted && depth == 0:
                    yield return value[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return value[start..];
    }

    private static byte[][] Distinct(IEnumerable<byte[]> values) =>
        [.. values.Where(v => v.Length > 0).Select(Convert.ToHexString).Distinct(StringComparer.Ordinal).Select(Convert.FromHexString)];
}
