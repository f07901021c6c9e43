namespace Omstilling.Simulator.Phones;

/// <summary>How a transfer from a simulated phone (a REFER in the call's dialog, RFC 3515) went.</summary>
/// <param name="ReferStatus">
/// The REFER's final status: 202 (or another 2xx) when the other side took the transfer on, else
/// its refusal (403, 404, 480, 482, 491, ...; 408 when nothing answered, 503 when it could not be sent).
/// </param>
/// <param name="NotifiedStatus">
/// The status line of the final NOTIFY's <c>message/sipfrag</c> body (200 when the transfer went
/// through); null when the REFER was refused, when the other side sends no NOTIFY
/// (<c>Refer-Sub: false</c>), or when none came in time.
/// </param>
public readonly record struct TransferResult(int ReferStatus, int? NotifiedStatus)
{
    /// <summary>The REFER was accepted (2xx).</summary>
    public bool Accepted => ReferStatus is >= 200 and < 300;

    /// <summary>Accepted, and the final NOTIFY reported success (a 2xx sipfrag).</summary>
    public bool Succeeded => Accepted && NotifiedStatus is >= 200 and < 300;

    public override string ToString() => Accepted
        ? $"REFER {ReferStatus}, NOTIFY {NotifiedStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"
        : $"REFER refused {ReferStatus}";
}
