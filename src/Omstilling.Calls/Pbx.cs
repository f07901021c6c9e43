using Microsoft.Extensions.Logging;
using Omstilling.Calls.Routing;
using Omstilling.Calls.Signalling;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.UserAgent;

namespace Omstilling.Calls;

/// <summary>
/// The call platform wired together on a <see cref="SipStack"/>: authentication, registrar,
/// dial plan, calls and the SIP server that dispatches to them. Start the stack with
/// <see cref="Server"/> as its core.
/// </summary>
public sealed class Pbx
{
    public Pbx(SipStack stack, IAccountStore accounts, PbxOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var time = stack.Scheduler.Time;
        Authenticator = new DigestAuthenticator(options.Realm, accounts, new NonceService(stack.Scheduler, options.NonceLifetime))
        {
            Offered = options.DigestAlgorithms,
        };
        Registrar = new SipRegistrar(Authenticator, new BindingStore(stack.Scheduler, TimeSpan.FromSeconds(30)), options.Registrar, time);
        DialPlan = new DialPlan(options.PublicNumbers, number => accounts.TryGet(number, out _));
        Calls = new CallManager(stack, DialPlan, Authenticator, Registrar.Bindings, options.Calls, loggerFactory.CreateLogger<CallManager>());
        Server = new SipServer(Registrar, Calls, new UasRequestChecks(), stack.Options.UserAgent);
    }

    public DigestAuthenticator Authenticator { get; }

    public SipRegistrar Registrar { get; }

    public DialPlan DialPlan { get; }

    public CallManager Calls { get; }

    public SipServer Server { get; }
}
