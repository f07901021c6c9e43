using Omstilling.Sip.Auth;

namespace Omstilling.Host.Cli;

/// <summary>The warm-up's two private phones: numbers the policy does not claim, random passwords, their accounts. Immutable.</summary>
internal sealed record WarmupCredentials(string Caller, string CallerPassword, string Callee, string CalleePassword)
{
    public IReadOnlyList<SipAccount> AccountsIn(string realm) =>
        [SipAccount.FromPassword(Caller, realm, CallerPassword), SipAccount.FromPassword(Callee, realm, CalleePassword)];
}
