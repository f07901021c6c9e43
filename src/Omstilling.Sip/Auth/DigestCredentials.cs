using System.Text;

namespace Omstilling.Sip.Auth;

/// <summary>
/// The parameters of an Authorization or Proxy-Authorization header with the Digest scheme
/// (RFC 7616 §3.4, RFC 3261 §25.1), unquoted. Immutable.
/// </summary>
public sealed record DigestCredentials
{
    public required string Username { get; init; }

    public required string Realm { get; init; }

    public required string Nonce { get; init; }

    public required string Uri { get; init; }

    public required string Response { get; init; }

    public string? Algorithm { get; init; }

    public string? Cnonce { get; init; }

    public string? Opaque { get; init; }

    public string? Qop { get; init; }

    /// <summary>The nonce count as sent: eight hex digits.</summary>
    public string? NonceCount { get; init; }

    /// <summary>Parses "Digest name=value, ..." ; null when the scheme is not Digest or a required field is missing.</summary>
    public static DigestCredentials? TryParse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = header.AsSpan().Trim();
        if (text.Length < 7 || !text[..6].Equals("Digest", StringComparison.OrdinalIgnoreCase) || !char.IsWhiteSpace(text[6]))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = text[7..];
        while (!rest.IsEmpty)
        {
            rest = rest.TrimStart(" \t,");
            if (rest.IsEmpty)
            {
                break;
            }

            var eq = rest.IndexOf('=');
            if (eq <= 0)
            {
                return null;
            }

            var name = rest[..eq].Trim().ToString();
            rest = rest[(eq + 1)..].TrimStart();
            string value;
            if (!rest.IsEmpty && rest[0] == '"')
            {
                var sb = new StringBuilder();
                var i = 1;
                for (; i < rest.Length && rest[i] != '"'; i++)
                {
                    if (rest[i] == '\\' && i + 1 < rest.Length)
                    {
                        i++;
                    }

                    sb.Append(rest[i]);
                }

                if (i >= rest.Length)
                {
                    return null; // unterminated quoted string
                }

                value = sb.ToString();
                rest = rest[(i + 1)..];
            }
            else
            {
                var comma = rest.IndexOf(',');
                value = (comma < 0 ? rest : rest[..comma]).Trim().ToString();
                rest = comma < 0 ? [] : rest[comma..];
            }

            fields.TryAdd(name, value);
        }

        if (!fields.TryGetValue("username", out var username) || !fields.TryGetValue("realm", out var realm) ||
            !fields.TryGetValue("nonce", out var nonce) || !fields.TryGetValue("uri", out var uri) ||
            !fields.TryGetValue("response", out var response))
        {
            return null;
        }

        return new DigestCredentials
        {
            Username = username,
            Realm = realm,
            Nonce = nonce,
            Uri = uri,
            Response = response,
            Algorithm = fields.GetValueOrDefault("algorithm"),
            Cnonce = fields.GetValueOrDefault("cnonce"),
            Opaque = fields.GetValueOrDefault("opaque"),
            Qop = fields.GetValueOrDefault("qop"),
            NonceCount = fields.GetValueOrDefault("nc"),
        };
    }
}
