using System.Diagnostics.CodeAnalysis;

namespace Omstilling.Sip.Auth;

/// <summary>Where accounts are looked up by username. Implementations are thread-safe.</summary>
public interface IAccountStore
{
    bool TryGet(string username, [MaybeNullWhen(false)] out SipAccount account);
}
