namespace Omstilling.Media.Dtmf;

/// <summary>
/// Digits carried in SIP INFO bodies, as many phones still send them:
/// <c>application/dtmf-relay</c> ("Signal=5\r\nDuration=160") and <c>application/dtmf</c> ("5").
/// </summary>
public static class SipInfoDtmf
{
    /// <summary>The digit in an INFO body of that content type, or null when it holds none.</summary>
    public static char? Parse(string? contentType, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        switch (contentType)
        {
            case "application/dtmf-relay":
                foreach (var line in body.Split('\n'))
                {
                    var parts = line.Split('=', 2);
                    if (parts.Length == 2 && parts[0].Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase))
                    {
                        return Digit(parts[1].Trim());
                    }
                }

                return null;
            case "application/dtmf":
                return Digit(body.Trim());
            default:
                return null;
        }
    }

    private static char? Digit(string value)
    {
        if (value.Length == 1 && DtmfDigits.ToEvent(value[0]) >= 0)
        {
            return char.ToUpperInvariant(value[0]);
        }

        // Some phones send the event number ("10" for *, "11" for #).
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? DtmfDigits.FromEvent(code)
            : null;
    }
}
