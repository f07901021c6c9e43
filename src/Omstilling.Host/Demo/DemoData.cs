using System.Globalization;
using Omstilling.Sip.Auth;

namespace Omstilling.Host.Demo;

/// <summary>
/// The fictitious staff of <c>--demo</c>: switchboard operators 100-103 and staff 2000-2099,
/// each with password "demo" + extension, the extensions the bundled policy's number plan uses.
/// The numbers callers dial come from the policy.
/// </summary>
internal static class DemoData
{
    public static IEnumerable<string> Operators => Enumerable.Range(100, 4).Select(Text);

    public static IEnumerable<string> Staff => Enumerable.Range(2000, 100).Select(Text);

    public static IEnumerable<SipAccount> Accounts(string realm) =>
        Operators.Concat(Staff).Select(ext => SipAccount.FromPassword(ext, realm, "demo" + ext));

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
