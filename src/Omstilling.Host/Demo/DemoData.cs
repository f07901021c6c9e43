using System.Globalization;
using Omstilling.Sip.Auth;

namespace Omstilling.Host.Demo;

/// <summary>
/// The fictitious organisation of <c>--demo</c>: switchboard operators 100-103 and staff
/// 2000-2099, each with password "demo" + extension. The main number 54 73 10 00 rings operator
/// 100 until the switchboard queue exists; staff get example direct numbers 54 73 20 00-99,
/// which are made up for the demo and not Guldborgsund's real numbers.
/// </summary>
internal static class DemoData
{
    public const string MainNumber = "54731000";

    public static IEnumerable<string> Operators => Enumerable.Range(100, 4).Select(Text);

    public static IEnumerable<string> Staff => Enumerable.Range(2000, 100).Select(Text);

    public static IEnumerable<SipAccount> Accounts(string realm) =>
        Operators.Concat(Staff).Select(ext => SipAccount.FromPassword(ext, realm, "demo" + ext));

    /// <summary>Public numbers → the extension that answers.</summary>
    public static IReadOnlyDictionary<string, string> PublicNumbers()
    {
        var numbers = new Dictionary<string, string> { [MainNumber] = "100" };
        foreach (var ext in Staff)
        {
            numbers["5473" + ext] = ext;
        }

        return numbers;
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
