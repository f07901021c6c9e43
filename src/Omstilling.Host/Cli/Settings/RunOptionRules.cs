namespace Omstilling.Host.Cli.Settings;

/// <summary>The rules between <c>run</c>'s settings, checked once every source has been applied.</summary>
internal static class RunOptionRules
{
    /// <summary>The options if they fit together; else a <see cref="UsageException"/> saying which need which.</summary>
    public static RunOptions Checked(RunOptions options)
    {
        if (options.Trunk is null && (options.TrunkUser ?? options.TrunkDomain) is not null || options.TrunkRegister && options.TrunkUser is null)
        {
            throw new UsageException(options.TrunkRegister && options.TrunkUser is null
                ? "--trunk-register needs --trunk and --trunk-user"
                : "--trunk-user and --trunk-domain need --trunk");
        }

        if ((options.TlsCertificate is null) != (options.TlsKey is null))
        {
            throw new UsageException("--tls-cert and --tls-key go together");
        }

        if (options.TrunkTransport == Omstilling.Sip.Transport.SipTransportKind.Tls && options.TlsCertificate is null)
        {
            throw new UsageException("--trunk-transport tls needs --tls-cert and --tls-key (our certificate is shown to the trunk)");
        }

        if (options.TrunkCaFile is not null && options.TrunkTransport != Omstilling.Sip.Transport.SipTransportKind.Tls)
        {
            throw new UsageException("--trunk-ca needs --trunk-transport tls");
        }

        if (options.TlsCertificate is not null && options.TlsPort == options.SipPort)
        {
            throw new UsageException($"--tls-port needs a port of its own, not the SIP port {options.SipPort}");
        }

        if (options.Simulate && !options.Demo)
        {
            throw new UsageException("--simulate needs --demo (the simulated operators use the demo's phones)");
        }

        if (options.Management is { } listener && listener.Port == options.WebPort)
        {
            throw new UsageException($"--management needs a port of its own, not the web port {options.WebPort}");
        }

        // A password from the environment alone (OMSTILLING_SMTP_PASSWORD set for every start) asks for no mail server.
        if (options.Smtp is { Host.Length: 0 } smtp && smtp with { Password = null } == SettingValues.Smtp(options with { Smtp = null }))
        {
            return options with { Smtp = null };
        }

        return options.Smtp is { Host.Length: 0 }
            ? throw new UsageException("--smtp-from, --smtp-user, --smtp-password-file, --smtp-security and --public-url need --smtp")
            : options;
    }
}
